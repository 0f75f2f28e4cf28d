-- Pairs of profiles sharing at least one value of a multi-valued key (serials, contracts).
-- A value held by more than $max_holders profiles ("N/A", "TBD") is ignored.
WITH usable AS (
    SELECT code FROM _er_values
    GROUP BY code
    HAVING count(DISTINCT profile) BETWEEN 2 AND $max_holders
),
members AS (
    SELECT DISTINCT profile, code FROM _er_values SEMI JOIN usable USING (code)
)
SELECT DISTINCT a.profile AS left_id, b.profile AS right_id
FROM members AS a
JOIN members AS b ON a.code = b.code AND a.profile < b.profile
