-- products: one row per SKU seen anywhere (normalised: upper case, no whitespace).
-- Needs catalogue_macros.sql, source_rank and run_settings (warehouse.settings.register_build_settings).
-- List price: the price list's row for the SKU; else the price list's row for the SKU's family
-- (a spare "=" or localised -EU/-UK variant priced like its base); else estimated as the 90th
-- percentile of observed unit prices (channel prices are discounted from list, so the median
-- would understate it) and flagged. Currency: a price list row's own (its column, or its source's
-- `defaults: currency`), else the run's reporting currency (run_settings.currency); an estimate
-- from observed prices is in the currency they were mostly observed in. Category: the price
-- list's, else inferred from words (service words first, then software words) and from whether
-- the SKU's lines carry coverage.
CREATE OR REPLACE TEMP TABLE sku_rows AS
SELECT sku_norm(r.sku) AS sku,
       sku_family(r.sku) AS sku_family,
       sku_spelling(r.sku) AS spelling, sku_family_key(r.sku) AS family_key,
       r.kind, r.source, s.rank, r.source_file, r.source_row,
       nullif(trim(r.description), '') AS description,
       category_norm(r.category) AS category,
       r.list_price,
       CASE WHEN r.unit_price > 0 THEN r.unit_price
            WHEN r.quantity > 0 AND r.amount > 0 THEN r.amount / r.quantity END AS unit_price,
       (r.service_end IS NOT NULL OR r.service_start IS NOT NULL OR r.contract_number IS NOT NULL) AS covers,
       upper(trim(r.currency)) AS currency
FROM source_records r
JOIN source_rank s USING (source)
WHERE sku_norm(r.sku) IS NOT NULL;

CREATE OR REPLACE TEMP TABLE price_list_rows AS
SELECT sku, sku_family, spelling, family_key, description, category, list_price, currency, source, rank
FROM sku_rows
WHERE kind = 'price_list' AND list_price IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY sku ORDER BY rank ASC, source_file DESC, source_row DESC) = 1;

-- the price list's rows by spelling and by family key, for SKUs other sources spell otherwise
CREATE OR REPLACE TEMP TABLE price_list_spellings AS
SELECT spelling, family_key, list_price, category, currency, description, sku = sku_family AS is_family
FROM price_list_rows;

CREATE OR REPLACE TEMP TABLE sku_descriptions AS
SELECT sku, description
FROM (SELECT sku, description, min(rank) AS rank, count(*) AS n FROM sku_rows
      WHERE description IS NOT NULL GROUP BY ALL)
QUALIFY row_number() OVER (PARTITION BY sku ORDER BY rank ASC, n DESC, description ASC) = 1;

CREATE OR REPLACE TEMP TABLE sku_observed AS
SELECT sku,
       min(sku_family) AS sku_family,
       min(spelling) AS spelling, min(family_key) AS family_key,
       count(*) AS source_rows,
       -- trackers show renewal values, not unit prices: they never price a SKU
       count(unit_price) FILTER (WHERE kind NOT IN ('price_list', 'sales_rep')) AS priced_rows,
       quantile_cont(unit_price, 0.9) FILTER (WHERE kind NOT IN ('price_list', 'sales_rep')) AS p90_unit_price,
       median(unit_price) FILTER (WHERE kind NOT IN ('price_list', 'sales_rep')) AS median_unit_price,
       count(*) FILTER (WHERE covers AND kind NOT IN ('sales_rep', 'price_list')) AS coverage_rows,
       count(*) FILTER (WHERE NOT covers AND kind NOT IN ('sales_rep', 'price_list', 'crm_accounts')) AS sale_rows,
       (SELECT c.currency FROM sku_rows c
        WHERE c.sku = sku_rows.sku AND c.kind <> 'price_list' AND c.currency IS NOT NULL
        GROUP BY c.currency ORDER BY count(*) DESC, c.currency LIMIT 1) AS observed_currency
FROM sku_rows
GROUP BY sku;

