-- Counterparties kept apart: who is covered, who sold it and who pays, per bill-to role
SELECT c.bill_to_role, count(*) AS contracts,
       count(*) FILTER (WHERE c.bill_to_id = c.customer_id) AS billed_to_customer,
       count(*) FILTER (WHERE c.bill_to_id = c.reseller_id) AS billed_to_reseller,
       sum(c.annual_amount) AS annual_amount
FROM contracts c
GROUP BY ALL
ORDER BY contracts DESC
