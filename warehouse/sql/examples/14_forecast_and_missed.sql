-- Renewals due by month (renewal_forecast) beside the renewals missed in that month a year earlier
SELECT f.month, count(*) AS contracts, sum(f.value) AS value, sum(f.weighted_value) AS weighted_value,
       (SELECT count(*) FROM missed_renewals m
        WHERE date_trunc('month', m.end_date) = f.month - INTERVAL 1 YEAR) AS missed_a_year_earlier
FROM renewal_forecast f
GROUP BY f.month
ORDER BY f.month
LIMIT 12
