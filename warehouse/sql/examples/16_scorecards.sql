-- A channel manager's first look: the resellers with the most value at risk, their renewal and attach rates
SELECT reseller_name, tier, round(renewal_rate, 2) AS renewal_rate, round(attach_rate, 2) AS attach_rate,
       lapse_value, value_at_risk, round(worked_share, 2) AS worked
FROM reseller_scorecards
ORDER BY value_at_risk DESC
LIMIT 5
