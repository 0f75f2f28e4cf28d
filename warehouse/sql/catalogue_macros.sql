-- Normalisation macros for products and contracts (TEMP: they are not part of the warehouse file).

-- Contract number -> join key. "SC-1234567", "sc1234567", "SC 1234567" and "1234567" are one
-- contract: a short letter prefix in front of the digits is dropped, and so are leading zeros.
-- Numbers that are not (letters +) digits keep their letters and digits, upper-cased.
-- (Each macro names its cleaned text through a helper macro, not a scalar subquery: DuckDB runs a
-- macro's subquery as a join over the whole column it is applied to, which took twice as long and
-- spilled at a few million rows.)
CREATE OR REPLACE TEMP MACRO contract_key_of(s) AS
    CASE WHEN s = '' THEN NULL
         WHEN regexp_full_match(s, '[A-Z]{0,4}[0-9]+')
             THEN coalesce(nullif(ltrim(regexp_extract(s, '[0-9]+$'), '0'), ''), '0')
         ELSE s END;
CREATE OR REPLACE TEMP MACRO contract_norm(x) AS
    contract_key_of(regexp_replace(upper(coalesce(x, '')), '[^0-9A-Z]', '', 'g'));

-- SKU as joined: upper case, no whitespace at all.
CREATE OR REPLACE TEMP MACRO sku_norm(x) AS
    nullif(regexp_replace(upper(coalesce(x, '')), '\s+', '', 'g'), '');

-- SKU family: the normalised SKU without a spare "=" suffix or a localisation suffix
-- (-EU, -UK, -US, -DE ...): "SW-C9300-48P-EU" and "SRV-R740-B=" belong to "SW-C9300-48P", "SRV-R740-B".
CREATE OR REPLACE TEMP MACRO sku_family(x) AS
    nullif(regexp_replace(regexp_replace(regexp_replace(
        regexp_replace(upper(trim(coalesce(x, ''))), '\s*=+$', ''),
        '[-_/ ](EU|UK|GB|US|NA|CA|DE|FR|IT|ES|NL|BE|CH|AT|SE|NO|DK|FI|IE|PL|JP|CN|KR|IN|AU|NZ|BR|MX|APAC|EMEA|WW|INTL)$',
        ''), '\s+', '', 'g'), '=+$', ''), '');

-- Service level spelled any way -> NBD | 4HR | 24x7 (NULL when the text names none).
CREATE OR REPLACE TEMP MACRO service_level_of(s) AS
    CASE WHEN regexp_matches(s, '24\s*(x|/)\s*7|24x7|rund-um-die-uhr') THEN '24x7'
         WHEN regexp_matches(s, '(^|[^0-9])4\s*-?\s*(hr|hour|h\b|stunden)') THEN '4HR'
         WHEN regexp_matches(s, '\bnbd\b|next business day|nächster arbeitstag|naechster arbeitstag') THEN 'NBD'
         END;
CREATE OR REPLACE TEMP MACRO service_level_norm(x) AS service_level_of(lower(coalesce(x, '')));

-- Category as written on a price list -> hardware | software | service (NULL when unrecognised).
CREATE OR REPLACE TEMP MACRO category_of(s) AS
    CASE WHEN regexp_matches(s, '^(hw|hardware|device|appliance|equipment|gerät)') THEN 'hardware'
         WHEN regexp_matches(s, '^(sw|software|licen[cs]e|subscription|lizenz)') THEN 'software'
         WHEN regexp_matches(s, '^(svc|service|support|maintenance|warranty|care|wartung)') THEN 'service'
         END;
CREATE OR REPLACE TEMP MACRO category_norm(x) AS category_of(lower(trim(coalesce(x, ''))));

-- Words that make a SKU or description a service / a software product.
CREATE OR REPLACE TEMP MACRO has_service_words(x) AS
    regexp_matches(lower(coalesce(x, '')),
        '\b(support|services?|warranty|maintenance|care\s*pack|smartnet|coverage|onsite|on-site|next business day|nbd|24x7|24/7|wartung|vor-ort-service)\b');
CREATE OR REPLACE TEMP MACRO has_software_words(x) AS
    regexp_matches(lower(coalesce(x, '')),
        '\b(licen[cs]es?|licensed|subscription|software|perpetual|lizenz)\b');
