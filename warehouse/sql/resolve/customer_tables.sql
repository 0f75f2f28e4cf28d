-- customers and customer_sources from the resolution's frames (frames `customer_golden`, `customer_map`).
CREATE OR REPLACE TABLE customers AS
SELECT entity_id AS customer_id, name, address, city, state, postal_code, country, domain, phone,
       email, records AS source_records, name_source
FROM customer_golden
ORDER BY customer_id;

CREATE OR REPLACE TABLE customer_sources AS
SELECT m.customer_id, r.record_id, r.source, r.source_file, r.source_sheet, r.source_row,
       r.customer_name AS raw_name, m.match_score, m.match_rule
FROM customer_map m
JOIN source_records r USING (record_id)
ORDER BY m.customer_id, r.source, r.source_file, r.source_row;
