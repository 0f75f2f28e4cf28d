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

-- A SKU as another source may spell it, for matching only (products keep the SKU as written): a
-- leading label ("SKU:", "P/N", "Part No.", "Art.-Nr.") and a trailing description (" - DL380 riser")
-- dropped, then every character that is no letter or digit: "p12345-b21", "P12345B21" and
-- "SKU: P12345-B21 - riser kit" are one spelling; `sku_family_key` is the same of the family, an HP
-- option code ("5CD123#ABA") dropped too.
CREATE OR REPLACE TEMP MACRO sku_bare(x) AS
    regexp_replace(regexp_replace(upper(trim(coalesce(x, ''))),
        '^(SKU|P\s*/?\s*N|PART\s*(NO\.?|NUMBER|NR\.?|#)?|ART(ICLE|IKEL)?\.?\s*-?\s*(NO\.?|NR\.?|#)?)\s*[:#.]\s*', ''),
        '\s+[-–—]\s+.*$', '');
CREATE OR REPLACE TEMP MACRO sku_spelling(x) AS
    nullif(regexp_replace(sku_bare(x), '[^A-Z0-9]', '', 'g'), '');
CREATE OR REPLACE TEMP MACRO sku_family_key(x) AS
    nullif(regexp_replace(regexp_replace(coalesce(sku_family(sku_bare(x)), ''), '#[A-Z0-9]{2,4}$', ''),
                          '[^A-Z0-9]', '', 'g'), '');

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

-- A money value in whole cents, rounded in DECIMAL: a product with a DOUBLE (an uplift, a probability,
-- an exchange rate, a median) is fixed to eight decimals first, so a half cent rounds away from zero
-- whatever its binary form and on every DuckDB version (round() of a DOUBLE gave 910.01 on 1.4 and
-- 910.00 on 2.0 for 883.50 x 1.03).
CREATE OR REPLACE TEMP MACRO cents(x) AS round(CAST(x AS DECIMAL(38, 8)), 2);

-- Words that make a SKU or description a service / a software product.
CREATE OR REPLACE TEMP MACRO has_service_words(x) AS
    regexp_matches(lower(coalesce(x, '')),
        '\b(support|services?|warranty|maintenance|care\s*pack|smartnet|coverage|onsite|on-site|next business day|nbd|24x7|24/7|wartung|vor-ort-service)\b');
CREATE OR REPLACE TEMP MACRO has_software_words(x) AS
    regexp_matches(lower(coalesce(x, '')),
        '\b(licen[cs]es?|licensed|subscription|software|perpetual|lizenz)\b');

-- A contract status that says the contract was called off - cancelled, terminated, void, rescinded -
-- in English or a main European language (storniert, gekündigt, annulé, résilié, cancelado, anulado,
-- annullato, disdetto, geannuleerd, opgezegd ...; case and accents aside, a whole word, not after a
-- negation: "Not cancelled", "nicht gekündigt"). NULL for a blank status; "Active", "Expired" and
-- "Renewed" are FALSE.
CREATE OR REPLACE TEMP MACRO cancel_words_of(s) AS
    regexp_matches(s, '(^|[^a-z])(cancel+(ed|led|ation|lation)?|terminated|termination|void(ed)?|rescinded|revoked'
                      || '|annull?ed|storn(o|iert|ato|ata)|gek(u|ue)ndigt|k(u|ue)ndigung|annulliert|widerrufen'
                      || '|annulee?s?|annulation|resiliee?s?|resiliation|revoquee?s?'
                      || '|cancelad[oa]s?|cancelacion|cancelamento|anulad[oa]s?|anulacion|rescindid[oa]s?'
                      || '|annullat[oaie]|cancellat[oaie]|disdett[oaie]|revocat[oaie]|geannuleerd|opgezegd|ontbonden'
                      || '|annullerad|uppsagd|annulleret|opsagt|oppsagt|kansellert|anulowan[ya])($|[^a-z])')
    AND NOT regexp_matches(s, '(^|[^a-z])(not|non|nicht|no|nao|niet|nie|ej|ikke)[ -]+'
                              || '(cancel|termin|void|resc|revo|annul|storn|gek|resil|anul|disd|geann|opgez)');
CREATE OR REPLACE TEMP MACRO status_cancelled(x) AS
    CASE WHEN nullif(trim(x), '') IS NOT NULL THEN cancel_words_of(strip_accents(lower(x))) END;

-- What a status says of the renewal of the term it is written on (a rep's tracker, a renewal quote, a CRM
-- opportunity): 'renewed' when it was renewed or won ("Renewed (PO 4471)", "Closed Won", "Verlängert",
-- "Renovado", "Rinnovato", "Verlengd", "Fornyet", "Odnowiony", "更新済"), 'lost' when the customer will not
-- renew ("Closed Lost - went to competitor", "Churned", "Declined", "Not renewing", "Nicht verlängert",
-- "Perdido", "Perdu", "Verloren", "失注"); NULL otherwise ("Open", "Renewal pending", "Active", "Expired") and
-- for a status that says the contract itself was called off (status_cancelled). Whole words, case and
-- accents aside; a renewal word after a negation is lost, a lost or won word after one says nothing.
CREATE OR REPLACE TEMP MACRO negated_renewal_of(s) AS
    regexp_matches(s, '(^|[^a-z])(not|non|nicht|no|nao|niet|nie|ej|ikke|ei|wont|won''t|never)[ -]+(to[ -]+|be[ -]+)?'
                      || '(renew|verl(a|ae)ng|erneu|renouv|renov|rinnov|verleng|vernieuw|forny|forl(a|ae|e)ng|odnow)');
