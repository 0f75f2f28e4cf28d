-- renewal_opportunities with the serial numbers each is about and the customer's country (to show
-- its phone numbers), in working order (action date, then priority).
SELECT o.*, coalesce(s.serials, '') AS serials, cu.country AS customer_country
FROM renewal_opportunities o
LEFT JOIN customers cu ON cu.customer_id = o.customer_id
LEFT JOIN (
    SELECT opportunity_id, string_agg(serial_number, ', ' ORDER BY serial_number) AS serials
    FROM opportunity_assets GROUP BY opportunity_id
) s USING (opportunity_id)
ORDER BY o.action_date ASC, o.priority ASC, CASE o.kind WHEN 'renewal' THEN 0 WHEN 'lapsed' THEN 1 WHEN 'coverage_gap' THEN 2 ELSE 3 END,
         o.expiry_date ASC, o.value DESC NULLS LAST, o.opportunity_id ASC
