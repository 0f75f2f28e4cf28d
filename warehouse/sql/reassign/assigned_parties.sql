-- assigned_parties (TEMP): for each dated item (TEMP `assignment_items`: item_key, customer_id,
-- contract_id, reseller_id, bill_to_id, at_date - a contract at its start, an invoice line at its
-- date, an opportunity at its action date ...) the counterparties the assignments put in force on
-- its date; one row per item an assignment applies to. Needs assignment_targets (assignments.sql).
--
-- Of the assignments in force on the date (effective_date <= at_date) the latest wins; on the same
-- day a contract row beats a customer row, then the later file row wins. A customer row moves the
-- customer's channel business: the reseller of items sold through a reseller, the bill-to of items
-- billed to a partner; its direct deals stay direct (a contract row moves one contract whatever it
-- was). The bill-to follows the reseller when the item was billed to its old reseller and no bill-to
-- assignment applies (a direct move bills the customer itself).
CREATE OR REPLACE TEMP TABLE assigned_parties AS
WITH hits AS (
    SELECT i.item_key, t.*
    FROM assignment_items i
    JOIN assignment_targets t ON t.key_kind = 'contract' AND t.key = i.contract_id AND t.effective_date <= i.at_date
    UNION ALL
    SELECT i.item_key, t.*
    FROM assignment_items i
    JOIN assignment_targets t ON t.key_kind = 'customer' AND t.key = i.customer_id AND t.effective_date <= i.at_date
    WHERE (t.role = 'reseller' AND i.reseller_id IS NOT NULL)
       OR (t.role = 'bill_to' AND i.bill_to_id IS NOT NULL AND i.bill_to_id IS DISTINCT FROM i.customer_id)
),
best AS (
    SELECT item_key, role,
           arg_max({'to_id': to_id, 'to_direct': to_direct, 'assignment_id': assignment_id},
                   (effective_date, scope_rank, source_row)) AS pick
    FROM hits
    GROUP BY item_key, role
),
decided AS (
    SELECT i.*, r.pick AS r_pick, b.pick AS b_pick,
           b.pick IS NULL AND r.pick IS NOT NULL AND i.bill_to_id IS NOT NULL AND i.bill_to_id = i.reseller_id
               AS bill_to_follows
    FROM assignment_items i
    LEFT JOIN best r ON r.item_key = i.item_key AND r.role = 'reseller'
    LEFT JOIN best b ON b.item_key = i.item_key AND b.role = 'bill_to'
    WHERE r.pick IS NOT NULL OR b.pick IS NOT NULL
)
SELECT item_key,
       r_pick IS NOT NULL AS reseller_assigned,
       CASE WHEN r_pick IS NULL THEN reseller_id WHEN r_pick.to_direct THEN NULL ELSE r_pick.to_id END AS reseller_id,
       r_pick.assignment_id AS reseller_by,
       b_pick IS NOT NULL OR bill_to_follows AS bill_to_assigned,
       CASE WHEN b_pick IS NOT NULL THEN CASE WHEN b_pick.to_direct THEN customer_id ELSE b_pick.to_id END
            WHEN bill_to_follows THEN CASE WHEN r_pick.to_direct THEN customer_id ELSE r_pick.to_id END
            ELSE bill_to_id END AS bill_to_id,
       CASE WHEN b_pick IS NOT NULL THEN b_pick.assignment_id WHEN bill_to_follows THEN r_pick.assignment_id END
           AS bill_to_by
FROM decided;
