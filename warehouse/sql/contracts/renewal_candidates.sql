-- renewal_candidates (TEMP): pairs (prior, next) where `next` may renew `prior`: it starts within
-- the renewal window after prior's end (run_settings.renewal_window_days, default 60; or up to
-- renewal_early_days before it, default 60: "within 60 days of its end, before or after") and ends
-- later, and it covers an asset prior covered, or is the
-- same customer's contract of the same service level and SKU family (either unknown on one side
-- passes) and at least one of them names no asset (when both do, they must share one), the units
-- the later one names having shipped by the earlier one's start (60 days' grace). Strength: 3
-- shared assets, 2 same customer + SKU family + service level, 1 same
-- customer with the SKU or the level unknown on one side. (A same-customer pair whose levels
-- differ is not linked: on the demo world such pairs were wrong 5 times in 6.) A pair of strength 1
-- never starts before the earlier one ends: with nothing but the customer and the level in common, a
-- contract starting while another still runs is a parallel one on other units (demo worlds of ten
-- seeds and two sizes: 37 such links, every one wrong; started at or after the end, 5,791 links, 0.7%
-- wrong). The links are the
-- one-to-one matching of most weight (warehouse.renewal_matching): strength first, so a weak pair is only
-- used when no stronger link needs either side, then as many links as possible, then shorter gaps.
-- A later contract whose start no source gives (a rep's tracker often has only the end) is taken to
-- start a year before its end, the common term (`starts`); its start_date stays unknown. A contract
-- credited (credited in full, or its status says cancelled) renews nothing.
CREATE OR REPLACE TEMP TABLE renewal_candidates AS
WITH starts AS (
    SELECT contract_id, coalesce(start_date, CAST(end_date - INTERVAL 1 YEAR AS DATE) + 1) AS start_on
    FROM contracts_base
),
by_assets AS (
    SELECT a.contract_id AS prior_id, b.contract_id AS next_id, count(*) AS shared_assets
    FROM contract_assets_serial a
    JOIN contract_assets_serial b ON b.asset_id = a.asset_id AND b.contract_id <> a.contract_id
    GROUP BY ALL
),
by_customer AS (
    SELECT p.contract_id AS prior_id, n.contract_id AS next_id, 0 AS shared_assets
    FROM contracts_base p
    JOIN contracts_base n ON n.customer_id = p.customer_id AND n.contract_id <> p.contract_id
    JOIN starts nx ON nx.contract_id = n.contract_id
    CROSS JOIN run_settings s
    WHERE nx.start_on - p.end_date BETWEEN -s.renewal_early_days AND s.renewal_window_days
      AND coalesce(p.service_level = n.service_level, true)
      AND coalesce(p.sku_family = n.sku_family, true)
      -- both name their assets and share none (shared ones are by_assets pairs): different units, not a renewal
      AND NOT (p.asset_count > 0 AND n.asset_count > 0)
      -- ... and the units the later one names existed when the earlier one started (60 days' grace)
      AND NOT EXISTS (
          SELECT 1 FROM contract_assets_serial ns JOIN assets a USING (asset_id)
          WHERE ns.contract_id = n.contract_id
          GROUP BY ns.contract_id
          HAVING min(a.ship_date) > coalesce(p.start_date, p.end_date - 365) + 60)
),
pairs AS (
    SELECT prior_id, next_id, max(shared_assets) AS shared_assets
    FROM (SELECT * FROM by_assets UNION ALL SELECT * FROM by_customer)
    GROUP BY ALL
)
SELECT x.prior_id, x.next_id, x.shared_assets,
       CASE WHEN x.shared_assets > 0 THEN 3
            WHEN p.sku_family = n.sku_family AND p.service_level = n.service_level THEN 2
            ELSE 1 END AS strength,
       p.numbered AND n.numbered AS both_numbered,
       abs(nx.start_on - (p.end_date + 1)) AS gap_days
FROM pairs x
JOIN contracts_base p ON p.contract_id = x.prior_id
JOIN contracts_base n ON n.contract_id = x.next_id
JOIN starts nx ON nx.contract_id = x.next_id
CROSS JOIN run_settings s
WHERE nx.start_on IS NOT NULL AND p.end_date IS NOT NULL
  AND NOT n.credited  -- a renewal credited in full renews nothing
  AND n.end_date > p.end_date
  AND nx.start_on > coalesce(p.start_date, p.end_date - 366)
  AND nx.start_on - p.end_date <= s.renewal_window_days
  AND p.end_date - nx.start_on <= s.renewal_early_days
  -- booked early: up to renewal_early_days when they share assets or SKU family and level; never else
  AND (x.shared_assets > 0 OR (p.sku_family = n.sku_family AND p.service_level = n.service_level)
       OR nx.start_on >= p.end_date)
ORDER BY strength DESC, both_numbered DESC, shared_assets DESC, gap_days ASC, x.prior_id ASC, x.next_id ASC;
