-- rv_split (TEMP): per opportunity the partner's share of its value, from the partner-program
-- terms in force on its action date. Needs rv_opportunities, rv_plan, rv_contract_values,
-- partner_terms, rv_program_tiers, rv_partner_share, rv_fx and run_settings.
--
-- The reseller's terms row whose in_force_from..in_force_to holds the action date decides:
--   split_percent            that share of the value (program_split)
--   fixed_fee (a year)       prorated: the fee is the partner's share of a year of its whole book,
--                            so each opportunity gets value × fee / annual book, at most its value
--                            (program_fee); the annual book is the annual value of the partner's
--                            contracts in force on the as-of date (in the reporting currency), or,
--                            when it has none, the value of its listed renewals and win-backs. The
--                            fee is never charged per contract: a year of the book shares one fee.
--   a tier only              valuation.partner_share of that tier, else the default (program_tier); the
--                            basis says when the written tier names none or two (rv_program_tiers.note)
-- No terms on that date: the configured split as before the partner program (valuation.partner_tiers
-- and partner_share, `default`), flagged in the basis when any partner has terms. No reseller: direct.
-- customers at risk: one of their contracts is maintained by a third party (contract_owners) and
-- ended within lapsed_days or is still running
CREATE OR REPLACE TEMP TABLE rv_at_risk_customers AS
SELECT DISTINCT v.customer_id
FROM rv_contract_values v CROSS JOIN run_settings s
WHERE v.owner_at_risk AND v.customer_id IS NOT NULL AND v.end_date >= s.as_of - s.lapsed_days;

CREATE OR REPLACE TEMP TABLE rv_split AS
WITH opp AS (
    SELECT o.opportunity_id, o.kind, o.reseller_id, o.value, o.partner_tier AS default_tier,
           o.partner_share_rate AS default_rate, p.action_date
    FROM rv_opportunities o JOIN rv_plan p USING (opportunity_id)
),
terms AS (
    SELECT t.terms_id, t.partner_id, t.partner_name, t.tier, t.split_percent, t.in_force_from, t.in_force_to,
           t.source, t.fixed_fee * CASE WHEN t.currency = s.currency THEN 1.0 ELSE fx.rate END AS fee,
           t.fixed_fee AS written_fee, t.currency AS fee_currency
    FROM partner_terms t
    CROSS JOIN run_settings s
    LEFT JOIN rv_fx fx ON fx.currency = t.currency
    WHERE t.in_force AND t.partner_id IS NOT NULL
),
matched AS (
    SELECT o.*, t.terms_id, t.tier, t.split_percent, t.fee, t.written_fee, t.fee_currency, t.in_force_from,
           t.source AS terms_source,
           ts.share AS tier_share, pg.note AS tier_note
    FROM opp o
    LEFT JOIN terms t ON t.partner_id = o.reseller_id AND o.action_date BETWEEN t.in_force_from AND t.in_force_to
    LEFT JOIN rv_program_tiers pg ON pg.written = t.tier
    LEFT JOIN rv_partner_share ts ON ts.tier = pg.tier
),
contract_book AS (
    SELECT v.reseller_id AS partner_id, sum(v.annual_value) AS annual_book
    FROM rv_contract_values v CROSS JOIN run_settings s
    WHERE v.reseller_id IS NOT NULL AND v.value_currency = s.currency
      AND coalesce(v.start_date, v.end_date) <= s.as_of AND v.end_date >= s.as_of
    GROUP BY v.reseller_id
),
listed_book AS (
    SELECT reseller_id AS partner_id, terms_id, sum(value) AS annual_book
    FROM matched WHERE kind IN ('renewal', 'lapsed') AND fee IS NOT NULL
    GROUP BY ALL
),
rated AS (
    SELECT m.*, coalesce(cb.annual_book, lb.annual_book) AS annual_book,
           CASE WHEN m.reseller_id IS NULL THEN 'direct'
                WHEN m.terms_id IS NULL THEN 'default'
                WHEN m.split_percent IS NOT NULL THEN 'program_split'
                WHEN m.fee IS NOT NULL AND coalesce(cb.annual_book, lb.annual_book) > 0 THEN 'program_fee'
                ELSE 'program_tier' END AS split_basis
    FROM matched m
    LEFT JOIN contract_book cb ON cb.partner_id = m.reseller_id
    LEFT JOIN listed_book lb ON lb.partner_id = m.reseller_id AND lb.terms_id = m.terms_id
),
any_terms AS (SELECT count(*) > 0 AS present FROM partner_terms)
SELECT r.opportunity_id, r.action_date, r.terms_id, r.split_basis,
       CASE WHEN r.split_basis IN ('direct', 'default') THEN r.default_tier ELSE coalesce(r.tier, 'default') END
           AS partner_tier,
       CASE r.split_basis
            WHEN 'program_split' THEN r.split_percent
            WHEN 'program_fee' THEN least(1.0, r.fee / r.annual_book)
            WHEN 'program_tier' THEN coalesce(r.tier_share, d.share)
            ELSE r.default_rate END AS partner_share_rate,
       CASE WHEN NOT a.present OR r.split_basis = 'direct' THEN ''
            WHEN r.split_basis = 'default'
                THEN ' Split: no partner-program terms for the reseller on ' || rv_day(r.action_date) || ', default '
                     || rv_pct(r.default_rate) || ' to the partner.'
            WHEN r.split_basis = 'program_split'
                THEN ' Split: ' || coalesce(r.tier || ' ', '') || 'terms from ' || rv_day(r.in_force_from) || ' ('
                     || r.terms_source || '), ' || rv_pct(r.split_percent) || ' to the partner.'
            WHEN r.split_basis = 'program_fee'
                THEN ' Split: fixed fee of ' || rv_money(s.currency, r.fee) || ' a year from ' || rv_day(r.in_force_from)
                     || ' (' || r.terms_source || ') over an annual book of ' || rv_money(s.currency, r.annual_book)
                     || ' = ' || rv_pct(least(1.0, r.fee / r.annual_book)) || ' to the partner.'
            ELSE ' Split: ' || coalesce(r.tier, 'default') || ' tier from ' || rv_day(r.in_force_from) || ' ('
                 || r.terms_source || '), ' || rv_pct(coalesce(r.tier_share, d.share)) || ' to the partner'
                 || coalesce(' (the tier ' || r.tier_note || ': default share)', '')
                 -- a fee in a currency valuation.fx_rates has no rate for cannot be prorated: said, not hidden
                 || CASE WHEN r.written_fee IS NOT NULL AND r.fee IS NULL
                         THEN ' (its fixed fee of ' || rv_money(r.fee_currency, r.written_fee) || ' a year has no rate to '
                              || s.currency || ' in valuation.fx_rates: not prorated)' ELSE '' END || '.'
       END AS split_note
FROM rated r
CROSS JOIN any_terms a
CROSS JOIN run_settings s
LEFT JOIN rv_partner_share d ON d.tier = 'default';
