-- counterparty_assignments: every row of overrides/assignments.csv (frame `assignment_rows`, read by
-- sources.assignment_file) resolved to ids, or quarantined with the reason (a row in `quarantine`,
-- source 'overrides'). Needs customers, customer_sources, partners, partner_sources, contracts and
-- quarantine.
--
-- A customer is found by its id, its CRM account id, its golden name or any name a source wrote for
-- it (case and spacing ignored); a partner by its id, its name or any name a source wrote; a contract
-- by its number however written (contract_norm) or its id. The most direct way that finds someone
-- decides; when it finds two, the row is ambiguous and quarantined. `direct` (or `vendor`, `none`)
-- as new_reseller moves the business to the vendor direct; as new_bill_to, the customer is billed itself.
CREATE OR REPLACE TEMP MACRO assign_key(x) AS nullif(lower(trim(regexp_replace(x, '\s+', ' ', 'g'))), '');
CREATE OR REPLACE TEMP MACRO assign_direct(x) AS assign_key(x) IN ('direct', 'vendor', 'none', 'vendor direct');

CREATE OR REPLACE TEMP TABLE assignment_customer_keys AS
WITH keys AS (
    SELECT assign_key(customer_id) AS key, customer_id, 0 AS how FROM customers
    UNION ALL SELECT DISTINCT assign_key(r.customer_account), cs.customer_id, 1
              FROM customer_sources cs JOIN source_records r USING (record_id)
              WHERE r.kind IN ('crm_accounts', 'crm_contracts')
    UNION ALL SELECT assign_key(name), customer_id, 2 FROM customers
    UNION ALL SELECT DISTINCT assign_key(raw_name), customer_id, 3 FROM customer_sources
)
SELECT key, min(customer_id) AS customer_id, count(DISTINCT customer_id) AS found
FROM keys
WHERE key IS NOT NULL
GROUP BY key, how
QUALIFY how = min(how) OVER (PARTITION BY key);

CREATE OR REPLACE TEMP TABLE assignment_partner_keys AS
WITH keys AS (
    SELECT assign_key(partner_id) AS key, partner_id, 0 AS how FROM partners
    UNION ALL SELECT assign_key(name), partner_id, 1 FROM partners
    UNION ALL SELECT DISTINCT assign_key(raw_name), partner_id, 2 FROM partner_sources
)
SELECT key, min(partner_id) AS partner_id, count(DISTINCT partner_id) AS found
FROM keys
WHERE key IS NOT NULL
GROUP BY key, how
QUALIFY how = min(how) OVER (PARTITION BY key);

CREATE OR REPLACE TEMP TABLE assignment_contract_keys AS
SELECT key, min(contract_id) AS contract_id, count(DISTINCT contract_id) AS found
FROM (SELECT contract_norm(contract_number) AS key, contract_id FROM contracts
      UNION ALL SELECT upper(contract_id), contract_id FROM contracts)
WHERE key IS NOT NULL
GROUP BY key;

