-- The headline by rep: renewals and win-backs per rep and window (expiry_window; "window" is the same column)
SELECT coalesce(rep, 'unassigned') AS rep, expiry_window, count(*) AS opportunities, sum(value) AS value,
       sum(weighted_value) AS weighted_value
FROM renewal_opportunities
WHERE kind IN ('renewal', 'lapsed')
GROUP BY ALL
ORDER BY rep, min(days_to_expiry)
LIMIT 10
