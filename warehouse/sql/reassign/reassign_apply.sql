-- The assignments applied (assigned_parties): contracts take the counterparties in force at their
-- start (reseller_basis 'assignment', reseller_assigned_by / bill_to_assigned_by name the rows);
-- invoice_counterparties holds every invoice and sell-through line with the counterparties written
-- and in force at its date; counterparty_history every change of a customer's reseller or bill-to -
-- from the assignments file (one row per assignment, role and pair of counterparties, with the
-- contracts it moves) and observed in renewal chains (a renewal sold through another reseller or
-- billed to another party than the contract it renews, with both contracts).
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS reseller_assigned_by VARCHAR;
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS bill_to_assigned_by VARCHAR;
UPDATE contracts
SET reseller_id = CASE WHEN ap.reseller_assigned THEN ap.reseller_id ELSE contracts.reseller_id END,
    reseller_basis = CASE WHEN ap.reseller_assigned AND ap.reseller_id IS DISTINCT FROM contracts.reseller_id
                          THEN 'assignment' ELSE contracts.reseller_basis END,
    reseller_assigned_by = ap.reseller_by,
    bill_to_id = CASE WHEN ap.bill_to_assigned THEN ap.bill_to_id ELSE contracts.bill_to_id END,
    bill_to_role = CASE WHEN NOT ap.bill_to_assigned THEN contracts.bill_to_role
                        WHEN ap.bill_to_id = contracts.customer_id THEN 'customer'
                        ELSE coalesce(ap.bill_to_role, contracts.bill_to_role) END,
    bill_to_assigned_by = ap.bill_to_by
FROM (SELECT a.*, substr(a.item_key, 3) AS contract_id, p.role AS bill_to_role
      FROM assigned_parties a LEFT JOIN partners p ON p.partner_id = a.bill_to_id
      WHERE a.item_key LIKE 'C|%') ap
WHERE contracts.contract_id = ap.contract_id;

CREATE OR REPLACE TABLE invoice_counterparties AS
SELECT l.record_id, l.source, l.source_file, l.source_sheet, l.source_row, l.kind, l.invoice_number, l.invoice_date,
       l.customer_id, l.contract_id, l.amount, l.currency,
       l.reseller_id AS written_reseller_id, l.bill_to_id AS written_bill_to_id,
       CASE WHEN ap.reseller_assigned THEN ap.reseller_id ELSE l.sold_through END AS reseller_id,
       CASE WHEN ap.bill_to_assigned THEN ap.bill_to_id ELSE l.bill_to_id END AS bill_to_id,
       CASE WHEN NOT coalesce(ap.bill_to_assigned, false) THEN l.bill_to_role
            WHEN ap.bill_to_id = l.customer_id THEN 'customer' ELSE p.role END AS bill_to_role,
       ap.reseller_by AS reseller_assigned_by, ap.bill_to_by AS bill_to_assigned_by
FROM invoice_lines l
LEFT JOIN assigned_parties ap ON ap.item_key = 'I|' || l.record_id
LEFT JOIN partners p ON p.partner_id = ap.bill_to_id
ORDER BY l.invoice_date, l.source_file, l.source_row;

