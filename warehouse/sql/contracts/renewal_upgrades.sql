-- renewal_upgrades (TEMP): renewals that change the service level (an upgrade from next business
-- day to 4 hours, say), found once coverage is known. A same-customer pair of different levels is
-- not a renewal candidate by itself (on the demo world such pairs were wrong 5 times in 6); it is
-- one when the later contract starts within the renewal window of the earlier one's end, ends
-- later, and the two cover exactly the same units (serial or inferred coverage; possibly covered
-- units do not count), neither already linked that way. Needs contracts_base, contract_assets and
-- the chosen `renewal_links`.
CREATE OR REPLACE TEMP TABLE renewal_upgrades AS
WITH covered AS (
    SELECT contract_id, list(DISTINCT asset_id ORDER BY asset_id) AS units
    FROM contract_assets WHERE basis IN ('serial', 'inferred')
    GROUP BY contract_id
),
open_prior AS (
    SELECT b.* FROM contracts_base b WHERE b.contract_id NOT IN (SELECT prior_id FROM renewal_links)
),
open_next AS (
    SELECT b.* FROM contracts_base b
    WHERE b.contract_id NOT IN (SELECT next_id FROM renewal_links) AND NOT b.credited
)
SELECT p.contract_id AS prior_id, n.contract_id AS next_id, abs(n.start_date - (p.end_date + 1)) AS gap_days
FROM open_prior p
JOIN open_next n ON n.customer_id = p.customer_id AND n.contract_id <> p.contract_id
JOIN covered cp ON cp.contract_id = p.contract_id
JOIN covered cn ON cn.contract_id = n.contract_id AND cn.units = cp.units
CROSS JOIN run_settings s
WHERE p.service_level IS DISTINCT FROM n.service_level
  AND n.start_date - p.end_date BETWEEN -s.renewal_early_days AND s.renewal_window_days
  AND n.end_date > p.end_date
  AND n.start_date > coalesce(p.start_date, p.end_date - 366)
ORDER BY gap_days, prior_id, next_id;
