-- Small SQL helpers shared by the build (temporary macros: they are not part of the warehouse file).
CREATE OR REPLACE TEMP MACRO contract_key(x) AS
    nullif(ltrim(regexp_replace(upper(coalesce(x, '')), '[^0-9]', '', 'g'), '0'), '');
CREATE OR REPLACE TEMP MACRO account_ns(kind, source, account) AS
    CASE WHEN account IS NULL OR trim(account) = '' THEN NULL
         WHEN kind IN ('crm_accounts', 'crm_contracts') THEN 'crm:' || upper(trim(account))
         ELSE source || ':' || upper(trim(account)) END;
-- a name cell that names nobody: blank, a placeholder ("N/A", "Unknown", "Stock", "Reseller Stock", "TBD", "End
-- User", "End user not provided"; for a reseller "DIRECT", "Direct sale", "(none)" ...) or punctuation only (letters
-- and digits of any script name someone). Such a row names no end customer (the registration audit lists it), and
-- no reseller or bill-to: a direct sale (resolve/partner_mentions.sql).
CREATE OR REPLACE TEMP MACRO is_placeholder_name(name) AS
    name IS NULL OR regexp_matches(lower(trim(name)),
        '^[^\p{L}\p{N}]*((end ?(user|customer) )?(unknown|n/?a|tbd|tba|not (provided|known|available|given|specified'
        || '|supplied|applicable))|unknown end ?(user|customer)|to be (advised|determined|confirmed)'
        || '|((reseller|dealer|partner|distributor|var|own|our|internal|demo) )?(stock|inventory)|various|end ?user'
        || '|end ?customer|customer|none|nil|null|direct|direct sales?|vendor direct|sold direct'
        || '|no (reseller|partner|end ?user|customer)|demo|test)?[^\p{L}\p{N}]*$');
-- a reseller cell saying the sale was direct ("DIRECT", "Direct sale", "Vendor direct", "(none)", "No reseller"):
-- no reseller, and none to take from the customer's history either (contracts/contract_tables.sql)
CREATE OR REPLACE TEMP MACRO is_direct_sale(name) AS
    coalesce(regexp_matches(lower(trim(name)),
        '^[^\p{L}\p{N}]*(direct|direct sales?|vendor direct|sold direct|none|no (reseller|partner))[^\p{L}\p{N}]*$'),
        false);
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
-- support_owner(t), a partner program's support model read as the owner of its renewals, is a Python
-- function (warehouse/support_models.py) registered beside these macros (warehouse.steps.register_macros).
-- A company name's key for "is this the reseller itself" (customer_mentions.sql leaves such a
-- distributor row without an end customer; reports/sql/registration lists it as no_end_customer:
-- one key, so the two never disagree). Case and accents folded ("Soluções" = "Solucoes"), "&" /
-- "+" and "and" in any language dropped, dotted abbreviations closed up ("Pvt." "S.A."),
-- punctuation ignored, common abbreviations expanded (Sys, Svcs, Intl, Mfg, Tech ...), a plural
-- "s" dropped, and these words dropped wherever they stand: legal forms of many countries (Pvt
-- Ltd, Private Limited, Corporation, Co, Ltda, GmbH, Sp. z o.o., Spolka Jawna, A.S., Ltd. Sti.,
-- S.A. de C.V. ...) and the stock words stock / inventory / demo. NULL for a blank name.
CREATE OR REPLACE TEMP MACRO company_key_word(t) AS
    CASE WHEN t IN ('sys', 'syst', 'system') THEN 'systems'
         WHEN t IN ('svc', 'svcs', 'srvcs', 'servs', 'service') THEN 'services'
         WHEN t IN ('intl', 'internat', 'internatl') THEN 'international'
         WHEN t IN ('mfg', 'mfr', 'mfrs', 'manuf', 'mnfg') THEN 'manufacturing'
         WHEN t IN ('tech', 'techs', 'techn', 'technologies') THEN 'technology'
         WHEN t IN ('soln', 'solns', 'sol', 'solution') THEN 'solutions'
         WHEN t IN ('comm', 'comms', 'communication') THEN 'communications'
         WHEN t IN ('eng', 'engr', 'engg') THEN 'engineering'
         WHEN t IN ('grp') THEN 'group'
         WHEN t IN ('hldg', 'hldgs', 'holding') THEN 'holdings'
         WHEN t IN ('ent', 'enterprise') THEN 'enterprises'
         WHEN t IN ('ind', 'inds', 'industry') THEN 'industries'
         WHEN t IN ('dist', 'distr') THEN 'distribution'
         WHEN t IN ('mgmt', 'mgt') THEN 'management'
         WHEN t IN ('natl') THEN 'national'
         WHEN t IN ('assoc', 'assn') THEN 'association'
         WHEN t IN ('bros') THEN 'brothers'
         WHEN t IN ('ctr', 'cntr', 'centre') THEN 'center'
         WHEN t IN ('san') THEN 'sanayi'
         WHEN t IN ('tic') THEN 'ticaret'
         ELSE t END;
