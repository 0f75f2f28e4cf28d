-- What changed since the last run: dropped opportunities and why, then value and kind changes
SELECT change, kind, reason, customer_name, contract_number, previous_value, value, previous_as_of
FROM opportunity_changes
ORDER BY change, customer_name
LIMIT 10
