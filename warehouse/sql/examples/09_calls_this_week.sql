-- Who to call this week: priority 1 and 2 opportunities with an action date in the next 7 days, with the contact
SELECT o.action_date, o.priority, o.kind, o.customer_name, o.contact_name,
       coalesce(o.contact_phone, o.customer_phone) AS phone, o.contact_email, o.rep, o.contract_number, o.sku,
       o.expiry_date, o.expiry_window, o.value, o.since_last_run
FROM renewal_opportunities o
WHERE o.priority <= 2 AND o.action_date < o.as_of_date + 7 AND o.kind <> 'coterm'
ORDER BY o.action_date, o.priority, o.value DESC
LIMIT 10
