-- rv_program_tiers: a partner program's tier as written (partner_terms.tier, lower case) read as the
-- configured tier (valuation.partner_share) it names. The reading is reports/program_tiers.py (words
-- folded, generic words dropped, other languages and abbreviations read, "formerly ..." clauses
-- dropped; the widest of several, none when two differ); it comes in as the frame
-- program_tier_readings (written, tier, note). Every distinct written tier has a row: a tier that names
-- none (or is ambiguous) has no tier and a note saying why, and its partners' share is the default.
CREATE OR REPLACE TEMP TABLE rv_program_tiers AS
SELECT
    CAST(written AS VARCHAR) AS written,
    CAST(tier AS VARCHAR) AS tier,
    CAST(note AS VARCHAR) AS note
FROM program_tier_readings;
