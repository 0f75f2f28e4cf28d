-- The figures every workbook shows: the headline and the separate sections of the whole book (renewal_summary)
SELECT section, label, opportunities, value, weighted_value, currency
FROM renewal_summary
WHERE scope = 'all' AND section IN ('total', 'gaps', 'coterms', 'installed_base', 'missed', 'changes')
ORDER BY CASE section WHEN 'total' THEN 0 WHEN 'gaps' THEN 1 WHEN 'coterms' THEN 2 WHEN 'installed_base' THEN 3
                   WHEN 'missed' THEN 4 ELSE 5 END, sort_order
