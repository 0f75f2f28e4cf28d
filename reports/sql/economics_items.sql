-- assignment_items for the economics: every contract at its end date (who owned the renewal when it
-- fell due), for warehouse/sql/reassign/assigned_parties.sql. Needs rv_contract_values, contracts.
CREATE OR REPLACE TEMP TABLE assignment_items AS
SELECT v.contract_id AS item_key, v.customer_id, v.contract_id, v.reseller_id, c.bill_to_id, v.end_date AS at_date
FROM rv_contract_values v JOIN contracts c USING (contract_id);
