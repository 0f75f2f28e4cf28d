-- contract_assets: the assets each contract covers, from its serials (`basis` serial) and, for a
-- contract none of whose rows names a serial, inferred (`basis` inferred). Needs contracts_base,
-- contract_assets_serial, the chosen `renewal_links` (prior_id, next_id), assets and products.
--
--   renewal_chain     the contract renews, or is renewed by, a contract that names serials (the
--                     nearest one along the chain, either way): it covers that contract's assets of
--                     the same customer.
--   customer_product  otherwise: the customer's hardware that shipped before the contract started
--                     (60 days' grace) and is not covered by another contract during this one's
--                     term, of a product the contract's SKU names (they share a SKU token besides the
--                     service level; any product when the contract has no SKU). With a known quantity,
--                     a shipment of exactly that many units (the latest), else the latest units up to
--                     the quantity; with none, the latest shipment (the units that shipped on one day).
CREATE OR REPLACE TEMP TABLE coverage_unnamed AS
SELECT b.contract_id, b.customer_id, b.sku, b.service_level, b.quantity, b.end_date,
       coalesce(b.start_date, CAST(b.end_date - INTERVAL 1 YEAR AS DATE) + 1) AS start_date
FROM contracts_base b
WHERE b.contract_id NOT IN (SELECT contract_id FROM contract_assets_serial);

CREATE OR REPLACE TEMP TABLE coverage_by_chain AS
WITH RECURSIVE back_walk(contract_id, at_id, dist) AS (
    SELECT contract_id, contract_id, 0 FROM coverage_unnamed
    UNION ALL
    SELECT w.contract_id, l.prior_id, w.dist + 1
    FROM back_walk w JOIN renewal_links l ON l.next_id = w.at_id
    WHERE w.dist < 50 AND (w.dist = 0 OR w.at_id NOT IN (SELECT contract_id FROM contract_assets_serial))
),
forward_walk(contract_id, at_id, dist) AS (
    SELECT contract_id, contract_id, 0 FROM coverage_unnamed
    UNION ALL
    SELECT w.contract_id, l.next_id, w.dist + 1
    FROM forward_walk w JOIN renewal_links l ON l.prior_id = w.at_id
    WHERE w.dist < 50 AND (w.dist = 0 OR w.at_id NOT IN (SELECT contract_id FROM contract_assets_serial))
),
named AS (  -- the nearest contract along the chain that names serials (earlier ones first on a tie)
    SELECT contract_id, arg_min(at_id, (dist, side)) AS from_id
    FROM (SELECT *, 0 AS side FROM back_walk UNION ALL SELECT *, 1 FROM forward_walk) w
    WHERE dist > 0 AND at_id IN (SELECT contract_id FROM contract_assets_serial)
    GROUP BY contract_id
)
SELECT n.contract_id, s.asset_id, 'renewal_chain' AS rule, n.from_id AS inferred_from
FROM named n
JOIN coverage_unnamed u USING (contract_id)
JOIN contract_assets_serial s ON s.contract_id = n.from_id
JOIN assets a ON a.asset_id = s.asset_id
WHERE a.customer_id IS NOT DISTINCT FROM u.customer_id OR a.customer_id IS NULL OR u.customer_id IS NULL;

-- every contract's term with the assets known so far (serials and chains), to keep a unit that
-- another contract covers over the same months out of an inferred contract
CREATE OR REPLACE TEMP TABLE coverage_known AS
SELECT x.contract_id, x.asset_id, b.end_date,
       coalesce(b.start_date, CAST(b.end_date - INTERVAL 1 YEAR AS DATE) + 1) AS start_date
FROM (SELECT contract_id, asset_id FROM contract_assets_serial
      UNION SELECT contract_id, asset_id FROM coverage_by_chain) x
JOIN contracts_base b USING (contract_id);

CREATE OR REPLACE TEMP TABLE coverage_by_product AS
WITH open_contracts AS (
    SELECT u.*, list_filter(string_split_regex(upper(coalesce(u.sku, '')), '[^A-Z0-9]+'),
                            lambda t: length(t) >= 2 AND t IS DISTINCT FROM upper(u.service_level)) AS sku_tokens
    FROM coverage_unnamed u
    WHERE u.customer_id IS NOT NULL AND u.end_date IS NOT NULL
      AND u.contract_id NOT IN (SELECT contract_id FROM coverage_by_chain)
),
candidates AS (
    SELECT o.contract_id, o.quantity, a.asset_id, a.ship_date
    FROM open_contracts o
    JOIN assets a ON a.customer_id = o.customer_id
    JOIN products p ON p.sku = sku_norm(a.sku)
    WHERE p.category = 'hardware' AND a.ship_date IS NOT NULL
      AND a.ship_date <= o.start_date + 60
      AND (len(o.sku_tokens) = 0
           OR len(list_intersect(o.sku_tokens, string_split_regex(upper(a.sku), '[^A-Z0-9]+'))) > 0)
      AND NOT EXISTS (
          SELECT 1 FROM coverage_known k
          WHERE k.asset_id = a.asset_id AND k.contract_id <> o.contract_id
            AND least(k.end_date, o.end_date) - greatest(k.start_date, o.start_date) > 30)
),
shipments AS (  -- units that shipped on one day: one order, usually one contract
    SELECT contract_id, ship_date, count(*) AS units FROM candidates GROUP BY ALL
),
exact AS (  -- the latest shipment of exactly the contract's quantity
    SELECT s.contract_id, max(s.ship_date) AS ship_date
    FROM shipments s JOIN open_contracts o USING (contract_id)
    WHERE s.units = o.quantity
    GROUP BY s.contract_id
),
ranked AS (
    SELECT c.*, e.ship_date AS exact_date,
           row_number() OVER (PARTITION BY c.contract_id ORDER BY c.ship_date DESC, c.asset_id) AS latest,
           max(c.ship_date) OVER (PARTITION BY c.contract_id) AS last_shipment
    FROM candidates c LEFT JOIN exact e USING (contract_id)
)
SELECT contract_id, asset_id, 'customer_product' AS rule, NULL::VARCHAR AS inferred_from
FROM ranked
WHERE CASE WHEN exact_date IS NOT NULL THEN ship_date = exact_date
           WHEN quantity IS NOT NULL THEN latest <= quantity
           ELSE ship_date = last_shipment END;

CREATE OR REPLACE TABLE contract_assets AS
SELECT contract_id, asset_id, source_rows, 'serial' AS basis, 'serial' AS rule, NULL::VARCHAR AS inferred_from
FROM contract_assets_serial
UNION ALL
SELECT contract_id, asset_id, 0, 'inferred', rule, inferred_from FROM coverage_by_chain
UNION ALL
SELECT contract_id, asset_id, 0, 'inferred', rule, inferred_from FROM coverage_by_product
ORDER BY contract_id, asset_id;
