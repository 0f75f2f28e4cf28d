-- Inferred coverage, first part: which assets a contract covers beyond the serials its rows name.
-- Needs contracts_base, contract_assets_serial, the chosen `renewal_links` (prior_id, next_id),
-- assets and products; coverage_round.sql then decides shipments in rounds and coverage_final.sql
-- writes contract_assets.
--
--   partial renewal   a contract naming fewer units than its renewal neighbour named, paying for
--                     them all: the rest too (coverage_by_partial below).
--   renewal_chain     the contract renews, or is renewed by, a contract that names serials (the
--                     nearest one along the chain, either way): it covers that contract's assets of
--                     the same customer.
--   customer_product  otherwise: the customer's hardware that shipped before the contract started
--                     (60 days' grace) and is not covered by another contract (serial or chain)
--                     during this one's term, of the hardware SKUs the contract's own rows name (a
--                     rep's tracker line names the covered model), else of a product its SKU names
--                     (a SKU token besides the service level; any product with no SKU). Candidates
--                     come as shipments (units shipped to the customer on one day). In rounds, a
--                     contract whose evidence leaves one choice takes it: its one candidate shipment,
--                     the one of exactly its quantity, or all when together they are no more than
--                     its quantity; of two contracts of overlapping terms wanting one shipment the
--                     one starting nearer it wins, and a taken shipment is no candidate of the other.
--                     A decided shipment of more units than the quantity, and the candidates left
--                     of a contract the evidence could not decide, are basis 'inferred_ambiguous'
--                     (possibly covered: not a gap, not counted as the contract's assets).

CREATE OR REPLACE TEMP TABLE coverage_unnamed AS
SELECT b.contract_id, b.customer_id, b.sku, b.service_level, b.quantity, b.end_date,
       coalesce(b.start_date, CAST(b.end_date - INTERVAL 1 YEAR AS DATE) + 1) AS start_date,
       b.amount * 12 / coalesce(nullif(b.term_months, 0), 12) AS annual_amount, b.currency
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

-- a contract that names fewer units than the contract it renews (or that renews it) named, of the
-- same customer: when its yearly amount pays for the neighbour's units at the neighbour's price a
-- unit (90% or more of them), a row naming the rest was lost and it covers them too (inferred);
-- when it pays for what it names (110% at most), the rest were dropped at renewal and lapse; in
-- between they are possibly covered (inferred_ambiguous). A unit another contract covers over the
-- same months is left alone.
CREATE OR REPLACE TEMP TABLE coverage_by_partial AS
WITH named AS (
    SELECT contract_id, count(*) AS units FROM contract_assets_serial GROUP BY contract_id
),
yearly AS (
    SELECT contract_id, customer_id, currency, end_date,
           coalesce(start_date, CAST(end_date - INTERVAL 1 YEAR AS DATE) + 1) AS start_date,
           amount * 12 / coalesce(nullif(term_months, 0), 12) AS annual_amount
    FROM contracts_base
),
neighbours AS (
    SELECT prior_id AS contract_id, next_id AS neighbour_id FROM renewal_links
    UNION SELECT next_id, prior_id FROM renewal_links
),
paid AS (  -- how many of the neighbour's units the contract's yearly amount pays for
    SELECT n.contract_id, n.neighbour_id, mine.units, theirs.units AS neighbour_units,
           y.annual_amount * theirs.units / yn.annual_amount AS paid_units
    FROM neighbours n
    JOIN named mine ON mine.contract_id = n.contract_id
    JOIN named theirs ON theirs.contract_id = n.neighbour_id
    JOIN yearly y ON y.contract_id = n.contract_id
    JOIN yearly yn ON yn.contract_id = n.neighbour_id
    WHERE theirs.units > mine.units AND y.currency IS NOT DISTINCT FROM yn.currency
      AND y.annual_amount > 0 AND yn.annual_amount > 0
),
filled AS (
    SELECT p.contract_id, s.asset_id, p.neighbour_id,
           CASE WHEN p.paid_units >= 0.9 * p.neighbour_units THEN 'inferred' ELSE 'inferred_ambiguous' END AS basis
    FROM paid p
    JOIN yearly y ON y.contract_id = p.contract_id
    JOIN contract_assets_serial s ON s.contract_id = p.neighbour_id
    JOIN assets a ON a.asset_id = s.asset_id
    WHERE p.paid_units > 1.1 * p.units
      AND a.customer_id IS NOT DISTINCT FROM y.customer_id
      AND NOT EXISTS (
          SELECT 1 FROM contract_assets_serial k JOIN yearly ky USING (contract_id)
          WHERE k.asset_id = s.asset_id AND (k.contract_id = p.contract_id OR (
                k.contract_id NOT IN (p.contract_id, p.neighbour_id)
                AND least(ky.end_date, y.end_date) - greatest(ky.start_date, y.start_date) > 30)))
)
SELECT contract_id, asset_id, 'renewal_chain' AS rule, min(basis) AS basis,  -- 'inferred' sorts first
       arg_min(neighbour_id, (basis, neighbour_id)) AS inferred_from
FROM filled
GROUP BY contract_id, asset_id;

-- every contract's term with the assets known so far (serials and chains), to keep a unit that
-- another contract covers over the same months out of an inferred contract
CREATE OR REPLACE TEMP TABLE coverage_known AS
SELECT x.contract_id, x.asset_id, b.end_date,
       coalesce(b.start_date, CAST(b.end_date - INTERVAL 1 YEAR AS DATE) + 1) AS start_date
FROM (SELECT contract_id, asset_id FROM contract_assets_serial
      UNION SELECT contract_id, asset_id FROM coverage_by_chain
      UNION SELECT contract_id, asset_id FROM coverage_by_partial WHERE basis = 'inferred') x
JOIN contracts_base b USING (contract_id);

-- candidate shipments (a customer's hardware units that shipped on one day) of each contract left
CREATE OR REPLACE TEMP TABLE coverage_pairs AS
WITH named_hardware AS (  -- the hardware SKUs the contract's own rows name (a rep's tracker line)
    SELECT contract_id, list(DISTINCT sku) AS hw_skus
    FROM contract_lines WHERE sku_category = 'hardware' AND sku IS NOT NULL
    GROUP BY contract_id
),
open_contracts AS (
    SELECT u.*, coalesce(h.hw_skus, []) AS hw_skus,
           list_filter(string_split_regex(upper(coalesce(u.sku, '')), '[^A-Z0-9]+'),
                       lambda t: length(t) >= 2 AND t IS DISTINCT FROM upper(u.service_level)) AS sku_tokens
    FROM coverage_unnamed u
    LEFT JOIN named_hardware h USING (contract_id)
    WHERE u.customer_id IS NOT NULL AND u.end_date IS NOT NULL
      AND u.contract_id NOT IN (SELECT contract_id FROM coverage_by_chain)
),
candidates AS (
    SELECT o.contract_id, o.customer_id, o.start_date, o.end_date, o.quantity, o.annual_amount,
           o.service_level, o.currency, a.asset_id, a.ship_date, sku_norm(a.sku) AS hw_sku
    FROM open_contracts o
    JOIN assets a ON a.customer_id = o.customer_id
    JOIN products p ON p.sku = sku_norm(a.sku)
    WHERE p.category = 'hardware' AND a.ship_date IS NOT NULL
      AND a.ship_date <= o.start_date + 60
      AND CASE WHEN len(o.hw_skus) > 0 THEN list_contains(o.hw_skus, sku_norm(a.sku))
               ELSE len(o.sku_tokens) = 0
                    OR len(list_intersect(o.sku_tokens, string_split_regex(upper(a.sku), '[^A-Z0-9]+'))) > 0 END
      AND NOT EXISTS (
          SELECT 1 FROM coverage_known k
          WHERE k.asset_id = a.asset_id AND k.contract_id <> o.contract_id
            AND least(k.end_date, o.end_date) - greatest(k.start_date, o.start_date) > 30)
)
SELECT s.contract_id, s.customer_id, s.start_date, s.end_date, s.quantity, s.ship_date, s.units,
       s.asset_ids, s.dist, coalesce(s.units = s.quantity, false) AS exact,
       -- the amount fits the shipment: the annual amount is 75-105% of its units at the list price
       -- a year of a service SKU of the contract's level that shares a token with their hardware
       coalesce(bool_or(s.annual_amount / (s.units * coalesce(p.list_price, p.median_unit_price))
                        BETWEEN 0.75 AND 1.05), false) AS price_fit
FROM (SELECT contract_id, customer_id, start_date, end_date, quantity, annual_amount, service_level, currency,
             ship_date, count(*) AS units, list(asset_id ORDER BY asset_id) AS asset_ids,
             list(DISTINCT hw_sku) AS hw_skus, abs(start_date - ship_date) AS dist
      FROM candidates
      GROUP BY contract_id, customer_id, start_date, end_date, quantity, annual_amount, service_level,
               currency, ship_date) s
LEFT JOIN products p
  ON p.category = 'service' AND p.service_level = s.service_level
 AND coalesce(nullif(upper(trim(p.currency)), ''), s.currency) = s.currency
 AND coalesce(p.list_price, p.median_unit_price) > 0
 AND list_has_any(list_filter(string_split_regex(p.sku, '[^A-Z0-9]+'),
                              lambda t: length(t) >= 2 AND t <> upper(s.service_level)),
                  flatten(list_transform(s.hw_skus, lambda k: string_split_regex(k, '[^A-Z0-9]+'))))
GROUP BY ALL;

-- the shipments decided for a contract, filled in rounds (coverage_round.sql) until none is left
CREATE OR REPLACE TEMP TABLE coverage_decided (contract_id VARCHAR, ship_date DATE, dist INTEGER);

-- per undecided contract, its candidate shipments that no decided contract of overlapping term
-- has taken, in the best evidence tier left: exactly the quantity first, then the amount's fit
CREATE OR REPLACE TEMP VIEW coverage_available AS
WITH free AS (
    SELECT p.* FROM coverage_pairs p
    WHERE p.contract_id NOT IN (SELECT contract_id FROM coverage_decided)
      AND NOT EXISTS (
          SELECT 1 FROM coverage_decided d JOIN coverage_pairs q USING (contract_id, ship_date)
          WHERE q.customer_id = p.customer_id AND q.ship_date = p.ship_date
            AND least(q.end_date, p.end_date) - greatest(q.start_date, p.start_date) > 30)
)
SELECT * EXCLUDE (tier, best_tier), count(*) OVER (PARTITION BY contract_id) AS shipments,
       sum(units) OVER (PARTITION BY contract_id) AS tier_units
FROM (SELECT *, max(tier) OVER (PARTITION BY contract_id) AS best_tier
      FROM (SELECT *, 2 * exact::INTEGER + price_fit::INTEGER AS tier FROM free))
WHERE tier = best_tier;
