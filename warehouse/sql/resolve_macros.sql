-- Small SQL helpers shared by the build (temporary macros: they are not part of the warehouse file).
CREATE OR REPLACE TEMP MACRO contract_key(x) AS
    nullif(ltrim(regexp_replace(upper(coalesce(x, '')), '[^0-9]', '', 'g'), '0'), '');
CREATE OR REPLACE TEMP MACRO account_ns(kind, source, account) AS
    CASE WHEN account IS NULL OR trim(account) = '' THEN NULL
         WHEN kind IN ('crm_accounts', 'crm_contracts') THEN 'crm:' || upper(trim(account))
         ELSE source || ':' || upper(trim(account)) END;
CREATE OR REPLACE TEMP MACRO is_partner_type(t) AS
    regexp_matches(lower(coalesce(t, '')), '(reseller|partner|distributor|var|dealer|leas|lessor|financ)');
CREATE OR REPLACE TEMP MACRO partner_role(t) AS
    CASE WHEN regexp_matches(lower(coalesce(t, '')), '(leas|lessor|financ)') THEN 'leasing'
         WHEN regexp_matches(lower(coalesce(t, '')), 'distributor') THEN 'distributor'
         ELSE 'reseller' END;
