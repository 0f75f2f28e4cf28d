-- renewal_summary: totals of renewal_opportunities by kind, window, rep and reseller, renewals due
-- by month (renewal_forecast, every month of the horizon even when empty) and missed renewals.
-- Co-terms are alternatives to the renewals they fold: they have their own `kind` row and are left
-- out of every other total. Only amounts in the reporting currency are added up.
CREATE OR REPLACE TABLE renewal_summary AS
WITH s AS (SELECT * FROM rv_settings),
opps AS (
    SELECT o.* FROM renewal_opportunities o, s WHERE o.currency = s.currency
),
counted AS (SELECT * FROM opps WHERE kind <> 'coterm'),
window_order AS (
    SELECT label, sort_order FROM rv_windows
    UNION ALL SELECT 'lapsed', 1000
    UNION ALL SELECT 'gap', 1001
),
months AS (
    SELECT CAST(m AS DATE) AS month, row_number() OVER (ORDER BY m) AS sort_order
    FROM s, range(date_trunc('month', s.as_of), date_trunc('month', s.as_of) + to_months(s.forecast_months),
                  INTERVAL 1 MONTH) AS r(m)
),
rows AS (
    SELECT 'total' AS section, 'all opportunities (co-terms not added)' AS label, 0 AS sort_order,
           count(*) AS opportunities, sum(value) AS value, sum(weighted_value) AS weighted_value,
           sum(vendor_share) AS vendor_share, sum(partner_share) AS partner_share
    FROM counted
    UNION ALL
    SELECT 'kind', k.kind, k.sort_order, count(o.opportunity_id), sum(o.value), sum(o.weighted_value),
           sum(o.vendor_share), sum(o.partner_share)
    FROM (VALUES ('renewal', 1), ('lapsed', 2), ('coverage_gap', 3), ('coterm', 4)) AS k(kind, sort_order)
    LEFT JOIN opps o ON o.kind = k.kind
    GROUP BY k.kind, k.sort_order
    UNION ALL
    SELECT 'window', w.label, w.sort_order, count(o.opportunity_id), sum(o.value), sum(o.weighted_value),
           sum(o.vendor_share), sum(o.partner_share)
    FROM window_order w
    LEFT JOIN counted o ON o."window" = w.label
    GROUP BY w.label, w.sort_order
    HAVING count(o.opportunity_id) > 0 OR w.sort_order >= 1000 OR w.label IN (SELECT label FROM rv_windows WHERE hi <= (SELECT renewal_days FROM s))
    UNION ALL
    SELECT 'month', strftime(m.month, '%Y-%m'), m.sort_order, count(f.contract_id), coalesce(sum(f.value), 0),
           coalesce(sum(f.weighted_value), 0), NULL, NULL
    FROM months m
    LEFT JOIN (SELECT f.* FROM renewal_forecast f, s WHERE f.currency = s.currency) f ON f.month = m.month
    GROUP BY m.month, m.sort_order
    UNION ALL
    SELECT 'rep', coalesce(rep, 'unassigned'), 0, count(*), sum(value), sum(weighted_value),
           sum(vendor_share), sum(partner_share)
    FROM counted GROUP BY coalesce(rep, 'unassigned')
    UNION ALL
    SELECT 'reseller', coalesce(reseller_name, 'direct (no reseller)'), 0, count(*), sum(value), sum(weighted_value),
           sum(vendor_share), sum(partner_share)
    FROM counted GROUP BY coalesce(reseller_name, 'direct (no reseller)')
    UNION ALL
    SELECT 'missed', 'expired in the last ' || s.missed_days || ' days, never renewed', 0, count(m.contract_id),
           coalesce(sum(m.value), 0), NULL, NULL, NULL
    FROM s LEFT JOIN missed_renewals m ON m.currency = s.currency
    GROUP BY s.missed_days
)
SELECT s.as_of AS as_of_date, r.section, r.label,
       -- by rep and by reseller: largest weighted value first
       CAST(CASE WHEN r.section IN ('rep', 'reseller')
                 THEN row_number() OVER (PARTITION BY r.section ORDER BY r.weighted_value DESC NULLS LAST, r.label)
                 ELSE r.sort_order END AS INTEGER) AS sort_order,
       CAST(r.opportunities AS INTEGER) AS opportunities,
       CAST(coalesce(r.value, 0) AS DECIMAL(18, 2)) AS value,
       CAST(r.weighted_value AS DECIMAL(18, 2)) AS weighted_value,
       CAST(r.vendor_share AS DECIMAL(18, 2)) AS vendor_share,
       CAST(r.partner_share AS DECIMAL(18, 2)) AS partner_share,
       s.currency
FROM rows r, s
ORDER BY CASE r.section WHEN 'total' THEN 0 WHEN 'kind' THEN 1 WHEN 'window' THEN 2 WHEN 'month' THEN 3
                        WHEN 'rep' THEN 4 WHEN 'reseller' THEN 5 ELSE 6 END, sort_order, r.label;
