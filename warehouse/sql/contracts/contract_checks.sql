-- Consistency of the contract tables (one row per check, `failing` = rows that break it); the
-- nightly job's blocking check stops the publish step when any is non-zero.
SELECT 'duplicate contract_id' AS check_name,
       count(*) - count(DISTINCT contract_id) AS failing FROM contracts
UNION ALL
SELECT 'renewed_by names no contract',
       count(*) FROM contracts c WHERE c.renewed_by IS NOT NULL
       AND c.renewed_by NOT IN (SELECT contract_id FROM contracts)
UNION ALL
SELECT 'renewal starts before the renewed contract ends minus the early window or after the window',
       count(*) FROM contracts c JOIN contracts n ON n.contract_id = c.renewed_by CROSS JOIN run_settings s
       WHERE n.start_date - c.end_date > s.renewal_window_days OR c.end_date - n.start_date > s.renewal_early_days
UNION ALL
SELECT 'contract without a source row',
       count(*) FROM contracts c WHERE c.contract_id NOT IN (SELECT contract_id FROM contract_sources)
UNION ALL
SELECT 'contract_assets names no asset',
       count(*) FROM contract_assets ca WHERE ca.asset_id NOT IN (SELECT asset_id FROM assets)
UNION ALL
SELECT 'negative amount', count(*) FROM contracts WHERE amount < 0
