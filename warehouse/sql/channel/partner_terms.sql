-- partner_terms: a partner program's terms, effective-dated, one row per program row (tier history
-- kept). Needs partner_sources (the program row's partner, resolved like every partner mention),
-- partners, source_records, source_rank and run_settings.
--
-- A row without valid_from holds from the beginning, one without valid_to until further notice.
-- When two rows of one partner overlap, the later valid_from takes over from its first day
-- (in_force_to of the earlier row is the day before); rows with the same valid_from: the most
-- trusted source, then the later row of the file, wins, the other is kept with in_force = false.
CREATE OR REPLACE TABLE partner_terms AS
WITH program AS (
    SELECT ps.partner_id, r.record_id, r.source, r.source_file, r.source_sheet, r.source_row,
           coalesce(r.partner_name, r.partner_account) AS raw_name, r.partner_account,
           nullif(lower(trim(r.tier)), '') AS tier, r.certification, r.certified_staff, r.support_model,
           support_owner(r.support_model) AS support_owner,
           r.split_percent, CAST(r.fixed_fee AS DECIMAL(18, 2)) AS fixed_fee,
           coalesce(nullif(upper(trim(r.currency)), ''), s.currency) AS currency,
           r.valid_from, r.valid_to,
           coalesce(r.valid_from, DATE '1900-01-01') AS starts, coalesce(sr.rank, 999) AS source_rank
    FROM source_records r
    CROSS JOIN run_settings s
    JOIN partner_sources ps ON ps.record_id = r.record_id AND ps.named_as = 'program'
    LEFT JOIN source_rank sr ON sr.source = r.source
    WHERE r.kind = 'partner_program'
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY partner_id, starts
                                 ORDER BY source_rank, source_file DESC, source_sheet DESC NULLS LAST,
                                          source_row DESC) = 1 AS chosen
    FROM program
),
dated AS (
    SELECT r.*,
           lead(r.starts) OVER (PARTITION BY r.partner_id ORDER BY r.starts) AS next_start,
           lag(r.tier) OVER (PARTITION BY r.partner_id ORDER BY r.starts) AS previous_tier
    FROM ranked r
    WHERE r.chosen
)
SELECT 'PT-' || upper(substr(md5(d.partner_id || '|' || d.record_id), 1, 10)) AS terms_id,
       d.partner_id, p.name AS partner_name, d.raw_name, d.partner_account,
       d.tier, d.previous_tier, d.certification, CAST(d.certified_staff AS INTEGER) AS certified_staff,
       d.support_model, d.support_owner AS renewal_owner,
       CAST(d.split_percent AS DOUBLE) AS split_percent, d.fixed_fee, d.currency,
       d.valid_from, d.valid_to,
       CAST(d.starts AS DATE) AS in_force_from,
       CAST(least(coalesce(d.valid_to, DATE '9999-12-31'),
                  coalesce(d.next_start - 1, DATE '9999-12-31')) AS DATE) AS in_force_to,
       true AS in_force,
       d.source, d.source_file, d.source_sheet, d.source_row, d.record_id
FROM dated d
LEFT JOIN partners p ON p.partner_id = d.partner_id
UNION ALL BY NAME
SELECT 'PT-' || upper(substr(md5(r.partner_id || '|' || r.record_id), 1, 10)) AS terms_id,
       r.partner_id, p.name AS partner_name, r.raw_name, r.partner_account,
       r.tier, NULL AS previous_tier, r.certification, CAST(r.certified_staff AS INTEGER) AS certified_staff,
       r.support_model, r.support_owner AS renewal_owner,
       CAST(r.split_percent AS DOUBLE) AS split_percent, r.fixed_fee, r.currency, r.valid_from, r.valid_to,
       NULL::DATE AS in_force_from, NULL::DATE AS in_force_to, false AS in_force,
       r.source, r.source_file, r.source_sheet, r.source_row, r.record_id
FROM ranked r
LEFT JOIN partners p ON p.partner_id = r.partner_id
WHERE NOT r.chosen
ORDER BY partner_id, in_force_from NULLS LAST, source_file, source_row;
