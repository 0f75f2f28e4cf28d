-- renewal_summary from the frame reports.summary.summarise_books computed (`summary_frame`), typed.
CREATE OR REPLACE TABLE renewal_summary AS
SELECT CAST(scope AS VARCHAR) AS scope,
       CAST(as_of_date AS DATE) AS as_of_date,
       CAST(section AS VARCHAR) AS section,
       CAST(label AS VARCHAR) AS label,
       CAST(sort_order AS INTEGER) AS sort_order,
       CAST(opportunities AS INTEGER) AS opportunities,
       CAST(value AS DECIMAL(18, 2)) AS value,
       CAST(weighted_value AS DECIMAL(18, 2)) AS weighted_value,
       CAST(vendor_share AS DECIMAL(18, 2)) AS vendor_share,
       CAST(partner_share AS DECIMAL(18, 2)) AS partner_share,
       CAST(currency AS VARCHAR) AS currency
FROM summary_frame
ORDER BY scope <> 'all', scope,
         CASE section WHEN 'total' THEN 0 WHEN 'gaps' THEN 1 WHEN 'coterms' THEN 2 WHEN 'installed_base' THEN 3
                      WHEN 'kind' THEN 4 WHEN 'window' THEN 5 WHEN 'month' THEN 6 WHEN 'rep' THEN 7
                      WHEN 'reseller' THEN 8 WHEN 'missed' THEN 9 ELSE 10 END, sort_order, label;
