-- Reseller history: renewals sold through a different reseller than the contract they renew
SELECT old.customer_id, old.contract_id AS old_contract, po.name AS old_reseller,
       new.contract_id AS new_contract, pn.name AS new_reseller, new.start_date
FROM contracts old
JOIN contracts new ON new.contract_id = old.renewed_by
JOIN partners po ON po.partner_id = old.reseller_id
JOIN partners pn ON pn.partner_id = new.reseller_id
WHERE old.reseller_id <> new.reseller_id
ORDER BY new.start_date DESC
LIMIT 10