CREATE OR REPLACE TEMP MACRO company_key_dropped(t) AS
    t IN ('the', 'and', 'und', 'et', 'y', 'e', 'i', 've', 'och', 'stock', 'inventory', 'demo',
          'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co',
          'company', 'cie', 'pvt', 'private', 'pte', 'pty', 'proprietary', 'sdn', 'bhd', 'berhad', 'tbk',
          'pt', 'cv', 'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'kgaa', 'se', 'sa', 'sas', 'sarl', 'sl', 'srl',
          'spa', 'snc', 'bv', 'nv', 'vof', 'ab', 'oy', 'oyj', 'as', 'asa', 'aps', 'ltda', 'eireli', 'me',
          'de', 'rl', 'sapi', 'sro', 'spol', 'kft', 'zrt', 'nyrt', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'ooo', 'oao',
          'zao', 'pao', 'sp', 'z', 'oo', 'spzoo', 'spj', 'spk', 'spp', 'ska', 'sc', 'spolka', 'jawna',
          'komandytowa', 'komandytowo', 'akcyjna', 'partnerska', 'cywilna', 'ograniczona',
          'odpowiedzialnoscia', 'sti', 'anonim', 'sirketi', 'kk', 'kabushiki', 'kaisha', 'gk', 'kabushikigaisha',
          'sac', 'saa', 'eirl', 'sae', 'wll', 'fze', 'fzco', 'fzc', 'sprl', 'scrl', 'sasu', 'eurl', 'cia', 'doo',
          'dd', 'ood', 'eood', 'uab', 'sia', 'ou', 'hb', 'ehf', 'hf', 'bt', 'yk',
          -- spelled-out and rarer forms (tests/warehouse/test_reseller_itself.py keeps these in step
          -- with matching/legal_forms.py: every one-word form of five letters or more, and every form
          -- in another script)
          'adsitz', 'aksjeselskap', 'aktiebolag', 'aktiebolaget', 'aktiengesellschaft', 'aktieselskab', 'aktieselskap',
          'aktsiaselts', 'allmennaksjeselskap', 'anpartsselskab', 'commv', 'dooel', 'einkahlutafelag', 'gesbr',
          'handelsbolag', 'kommanditbolag', 'kommanditgesellschaft', 'kommandiittiyhtio', 'limitee', 'ltee',
          'osakeyhtio', 'osauhing', 'establishment', 'incorporee', 'limitada', 'persero', 'reszvenytarsasag',
          'sacif', 'sacifi', 'sacifia', 'saicf', 'saici', 'saicyf', 'scomm',
          'partg', 'prjsc', 'sicav', 'soccol', 'sogepa', 'tapui', 'teoranta', 'unipessoal', 'unltd', 'pllc',
          'αε', 'επε', 'ικε', 'οε', 'ад', 'ао', 'ат', 'еад', 'еоод', 'зао', 'ип', 'оао', 'оод', 'ооо', 'пао',
          'пат', 'прат', 'тзов', 'тов', 'ذمم', '유한회사', '주식회사',
          'בעמ', 'المحدودة', 'المساهمة', 'شذمم', 'شمح', 'شمم', 'ممح', 'มหาชน',
          'тоо', 'ххк', 'доо', 'дооел', 'таа', 'мчж', 'սպը', 'փբը', 'բբը', 'შპს', 'სს', 'etablissements',
          'осоо', 'жчк', 'zhchk', 'chdmm', 'sarlu', 'suarl', 'чдмм', 'ҷдмм', 'سنووردار', 'شمعع', 'شمعم', 'لمیتد');
-- the name lower case, folded, dotted abbreviations closed up, punctuation as spaces ("Sp. j." -> "spj")
CREATE OR REPLACE TEMP MACRO company_key_text(name) AS
    trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        replace(replace(replace(translate(lower(strip_accents(coalesce(name, ''))), 'łıøđ', 'liod'),
            'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'),
        '[&+]', ' and ', 'g'), '[.''`’]', '', 'g'), '[^\p{L}\p{N}]+', ' ', 'g'), '\bsp ([jkp])\b', 'sp\1', 'g'));
CREATE OR REPLACE TEMP MACRO company_key(name) AS
    nullif(array_to_string(list_transform(
        list_filter(list_transform(string_split(company_key_text(name), ' '), lambda t: company_key_word(t)),
                    lambda t: t <> '' AND NOT company_key_dropped(t)),
        lambda t: CASE WHEN length(t) > 3 THEN regexp_replace(t, 's$', '') ELSE t END), ''), '');
-- a row's end customer is its reseller itself (the same company_key)
CREATE OR REPLACE TEMP MACRO names_reseller_itself(customer_name, reseller_name) AS
    coalesce(company_key(customer_name) = company_key(reseller_name), false);
