-- Small SQL helpers shared by the build (temporary macros: they are not part of the warehouse file).
CREATE OR REPLACE TEMP MACRO contract_key(x) AS
    nullif(ltrim(regexp_replace(upper(coalesce(x, '')), '[^0-9]', '', 'g'), '0'), '');
CREATE OR REPLACE TEMP MACRO account_ns(kind, source, account) AS
    CASE WHEN account IS NULL OR trim(account) = '' THEN NULL
         WHEN kind IN ('crm_accounts', 'crm_contracts') THEN 'crm:' || upper(trim(account))
         ELSE source || ':' || upper(trim(account)) END;
-- a name cell that names nobody: blank, a placeholder ("N/A", "Unknown", "Stock", "TBD", "End User"
-- ...) or punctuation only (letters and digits of any script name someone). Such a row names no end customer (the registration audit lists it).
CREATE OR REPLACE TEMP MACRO is_placeholder_name(name) AS
    name IS NULL OR regexp_matches(lower(trim(name)),
        '^[^\p{L}\p{N}]*(unknown|unknown end ?(user|customer)|n/?a|tbd|tba|to be (advised|determined|confirmed)|stock'
        || '|inventory|various|end ?user|end ?customer|customer|none|nil|null|not (provided|known|available)'
        || '|demo|test)?[^\p{L}\p{N}]*$');
CREATE OR REPLACE TEMP MACRO is_partner_type(t) AS
    regexp_matches(lower(coalesce(t, '')), '(reseller|partner|distributor|var|dealer|leas|lessor|financ)');
CREATE OR REPLACE TEMP MACRO partner_role(t) AS
    CASE WHEN regexp_matches(lower(coalesce(t, '')), '(leas|lessor|financ)') THEN 'leasing'
         WHEN regexp_matches(lower(coalesce(t, '')), 'distributor') THEN 'distributor'
         ELSE 'reseller' END;
-- a service_provider cell that is a generic word, not a company's name: vendor / reseller /
-- service_org / third_party (NULL for a name, which is resolved as a partner instead)
CREATE OR REPLACE TEMP MACRO provider_keyword(t) AS
    CASE WHEN regexp_matches(lower(trim(coalesce(t, ''))),
                             '^(the )?(vendor|manufacturer|oem|direct|vendor direct|in[- ]?house|self)$') THEN 'vendor'
         WHEN regexp_matches(lower(trim(coalesce(t, ''))), '^(the )?(reseller|partner|var|channel partner)$') THEN 'reseller'
         WHEN regexp_matches(lower(trim(coalesce(t, ''))),
                             '^(third[- ]party|3rd[- ]party|tpm)( maintainer| maintenance| service)?$') THEN 'third_party'
         WHEN regexp_matches(lower(trim(coalesce(t, ''))),
                             '^(service (org|organi[sz]ation)|asp|authori[sz]ed service (provider|partner))$') THEN 'service_org'
    END;
-- a partner program's support model read as the owner of its renewals (NULL when it says neither)
CREATE OR REPLACE TEMP MACRO support_owner(t) AS
    CASE WHEN regexp_matches(lower(coalesce(t, '')), '(service org|organi[sz]ation|\basp\b|authori[sz]ed service)') THEN 'service_org'
         WHEN regexp_matches(lower(coalesce(t, '')), '(third[- ]party|3rd[- ]party|\btpm\b)') THEN 'third_party'
         WHEN regexp_matches(lower(coalesce(t, '')), '(reseller|partner|first[- ]line|first[- ]level|1st[- ]line|var\b)') THEN 'reseller'
         WHEN regexp_matches(lower(coalesce(t, '')), '(vendor|direct|manufacturer)') THEN 'vendor'
    END;
