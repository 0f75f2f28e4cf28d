-- renewal_opportunities with the serial numbers each is about, in working order (action date first).
SELECT o.*, coalesce(s.serials, '') AS serials
FROM renewal_opportunities o
LEFT JOIN (
    SELECT opportunity_id, string_agg(serial_number, ', ' ORDER BY serial_number) AS serials
    FROM opportunity_assets GROUP BY opportunity_id
) s USING (opportunity_id)
ORDER BY o.action_date ASC, o.priority ASC, CASE o.kind WHEN 'renewal' THEN 0 WHEN 'lapsed' THEN 1 WHEN 'coverage_gap' THEN 2 ELSE 3 END,
         o.expiry_date ASC, o.value DESC NULLS LAST, o.opportunity_id ASC
