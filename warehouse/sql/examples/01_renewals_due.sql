-- Renewals to work: contracts expiring within the renewal horizon (valuation.renewal_days), biggest first
SELECT c.contract_id, cu.name AS customer, r.name AS reseller, c.bill_to_role,
       c.service_level, c.end_date, c.annual_amount, c.currency
FROM contracts c
JOIN customers cu USING (customer_id)
LEFT JOIN partners r ON r.partner_id = c.reseller_id
WHERE c.status = 'expiring'
ORDER BY c.annual_amount DESC
LIMIT 10
