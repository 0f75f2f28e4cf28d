-- Lapsed: expired and not renewed, most recent first (win-back candidates)
SELECT c.contract_id, cu.name AS customer, c.end_date, c.annual_amount, c.sources
FROM contracts c
JOIN customers cu USING (customer_id)
WHERE c.status = 'expired'
ORDER BY c.end_date DESC
LIMIT 10
