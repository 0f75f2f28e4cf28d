-- Installed base: customers with the most assets uncovered for years (a campaign list, not in the totals)
SELECT customer_name, sku, count(*) AS assets, min(uncovered_since) AS uncovered_since,
       max(years_uncovered) AS years_uncovered, sum(value_if_covered) AS value_if_covered, any_value(rep) AS rep
FROM installed_base
GROUP BY customer_name, sku
ORDER BY value_if_covered DESC
LIMIT 10
