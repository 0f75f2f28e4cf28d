-- assets gains warranty_end: ship_date + the warranty months of the product's category
-- (sources.yaml `warranty:`, default hardware 12). NULL when the ship date, the product or the
-- category's warranty is unknown. Every existing column of assets is kept as it was.
ALTER TABLE assets DROP COLUMN IF EXISTS warranty_end;

CREATE OR REPLACE TABLE assets AS
SELECT a.*,
       CAST(a.ship_date + to_months(w.months) AS DATE) AS warranty_end
FROM assets a
LEFT JOIN products p ON p.sku = sku_norm(a.sku)
LEFT JOIN warranty_months w ON w.category = p.category
ORDER BY a.asset_id;