CREATE OR REPLACE TEMP MACRO negated_outcome_of(s) AS
    regexp_matches(s, '(^|[^a-z])(not|non|nicht|no|nao|niet|nie|ej|ikke|ei|kein)[ -]+'
                      || '(lost|won|verlor|gewonn|perd|pers|gagn|gan|vint|renew|verl|renouv|renov|rinnov|forny)');
CREATE OR REPLACE TEMP MACRO lost_words_of(s) AS
    regexp_matches(s, '(^|[^a-z])(lost|churn(ed)?|declined|verloren|abgelehnt|perdu(e|es|s)?|perdid[oa]s?|pers[oa]'
                      || '|tabt|forlorad|tapt|przegran[ya]|utracon[ya]|rezygn[a-z]*|kaybedildi|menetetty|havitty'
                      || '|elvesztett|elveszett|ztracen[oa]?|prohran[oa]?)($|[^a-z])')
    OR contains(s, '失注');
CREATE OR REPLACE TEMP MACRO renewed_words_of(s) AS
    regexp_matches(s, '(^|[^a-z])(renewed|won|booked|verl(a|ae)ngert|erneuert|gewonnen|renouvelee?s?|gagnee?s?'
                      || '|renovad[oa]s?|ganad[oa]s?|ganh[oa]|rinnovat[oaie]|vint[oaie]|verlengd|vernieuwd'
                      || '|fornyet|fornyad|forl(a|ae)ngd|forl(a|ae)nget|forlenget|vundet|vunnen|odnowion[ya]'
                      || '|przed(l|ł)u(z|ż)on[yae]|odnowione|wygran[ya]|yenilendi|kazanildi|uusittu|jatkettu|voitettu'
                      || '|megujitva|megujitott|megnyert|obnoven[oa]?|prodlouzen[oa]?|vyhran[oa]?)($|[^a-z])')
    OR contains(s, '更新済') OR contains(s, '受注') OR contains(s, '成約');
CREATE OR REPLACE TEMP MACRO renewal_outcome_of(s) AS
    CASE WHEN cancel_words_of(s) THEN NULL
         WHEN negated_renewal_of(s) THEN 'lost'
         WHEN negated_outcome_of(s) THEN NULL
         WHEN lost_words_of(s) THEN 'lost'
         WHEN renewed_words_of(s) THEN 'renewed' END;
CREATE OR REPLACE TEMP MACRO status_outcome(x) AS
    CASE WHEN nullif(trim(x), '') IS NOT NULL THEN renewal_outcome_of(strip_accents(lower(x))) END;

-- The term a service SKU or description states, in months: "3Y", "3YR", "5YRS", "3 years", "3-year",
-- "3 Jahre", "3 ans", "3 años", "3 anni", "3 jaar" (years, 1-10); "36 months", "36 Monate", "36 mois",
-- "36 meses", "36 mesi", "36 maanden" (months, 1-120); "36M" (a bare M: a whole number of years, so
-- "100M" of bandwidth is no term). NULL when the text states none.
CREATE OR REPLACE TEMP MACRO term_years_of(s) AS
    TRY_CAST(nullif(regexp_extract(s, '(^|[^a-z0-9])([0-9]{1,2}) ?-? ?(y|yr|yrs|year|years|jahre?|jahres|an|ans|annees?'
                                      || '|anos?|anni|anno|jaar|jaren)($|[^a-z0-9])', 2), '') AS INTEGER);
CREATE OR REPLACE TEMP MACRO term_month_words_of(s) AS
    TRY_CAST(nullif(regexp_extract(s, '(^|[^a-z0-9])([0-9]{1,3}) ?-? ?(mo|mos|mth|mths|month|months|monat|monate|mois'
                                      || '|mes|meses|mesi|maand|maanden)($|[^a-z0-9])', 2), '') AS INTEGER);
CREATE OR REPLACE TEMP MACRO term_m_of(s) AS
    TRY_CAST(nullif(regexp_extract(s, '(^|[^a-z0-9])([0-9]{2,3})m($|[^a-z0-9])', 2), '') AS INTEGER);
CREATE OR REPLACE TEMP MACRO term_of_text(s) AS
    coalesce(CASE WHEN term_years_of(s) BETWEEN 1 AND 10 THEN 12 * term_years_of(s) END,
             CASE WHEN term_month_words_of(s) BETWEEN 1 AND 120 THEN term_month_words_of(s) END,
             CASE WHEN term_m_of(s) BETWEEN 12 AND 120 AND term_m_of(s) % 12 = 0 THEN term_m_of(s) END);
CREATE OR REPLACE TEMP MACRO stated_term_months(x) AS term_of_text(strip_accents(lower(coalesce(x, ''))));
