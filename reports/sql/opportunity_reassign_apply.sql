-- rv_reassigned (TEMP): the opportunities whose reseller the assignments change on their action
-- date (assigned_parties), with the sentence for their basis; then applied to rv_opportunities.
-- Needs assigned_parties, counterparty_assignments, rv_opportunities, rv_plan, partners,
-- rv_partner_terms, rv_partner_share and rv_channel_rep.
CREATE OR REPLACE TEMP TABLE rv_reassigned AS
SELECT o.opportunity_id, o.reseller_id AS old_reseller_id, ap.reseller_id AS new_reseller_id,
       CASE WHEN ap.reseller_id IS NULL THEN 'direct' ELSE coalesce(pt.tier, 'default') END AS partner_tier,
       CASE WHEN ap.reseller_id IS NULL THEN coalesce((SELECT share FROM rv_partner_share WHERE tier = 'direct'), 0)
            ELSE coalesce(pt.partner_share, (SELECT share FROM rv_partner_share WHERE tier = 'default')) END
           AS partner_share_rate,
       CASE WHEN o.renewal_owner = 'reseller' AND ap.reseller_id IS NULL THEN 'vendor'
            WHEN o.renewal_owner = 'vendor' AND o.reseller_id IS NULL AND ap.reseller_id IS NOT NULL THEN 'reseller'
            ELSE o.renewal_owner END AS renewal_owner,
       CASE WHEN o.rep_basis = 'reseller_channel_rep' THEN ch.rep ELSE o.rep END AS rep,
       CASE WHEN o.rep_basis = 'reseller_channel_rep' AND ch.rep IS NULL THEN 'unassigned' ELSE o.rep_basis END
           AS rep_basis,
       ' Reassigned: ' || coalesce(po.name, 'direct') || ' to ' || coalesce(pn.name, 'direct') || ' from '
           || rv_day(ca.effective_date) || ' (' || ca.source_file || ' row ' || ca.source_row || '), in force on the action date '
           || rv_day(p.action_date) || '.' AS note
FROM assigned_parties ap
JOIN rv_opportunities o ON o.opportunity_id = ap.item_key
JOIN rv_plan p USING (opportunity_id)
JOIN counterparty_assignments ca ON ca.assignment_id = ap.reseller_by
LEFT JOIN partners po ON po.partner_id = o.reseller_id
LEFT JOIN partners pn ON pn.partner_id = ap.reseller_id
LEFT JOIN rv_partner_terms pt ON pt.partner_id = ap.reseller_id
LEFT JOIN rv_channel_rep ch ON ch.partner_id = ap.reseller_id
WHERE ap.reseller_assigned AND ap.reseller_id IS DISTINCT FROM o.reseller_id;

UPDATE rv_opportunities
SET reseller_id = r.new_reseller_id, partner_tier = r.partner_tier, partner_share_rate = r.partner_share_rate,
    renewal_owner = r.renewal_owner, rep = r.rep, rep_basis = r.rep_basis, basis = rv_opportunities.basis || r.note
FROM rv_reassigned r
WHERE rv_opportunities.opportunity_id = r.opportunity_id;
