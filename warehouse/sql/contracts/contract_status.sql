-- contracts.status as of run_settings.as_of: a contract ending before it is expired, one ending within
-- renewal_days after it expiring, a later one active. Run every night after the contract tables,
-- which depend on no date (a night with a new date alone reuses them); the statuses no date decides
-- (renewed, credited, lost, unknown) are contracts_final.sql's and kept.
UPDATE contracts
SET status = CASE WHEN contracts.end_date < s.as_of THEN 'expired'
                  WHEN contracts.end_date <= s.as_of + s.renewal_days THEN 'expiring'
                  ELSE 'active' END
FROM run_settings s
WHERE contracts.status IS NULL OR contracts.status IN ('expired', 'expiring', 'active');
