-- Opportunities take the counterparty in force on their action date (overrides/assignments.csv):
-- assignment_items here, then warehouse/sql/reassign/assigned_parties.sql, then rv_reassigned
-- applied to rv_opportunities (before the split, which reads the reseller's terms on that date).
-- A moved opportunity gets the new reseller, its configured tier and default share, its channel rep
-- when the rep came from the old reseller's, an owner of reseller / vendor to match (a service
-- organisation or third-party maintainer stays), and a sentence in its basis naming the file row.
CREATE OR REPLACE TEMP TABLE assignment_items AS
SELECT o.opportunity_id AS item_key, o.customer_id, o.contract_id, o.reseller_id, NULL::VARCHAR AS bill_to_id,
       p.action_date AS at_date
FROM rv_opportunities o JOIN rv_plan p USING (opportunity_id);
