-- assignment_targets (TEMP): one row per applied assignment (counterparty_assignments) and role,
-- keyed by what it moves - a contract chain (the contract and every contract renewing it after it)
-- or a customer. to_direct: the reseller moves to the vendor direct / the customer is billed itself.
-- Needs counterparty_assignments and contracts; run by each build connection that applies them.
CREATE OR REPLACE TEMP TABLE assignment_targets AS
WITH RECURSIVE chain(assignment_id, contract_id) AS (
    SELECT assignment_id, contract_id FROM counterparty_assignments WHERE status = 'applied' AND scope = 'contract'
    UNION
    SELECT ch.assignment_id, c.renewed_by FROM chain ch JOIN contracts c USING (contract_id)
    WHERE c.renewed_by IS NOT NULL
),
roles AS (
    SELECT a.*, 'reseller' AS role, a.new_reseller_id AS to_id, a.new_reseller_id IS NULL AS to_direct
    FROM counterparty_assignments a WHERE a.status = 'applied' AND a.new_reseller IS NOT NULL
    UNION ALL
    SELECT a.*, 'bill_to', a.new_bill_to_id, a.new_bill_to_id = a.customer_id
    FROM counterparty_assignments a WHERE a.status = 'applied' AND a.new_bill_to IS NOT NULL
)
SELECT r.assignment_id, r.role, 'contract' AS key_kind, ch.contract_id AS key, r.to_id, r.to_direct,
       r.effective_date, 1 AS scope_rank, r.source_row
FROM roles r JOIN chain ch USING (assignment_id)
UNION ALL
SELECT r.assignment_id, r.role, 'customer', r.customer_id, r.to_id, r.to_direct, r.effective_date, 0, r.source_row
FROM roles r WHERE r.scope = 'customer';