CREATE OR REPLACE TABLE counterparty_history AS
WITH probes AS (
    SELECT p.assignment_id, p.contract_id, c.customer_id, p.effective_date, role,
           CASE role WHEN 'reseller' THEN CASE WHEN b.reseller_assigned THEN b.reseller_id ELSE c.reseller_id END
                     ELSE CASE WHEN b.bill_to_assigned THEN b.bill_to_id ELSE c.bill_to_id END END AS from_id,
           CASE role WHEN 'reseller' THEN CASE WHEN a.reseller_assigned THEN a.reseller_id ELSE c.reseller_id END
                     ELSE CASE WHEN a.bill_to_assigned THEN a.bill_to_id ELSE c.bill_to_id END END AS to_id,
           CASE role WHEN 'reseller' THEN a.reseller_by ELSE a.bill_to_by END AS to_by
    FROM assignment_probes p
    JOIN contract_parties_written c USING (contract_id)
    CROSS JOIN (VALUES ('reseller'), ('bill_to')) AS roles(role)
    LEFT JOIN assigned_parties b ON b.item_key = 'B|' || p.assignment_id || '|' || p.contract_id
    LEFT JOIN assigned_parties a ON a.item_key = 'A|' || p.assignment_id || '|' || p.contract_id
),
assigned AS (
    SELECT 'assignment' AS change_source, pr.customer_id, role, from_id, to_id, pr.effective_date,
           pr.assignment_id, ca.source_file, ca.source_row, ca.note, ca.scope,
           CASE WHEN ca.scope = 'contract' THEN ca.contract_id END AS contract_id, NULL::VARCHAR AS previous_contract_id,
           list(pr.contract_id ORDER BY pr.contract_id) AS contract_ids
    FROM probes pr
    JOIN counterparty_assignments ca USING (assignment_id)
    WHERE pr.to_by = pr.assignment_id AND pr.from_id IS DISTINCT FROM pr.to_id
    GROUP BY ALL
),
observed AS (
    SELECT 'observed' AS change_source, n.customer_id, role,
           CASE role WHEN 'reseller' THEN c.reseller_id ELSE c.bill_to_id END AS from_id,
           CASE role WHEN 'reseller' THEN n.reseller_id ELSE n.bill_to_id END AS to_id,
           coalesce(n.start_date, CAST(c.end_date + 1 AS DATE)) AS effective_date,
           NULL::VARCHAR AS assignment_id, NULL::VARCHAR AS source_file, NULL::BIGINT AS source_row,
           NULL::VARCHAR AS note, 'contract' AS scope,
           n.contract_id, c.contract_id AS previous_contract_id, [c.contract_id, n.contract_id] AS contract_ids
    FROM contracts c
    JOIN contracts n ON n.contract_id = c.renewed_by
    CROSS JOIN (VALUES ('reseller'), ('bill_to')) AS roles(role)
    WHERE CASE role WHEN 'reseller' THEN n.reseller_assigned_by IS NULL AND c.reseller_id IS DISTINCT FROM n.reseller_id
                    ELSE n.bill_to_assigned_by IS NULL AND c.bill_to_id IS NOT NULL AND n.bill_to_id IS NOT NULL
                         AND c.bill_to_id <> n.bill_to_id END
),
changes AS (SELECT * FROM assigned UNION ALL BY NAME SELECT * FROM observed)
SELECT 'CH-' || upper(substr(md5(concat_ws('|', ch.change_source, ch.customer_id, ch.role, ch.from_id, ch.to_id,
                                         CAST(ch.effective_date AS VARCHAR), ch.assignment_id, ch.contract_id)), 1, 12))
           AS change_id,
       ch.customer_id, cu.name AS customer_name, ch.role, ch.from_id,
       CASE WHEN ch.from_id IS NULL THEN 'direct' WHEN ch.from_id = ch.customer_id THEN cu.name ELSE pf.name END
           AS from_name,
       ch.to_id,
       CASE WHEN ch.to_id IS NULL THEN 'direct' WHEN ch.to_id = ch.customer_id THEN cu.name ELSE pt.name END AS to_name,
       ch.effective_date, ch.change_source AS source, ch.assignment_id, ch.source_file, ch.source_row, ch.note,
       ch.scope, ch.contract_id, ch.previous_contract_id, ch.contract_ids,
       CASE WHEN ch.change_source = 'observed' THEN array_to_string(ch.contract_ids, ' -> ')
            ELSE array_to_string(ch.contract_ids, ', ') END AS lineage
FROM changes ch
LEFT JOIN customers cu ON cu.customer_id = ch.customer_id
LEFT JOIN partners pf ON pf.partner_id = ch.from_id
LEFT JOIN partners pt ON pt.partner_id = ch.to_id
ORDER BY ch.customer_id, ch.effective_date, ch.role, ch.change_source DESC;
