-- assignment_items (TEMP): what the assignments are applied to in the warehouse, each with its date
-- (assigned_parties.sql): every contract at its start (no start: a year before its end), every
-- invoice or sell-through line at its invoice date (sold through the reseller it names, else its
-- bill-to when a reseller, else its contract's), and for each applied assignment each contract
-- of its scope still running on its date, probed the day before and on the day (the change it makes,
-- for counterparty_history). Needs contracts, source_records, record_parties, contract_sources and
-- assignment_targets.
CREATE OR REPLACE TEMP TABLE contract_parties_written AS
SELECT contract_id, customer_id, reseller_id, bill_to_id, bill_to_role, reseller_basis, start_date, end_date, renews,
       renewed_by
FROM contracts;

-- the parties joined on record ids alone, then the lines' own columns: joined with the wide source
-- columns in one query, DuckDB built its hash tables on those (a 5M-row night ran out of its 1.5 GiB)
CREATE OR REPLACE TEMP TABLE invoice_line_parties AS
SELECT r.record_id, rp.customer_id, cs.contract_id, rp.reseller_id, rp.bill_to_id, rp.bill_to_role,
       -- the line's reseller: the one it names, else its bill-to when that is a reseller, else its contract's
       coalesce(rp.reseller_id, CASE WHEN rp.bill_to_role = 'reseller' THEN rp.bill_to_id END, c.reseller_id)
           AS sold_through
-- a line another file of its source delivers again is one line (repeated_lines.sql)
FROM (SELECT record_id FROM source_records
      WHERE kind IN ('accounting', 'distributor') AND invoice_date IS NOT NULL AND repeat_of IS NULL) r
JOIN record_parties rp USING (record_id)
LEFT JOIN (SELECT record_id, min(contract_id) AS contract_id FROM contract_sources GROUP BY record_id) cs USING (record_id)
LEFT JOIN contract_parties_written c ON c.contract_id = cs.contract_id;

CREATE OR REPLACE TEMP TABLE invoice_lines AS
SELECT r.record_id, r.source, r.source_file, r.source_sheet, r.source_row, r.kind, r.invoice_number, r.invoice_date,
       p.customer_id, p.contract_id, p.reseller_id, p.bill_to_id, p.bill_to_role, p.sold_through,
       CAST(r.amount AS DECIMAL(18, 2)) AS amount, r.currency
FROM source_records r
JOIN invoice_line_parties p USING (record_id);

CREATE OR REPLACE TEMP TABLE assignment_probes AS
SELECT DISTINCT t.assignment_id, c.contract_id, t.effective_date
FROM assignment_targets t
JOIN contract_parties_written c
  ON (t.key_kind = 'contract' AND c.contract_id = t.key) OR (t.key_kind = 'customer' AND c.customer_id = t.key)
WHERE c.end_date IS NULL OR c.end_date >= t.effective_date;

CREATE OR REPLACE TEMP TABLE assignment_items AS
SELECT 'C|' || contract_id AS item_key, customer_id, contract_id, reseller_id, bill_to_id,
       coalesce(start_date, CAST(end_date - INTERVAL 1 YEAR AS DATE)) AS at_date
FROM contract_parties_written
UNION ALL
SELECT 'I|' || record_id, customer_id, contract_id, sold_through, bill_to_id, invoice_date
FROM invoice_lines
UNION ALL
SELECT side || '|' || p.assignment_id || '|' || p.contract_id, c.customer_id, c.contract_id, c.reseller_id,
       c.bill_to_id, CAST(p.effective_date - CASE side WHEN 'B' THEN 1 ELSE 0 END AS DATE)
FROM assignment_probes p
JOIN contract_parties_written c USING (contract_id)
CROSS JOIN (VALUES ('B'), ('A')) AS sides(side);
