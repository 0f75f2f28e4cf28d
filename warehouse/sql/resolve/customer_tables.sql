-- customers and customer_sources from the resolution's frames (frames `customer_golden`, `customer_map`),
-- with each customer's contact person and CRM account id. Needs source_records and source_rank.
CREATE OR REPLACE TABLE customer_sources AS
SELECT CAST(m.customer_id AS VARCHAR) AS customer_id, r.record_id, r.source, r.source_file, r.source_sheet, r.source_row,
       CASE WHEN is_placeholder_name(r.customer_name) AND r.bill_to_name IS NOT NULL AND r.kind NOT LIKE 'crm_%'
            THEN r.bill_to_name ELSE r.customer_name END AS raw_name,  -- a ledger's bill-to named as the customer
       m.match_score, m.match_rule
FROM customer_map m
JOIN source_records r USING (record_id)
ORDER BY m.customer_id, r.source, r.source_file, r.source_row;

-- Who to call: per customer, the contact of the most trusted source (source_rank), then the most
-- recent row (its coverage end, start or invoice date; then the latest file and row). The person is
-- taken whole from that row; an e-mail or phone it lacks comes from another row naming the same
-- person (the same rank order).
CREATE OR REPLACE TEMP TABLE customer_contact_rows AS
SELECT cs.customer_id, r.source, nullif(trim(r.contact_name), '') AS contact_name,
       nullif(trim(r.contact_email), '') AS contact_email, nullif(trim(r.contact_phone), '') AS contact_phone,
       row_number() OVER (PARTITION BY cs.customer_id
                          ORDER BY k.rank, coalesce(r.service_end, r.service_start, r.invoice_date) DESC NULLS LAST,
                                   r.source_file DESC, r.source_row DESC) AS choice
FROM customer_sources cs
JOIN source_records r USING (record_id)
JOIN source_rank k ON k.source = r.source
WHERE coalesce(nullif(trim(r.contact_name), ''), nullif(trim(r.contact_email), ''),
               nullif(trim(r.contact_phone), '')) IS NOT NULL;

CREATE OR REPLACE TEMP TABLE customer_contacts AS
SELECT b.customer_id, b.contact_name, b.source AS contact_source,
       coalesce(b.contact_email, (SELECT arg_min(o.contact_email, o.choice) FROM customer_contact_rows o
                                  WHERE o.customer_id = b.customer_id AND o.contact_email IS NOT NULL
                                    AND lower(o.contact_name) = lower(b.contact_name))) AS contact_email,
       coalesce(b.contact_phone, (SELECT arg_min(o.contact_phone, o.choice) FROM customer_contact_rows o
                                  WHERE o.customer_id = b.customer_id AND o.contact_phone IS NOT NULL
                                    AND lower(o.contact_name) = lower(b.contact_name))) AS contact_phone
FROM customer_contact_rows b
WHERE b.choice = 1;

-- the customer's account id in the CRM: the id most of its CRM rows carry (duplicate accounts lose)
CREATE OR REPLACE TEMP TABLE customer_crm_accounts AS
SELECT customer_id, arg_max(account, (n, account)) AS crm_account_id
FROM (SELECT cs.customer_id, trim(r.customer_account) AS account, count(*) AS n
      FROM customer_sources cs JOIN source_records r USING (record_id)
      WHERE r.kind IN ('crm_accounts', 'crm_contracts') AND nullif(trim(r.customer_account), '') IS NOT NULL
      GROUP BY ALL)
GROUP BY customer_id;

CREATE OR REPLACE TABLE customers AS
SELECT g.entity_id AS customer_id, CAST(g.name AS VARCHAR) AS name, CAST(g.address AS VARCHAR) AS address,
       CAST(g.city AS VARCHAR) AS city, CAST(g.state AS VARCHAR) AS state,
       CAST(g.postal_code AS VARCHAR) AS postal_code, CAST(g.country AS VARCHAR) AS country,
       CAST(g.domain AS VARCHAR) AS domain, CAST(g.phone AS VARCHAR) AS phone, CAST(g.email AS VARCHAR) AS email,
       c.contact_name, c.contact_email, c.contact_phone, c.contact_source, a.crm_account_id,
       g.records AS source_records, CAST(g.name_source AS VARCHAR) AS name_source
FROM customer_golden g
LEFT JOIN customer_contacts c ON c.customer_id = g.entity_id
LEFT JOIN customer_crm_accounts a ON a.customer_id = g.entity_id
ORDER BY customer_id;
