-- rv_program_tiers: a partner program's tier as written (partner_terms.tier, lower case) read as the
-- configured tier (valuation.partner_share) it names as a whole word: "gold certified partner" and
-- "gold partner" are "gold"; of several, the longest ("platinum plus" over "platinum"). A tier that
-- names none stays out, and its partners' share is the default, as before. Needs partner_terms and
-- rv_partner_share; the words are compared as text, never as patterns.
CREATE OR REPLACE TEMP TABLE rv_program_tiers AS
WITH written AS (
    SELECT DISTINCT
        tier AS written,
        ' ' || trim(regexp_replace(tier, '[^a-z0-9]+', ' ', 'g')) || ' ' AS words
    FROM partner_terms
    WHERE tier IS NOT NULL
),

configured AS (
    SELECT
        tier,
        ' ' || trim(regexp_replace(lower(tier), '[^a-z0-9]+', ' ', 'g')) || ' ' AS words
    FROM rv_partner_share
    WHERE tier NOT IN ('default', 'direct')
)

SELECT
    w.written,
    first(c.tier ORDER BY length(c.words) DESC, c.tier) AS tier
FROM written AS w
INNER JOIN configured AS c ON contains(w.words, c.words)
GROUP BY w.written;
