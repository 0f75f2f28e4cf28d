-- Coverage gaps by product: the assets of coverage_gap opportunities (serial and inferred coverage already counted)
SELECT oa.sku, p.category, p.list_price, p.list_price_estimated, count(*) AS assets, sum(o.value) AS value
FROM renewal_opportunities o
JOIN opportunity_assets oa USING (opportunity_id)
JOIN products p ON p.sku = upper(regexp_replace(oa.sku, '\s+', '', 'g'))
WHERE o.kind = 'coverage_gap'
GROUP BY ALL
ORDER BY assets DESC
LIMIT 10
