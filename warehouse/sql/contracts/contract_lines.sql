-- contract_lines (TEMP): every source row that is evidence of a service contract, with the
-- contract it belongs to. Needs catalogue_macros.sql, source_rank, run_settings, products,
-- record_parties and asset_sources.
--
-- Evidence: any row (not a price list or CRM account) with a contract number or a coverage end.
-- Rows with a number belong to the contract of their normalised number. Rows without one (a
-- rep's tracker line with a serial and an expiry) attach to a numbered contract with the same
-- end date that covers one of their serials ('serial+end_date'); failing that, to the one numbered
-- contract with the same end date of their customer or of the customer owning one of their
-- serials (assets.customer_id) ('customer+end_date'). The rest still count: rows of one customer and
-- end date form an unnumbered contract ('unnumbered', contract_id 'UC-' + a hash).
CREATE OR REPLACE TEMP TABLE contract_evidence AS
SELECT r.record_id, r.source, r.kind, r.source_file, r.source_sheet, r.source_row, s.rank,
       nullif(upper(trim(r.contract_number)), '') AS raw_contract_number,
       contract_norm(r.contract_number) AS number_key,
       -- a line with a unit price and a quantity but no amount (a report without an extended-price
       -- column, a formula Excel saved no value for) is worth their product
       r.service_start, r.service_end,
       coalesce(r.amount, CAST(r.unit_price * r.quantity AS DECIMAL(18, 2))) AS amount, r.quantity,
       coalesce(nullif(upper(trim(r.currency)), ''), b.currency) AS currency,
       coalesce(service_level_norm(r.service_level), nullif(trim(r.service_level), ''),
                p.service_level, service_level_norm(r.description)) AS service_level,
       -- the status as written, whether it says the contract was called off (cancelled, storniert ...) and
       -- what it says of the term's renewal (renewed / lost: "Renewed (PO 4471)", "Closed Lost")
       nullif(trim(r.status), '') AS status, status_cancelled(r.status) AS says_cancelled,
       status_outcome(r.status) AS says_outcome,
       -- the term the line's SKU or description states ("3Y", "36 months", "3 Jahre"), unless it names
       -- the covered hardware: read for a contract no source gives a start date
       CASE WHEN coalesce(p.category, '') <> 'hardware'
            THEN coalesce(stated_term_months(r.sku), stated_term_months(r.description)) END AS stated_term,
       sku_norm(r.sku) AS sku,
       coalesce(p.sku_family, sku_family(r.sku)) AS sku_family,
       p.category AS sku_category,
       r.invoice_date, r.invoice_number, r.serial_numbers, r.customer_name, nullif(trim(r.rep), '') AS rep,
       rp.customer_id, rp.reseller_id, rp.bill_to_id, rp.bill_to_role
FROM source_records r
JOIN source_rank s USING (source)
CROSS JOIN run_settings b
LEFT JOIN record_parties rp USING (record_id)
LEFT JOIN products p ON p.sku = sku_norm(r.sku)
WHERE r.kind NOT IN ('price_list', 'crm_accounts')
  AND (contract_norm(r.contract_number) IS NOT NULL OR r.service_end IS NOT NULL);

CREATE OR REPLACE TEMP TABLE numbered_ends AS
SELECT DISTINCT number_key, service_end FROM contract_evidence
WHERE number_key IS NOT NULL AND service_end IS NOT NULL;

CREATE OR REPLACE TEMP TABLE numbered_assets AS
SELECT DISTINCT e.number_key, a.asset_id
FROM contract_evidence e JOIN asset_sources a USING (record_id)
WHERE e.number_key IS NOT NULL;

CREATE OR REPLACE TEMP TABLE unnumbered_attach AS
WITH unnumbered AS (
    SELECT record_id, customer_id, service_end FROM contract_evidence WHERE number_key IS NULL
),
by_serial AS (
    SELECT u.record_id, na.number_key, count(DISTINCT a.asset_id) AS shared
    FROM unnumbered u
    JOIN asset_sources a USING (record_id)
    JOIN numbered_assets na ON na.asset_id = a.asset_id
    JOIN numbered_ends ne ON ne.number_key = na.number_key AND ne.service_end = u.service_end
    GROUP BY u.record_id, na.number_key
    QUALIFY row_number() OVER (PARTITION BY u.record_id ORDER BY shared DESC, na.number_key ASC) = 1
),
row_customers AS (  -- the row's own customer, and the customers of the assets it names
    SELECT record_id, customer_id FROM unnumbered WHERE customer_id IS NOT NULL
    UNION
    SELECT u.record_id, s.customer_id
    FROM unnumbered u JOIN asset_sources a USING (record_id) JOIN assets s ON s.asset_id = a.asset_id
    WHERE s.customer_id IS NOT NULL
),
by_customer AS (
    SELECT u.record_id, min(e.number_key) AS number_key
    FROM unnumbered u
    JOIN row_customers rc USING (record_id)
    JOIN contract_evidence e ON e.customer_id = rc.customer_id AND e.number_key IS NOT NULL
    JOIN numbered_ends ne ON ne.number_key = e.number_key AND ne.service_end = u.service_end
    WHERE u.record_id NOT IN (SELECT record_id FROM by_serial)
    GROUP BY u.record_id
    HAVING count(DISTINCT e.number_key) = 1
)
SELECT record_id, number_key, 'serial+end_date' AS attach_rule FROM by_serial
UNION ALL
SELECT record_id, number_key, 'customer+end_date' FROM by_customer;

CREATE OR REPLACE TEMP TABLE contract_lines AS
WITH keyed AS (
    SELECT e.*,
           coalesce(e.number_key, ua.number_key) AS contract_key,
           CASE WHEN e.number_key IS NOT NULL THEN 'contract_number'
                WHEN ua.number_key IS NOT NULL THEN ua.attach_rule
                ELSE 'unnumbered' END AS attach_rule,
           -- an unnumbered contract: one customer (or name as written) and one end date
           upper(substr(md5(coalesce(e.customer_id, 'name:' || lower(trim(e.customer_name)), e.record_id)
                            || '|' || CAST(e.service_end AS VARCHAR)), 1, 10)) AS unnumbered_hash
    FROM contract_evidence e
    LEFT JOIN unnumbered_attach ua USING (record_id)
),
identified AS (
    SELECT * EXCLUDE (unnumbered_hash),
           CASE WHEN contract_key IS NOT NULL THEN 'SC-' || contract_key
                ELSE 'UC-' || unnumbered_hash END AS contract_id,
           -- one invoice line (number, SKU, serials, end of period, contract number, the amount's sign) is
           -- the same line whatever its amount, quantity, start or date: a corrected re-send replaces it
           -- (also in a layout without a start column), a credit (the other sign) nets with it; without an
           -- invoice number only an identical line is the same
           CASE WHEN invoice_number IS NOT NULL
                THEN hash(sku, list_sort(coalesce(serial_numbers, [])), service_end,
                          invoice_number, raw_contract_number, sign(amount))
                ELSE hash(sku, list_sort(coalesce(serial_numbers, [])), amount, quantity, service_start,
                          service_end, invoice_date, raw_contract_number)
           END AS line_signature
    FROM keyed
),
-- a contract number kept from term to term (invoiced again each year): the contract is its latest
-- term, the lines ending with the source's last end (an add-on unit's prorated line among them)
last_term AS (
    SELECT *, max(service_end) OVER (PARTITION BY contract_id, source) AS last_end
    FROM identified
),
termed AS (
    SELECT * EXCLUDE (last_end),
           -- a line ending before the last term began (a month's grace) is of an earlier term
           service_end < coalesce(min(service_start) FILTER (WHERE service_end = last_end)
                                      OVER (PARTITION BY contract_id, source),
                                  CAST(last_end - INTERVAL 1 YEAR AS DATE)) + INTERVAL 31 DAY AS earlier_term
    FROM last_term
)
SELECT * EXCLUDE (earlier_term),
       -- later is larger: the order in which a source's lines of one contract were written
       row_number() OVER (PARTITION BY contract_id, source
                          ORDER BY invoice_date NULLS FIRST, source_file, source_sheet NULLS FIRST, source_row) AS line_order,
       -- the same line re-sent in a later file of the same source is counted once, from the latest file;
       -- a line of an earlier term of the contract's number is not counted
       dense_rank() OVER (PARTITION BY contract_id, source, line_signature
                          ORDER BY source_file DESC, source_sheet DESC NULLS LAST) = 1
           AND earlier_term IS NOT TRUE AS counted
FROM termed;