CREATE OR REPLACE TABLE products AS
WITH joined AS (
    SELECT o.sku, o.sku_family, o.source_rows, o.priced_rows, o.p90_unit_price, o.median_unit_price,
           o.coverage_rows, o.sale_rows, o.observed_currency,
           coalesce(pl.list_price, ps.list_price) AS own_price,
           coalesce(pl.category, ps.category) AS own_category,
           coalesce(pl.description, ps.description) AS own_description,
           coalesce(pl.currency, ps.currency) AS own_currency,
           coalesce(fam.list_price, fk.list_price) AS family_price,
           coalesce(fam.category, fk.category) AS family_category,
           coalesce(fam.currency, fk.currency) AS family_currency,
           d.description AS seen_description
    FROM sku_observed o
    LEFT JOIN price_list_rows pl ON pl.sku = o.sku
    -- the same SKU spelled otherwise ("P12345B21" for "P12345-B21"): the price list's one row of that
    -- spelling, or its one base SKU of it (the list's spare "P12345-B21=" is spelled alike)
    LEFT JOIN (SELECT * FROM price_list_spellings
               QUALIFY count(*) OVER (PARTITION BY spelling) = 1
                    OR (is_family AND sum(CAST(is_family AS INTEGER)) OVER (PARTITION BY spelling) = 1)) ps
        ON pl.sku IS NULL AND ps.spelling = o.spelling
    LEFT JOIN price_list_rows fam ON fam.sku = o.sku_family AND o.sku <> o.sku_family
    -- its family's price, the family spelled otherwise: the price list's one row that is its family
    LEFT JOIN (SELECT * FROM price_list_spellings WHERE is_family
               QUALIFY count(*) OVER (PARTITION BY family_key) = 1) fk
        ON pl.sku IS NULL AND ps.spelling IS NULL AND fam.sku IS NULL
       AND fk.family_key = o.family_key AND fk.spelling <> o.spelling
    LEFT JOIN sku_descriptions d ON d.sku = o.sku
),
described AS (
    SELECT *, coalesce(own_description, seen_description) AS description FROM joined
),
categorised AS (
    SELECT *,
           coalesce(own_category, family_category,
                    CASE WHEN has_service_words(description) OR has_service_words(sku) THEN 'service'
                         WHEN has_software_words(description) OR has_software_words(sku) THEN 'software'
                         WHEN coverage_rows > sale_rows THEN 'service'
                         ELSE 'hardware' END) AS category
    FROM described
)
SELECT sku,
       sku_family,
       description,
       category,
       CASE WHEN own_category IS NOT NULL THEN 'price_list'
            WHEN family_category IS NOT NULL THEN 'price_list_family'
            ELSE 'inferred' END AS category_basis,
       CASE WHEN category = 'service'
            THEN coalesce(service_level_norm(sku), service_level_norm(description)) END AS service_level,
       CAST(coalesce(own_price, family_price, cents(p90_unit_price)) AS DECIMAL(18, 2)) AS list_price,
       (own_price IS NULL AND coalesce(family_price, p90_unit_price) IS NOT NULL) AS list_price_estimated,
       CASE WHEN own_price IS NOT NULL THEN 'price_list'
            WHEN family_price IS NOT NULL THEN 'price_list_family'
            WHEN p90_unit_price IS NOT NULL THEN 'observed_p90' END AS list_price_basis,
       -- a price list's prices are in its currency column's or its source's `defaults: currency`
       -- (both reach source_records.currency), else in the reporting currency - never in the currency
       -- the SKU happens to be invoiced in; only an estimate from observed prices keeps theirs
       coalesce(CASE WHEN own_price IS NOT NULL THEN own_currency
                     WHEN family_price IS NOT NULL THEN family_currency
                     ELSE observed_currency END,
                (SELECT currency FROM run_settings)) AS currency,
       CAST(cents(median_unit_price) AS DECIMAL(18, 2)) AS median_unit_price,
       priced_rows,
       source_rows
FROM categorised
ORDER BY sku;