CREATE OR REPLACE TABLE counterparty_assignments AS
WITH rows AS (
    SELECT a.*, 'AS-' || a.source_row AS assignment_id, CAST(a.effective_date AS DATE) AS effective_on,
           CASE WHEN a.contract IS NOT NULL THEN 'contract' ELSE 'customer' END AS scope,
           -- keys computed here, not in the joins' ON (DuckDB 1.4 cannot outer-join on a subquery)
           upper(trim(a.contract)) AS contract_key, contract_norm(a.contract) AS contract_norm_key
    FROM assignment_rows a
),
found AS (
    SELECT r.*,
           ck.customer_id AS found_customer, ck.found AS customers_found,
           coalesce(kk.contract_id, kn.contract_id) AS found_contract,
           coalesce(kk.found, kn.found) AS contracts_found,
           assign_direct(r.new_reseller) AS reseller_direct, rk.partner_id AS found_reseller, rk.found AS resellers_found,
           assign_direct(r.new_bill_to) AS bill_to_direct, bk.partner_id AS found_bill_to, bk.found AS bill_tos_found
    FROM rows r
    LEFT JOIN assignment_customer_keys ck ON ck.key = assign_key(r.customer)
    LEFT JOIN assignment_contract_keys kk ON kk.key = r.contract_key
    LEFT JOIN assignment_contract_keys kn ON kk.key IS NULL AND kn.key = r.contract_norm_key
    LEFT JOIN assignment_partner_keys rk ON rk.key = assign_key(r.new_reseller)
    LEFT JOIN assignment_partner_keys bk ON bk.key = assign_key(r.new_bill_to)
),
judged AS (
    SELECT f.*, c.customer_id AS contract_customer,
           CASE WHEN f.problem IS NOT NULL THEN NULL
                WHEN f.scope = 'customer' AND f.found_customer IS NULL THEN 'customer'
                WHEN f.scope = 'customer' AND f.customers_found > 1 THEN 'customer'
                WHEN f.scope = 'contract' AND f.found_contract IS NULL THEN 'contract'
                WHEN f.new_reseller IS NOT NULL AND NOT f.reseller_direct
                     AND (f.found_reseller IS NULL OR f.resellers_found > 1) THEN 'new_reseller'
                WHEN f.new_bill_to IS NOT NULL AND NOT f.bill_to_direct
                     AND (f.found_bill_to IS NULL OR f.bill_tos_found > 1) THEN 'new_bill_to'
           END AS bad_field
    FROM found f
    LEFT JOIN contracts c ON c.contract_id = f.found_contract
),
-- rows that would move one customer (or one contract) on one date to different counterparties contradict each
-- other: none of them is applied, each names the others (the later row had won, in silence)
targeted AS (
    SELECT *, CASE scope WHEN 'customer' THEN found_customer ELSE found_contract END AS moved,
           {'reseller': CASE WHEN new_reseller IS NULL THEN NULL WHEN reseller_direct THEN 'direct'
                             ELSE found_reseller END,
            'bill_to': CASE WHEN new_bill_to IS NULL THEN NULL WHEN bill_to_direct THEN 'direct'
                            ELSE found_bill_to END} AS target
    FROM judged
    WHERE problem IS NULL AND bad_field IS NULL
),
clashes AS (
    SELECT scope, moved, effective_on, list(source_row ORDER BY source_row) AS source_rows,
           array_to_string(list_sort(list(DISTINCT coalesce(new_reseller, '')
                                          || CASE WHEN new_bill_to IS NOT NULL THEN ' / bill to ' || new_bill_to
                                                  ELSE '' END)), '; ') AS targets
    FROM targeted
    GROUP BY scope, moved, effective_on
    HAVING count(DISTINCT target) > 1
),
checked AS (
    SELECT j.* REPLACE (
               coalesce(j.problem, CASE WHEN c.source_rows IS NOT NULL THEN
                   j.source_file || ', row ' || j.source_row || ': rows ' || array_to_string(c.source_rows, ', ')
                   || ' move ' || j.scope || ' ' || coalesce(j.contract, j.customer) || ' on '
                   || CAST(j.effective_on AS VARCHAR) || ' to different counterparties (' || c.targets
                   || '): keep one' END) AS problem,
               coalesce(j.field, CASE WHEN c.source_rows IS NOT NULL THEN 'effective_date' END) AS field)
    FROM judged j
    LEFT JOIN targeted t USING (assignment_id)
    LEFT JOIN clashes c ON c.scope = t.scope AND c.moved = t.moved AND c.effective_on = t.effective_on
)
SELECT j.assignment_id, j.source_file, j.source_row, j.scope, j.customer, j.contract,
       coalesce(CASE WHEN j.bad_field IS NULL THEN j.found_customer END, j.contract_customer) AS customer_id,
       j.found_contract AS contract_id,
       j.new_reseller, CASE WHEN NOT j.reseller_direct THEN j.found_reseller END AS new_reseller_id,
       j.new_bill_to,
       CASE WHEN j.bill_to_direct THEN coalesce(j.found_customer, j.contract_customer) ELSE j.found_bill_to END
           AS new_bill_to_id,
       j.effective_on AS effective_date, j.note,
       CASE WHEN j.problem IS NULL AND j.bad_field IS NULL THEN 'applied' ELSE 'quarantined' END AS status,
       coalesce(j.field, j.bad_field) AS field,
       coalesce(j.problem, j.source_file || ', row ' || j.source_row || ', field ''' || j.bad_field || ''': '
           || CASE j.bad_field
                   WHEN 'customer' THEN CASE WHEN j.customers_found > 1
                       THEN 'customer ' || j.customer || ' names ' || j.customers_found || ' customers; use its customer_id'
                       ELSE 'customer ' || j.customer || ' is not a known customer (id, CRM account or name)' END
                   WHEN 'contract' THEN 'contract ' || j.contract || ' is not a known contract number'
                   WHEN 'new_reseller' THEN CASE WHEN j.resellers_found > 1
                       THEN 'new_reseller ' || j.new_reseller || ' names ' || j.resellers_found || ' partners; use its partner_id'
                       ELSE 'new_reseller ' || j.new_reseller || ' is not a known partner (id or name; direct for none)' END
                   ELSE CASE WHEN j.bill_tos_found > 1
                       THEN 'new_bill_to ' || j.new_bill_to || ' names ' || j.bill_tos_found || ' partners; use its partner_id'
                       ELSE 'new_bill_to ' || j.new_bill_to || ' is not a known partner (id or name; direct for the customer)' END
              END) AS problem,
       j.raw, j.sha256
FROM checked j
ORDER BY j.source_row;

DELETE FROM quarantine WHERE source = 'overrides' AND source_file IN (SELECT DISTINCT source_file FROM assignment_rows);
INSERT INTO quarantine BY NAME
SELECT 'overrides' AS source, source_file, NULL::VARCHAR AS source_sheet, source_row, problem AS reason,
       CAST(raw AS JSON) AS raw, field, sha256
FROM counterparty_assignments WHERE status = 'quarantined';
