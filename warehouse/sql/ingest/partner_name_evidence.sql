-- What each file says about partner names, for the readers to tell a reseller column from an
-- end-customer column when headers do not (warehouse.partner_names): every reseller name, every
-- CRM account of a partner type and every bill-to name ('partner' / 'bill_to' rows, with the
-- name's key: case, accents and punctuation aside), and every end customer's name key ('customer'
-- rows, no name). A bill-to name is a partner's unless some file names an end customer so.
-- Reads `source_records`: the ingest store's, or one file's rows registered under that name.
WITH keyed AS (
    SELECT source_file, kind, account_type, customer_name, reseller_name, bill_to_name,
           regexp_replace(lower(strip_accents(customer_name)), '[^\p{L}\p{N}]+', '', 'g') AS customer_key,
           regexp_replace(lower(strip_accents(bill_to_name)), '[^\p{L}\p{N}]+', '', 'g') AS bill_to_key
    FROM source_records
)
SELECT source_file, 'partner' AS evidence, reseller_name AS name, NULL AS name_key
FROM keyed WHERE reseller_name IS NOT NULL
UNION
SELECT source_file, 'partner', customer_name, NULL
FROM keyed WHERE kind = 'crm_accounts' AND customer_name IS NOT NULL AND is_partner_type(account_type)
UNION
SELECT source_file, 'bill_to', bill_to_name, bill_to_key
FROM keyed WHERE bill_to_name IS NOT NULL
UNION
SELECT source_file, 'customer', NULL, customer_key
FROM keyed WHERE customer_name IS NOT NULL AND NOT (kind = 'crm_accounts' AND is_partner_type(account_type))
