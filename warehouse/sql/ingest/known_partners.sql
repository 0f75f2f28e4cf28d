-- Names known as partners (resellers, leasing companies, distributors), with the file that named
-- them: every reseller, every CRM account of a partner type, and every bill-to party whose
-- name (case, accents and punctuation aside) is never an end customer's. The readers use them to
-- tell a reseller column from an end-customer column when headers do not.
WITH customer_keys AS (
    SELECT DISTINCT regexp_replace(lower(strip_accents(customer_name)), '[^a-z0-9]+', '', 'g') AS name_key
    FROM source_records
    WHERE customer_name IS NOT NULL
      AND NOT (kind = 'crm_accounts' AND is_partner_type(account_type))
),
named AS (
    SELECT reseller_name AS name, source_file FROM source_records WHERE reseller_name IS NOT NULL
    UNION
    SELECT customer_name, source_file FROM source_records
    WHERE kind = 'crm_accounts' AND customer_name IS NOT NULL AND is_partner_type(account_type)
    UNION
    SELECT bill_to_name, source_file FROM source_records
    WHERE bill_to_name IS NOT NULL
      AND regexp_replace(lower(strip_accents(bill_to_name)), '[^a-z0-9]+', '', 'g')
          NOT IN (SELECT name_key FROM customer_keys)
)
SELECT DISTINCT name, source_file FROM named ORDER BY name, source_file
