-- Candidate pairs of one blocking rule: profiles sharing a key value of the rule, minus the
-- pairs an earlier rule already produced (so each pair is attributed to its first rule).
-- Parameters: $rule (rule number in block_keys), $max_block_size (a key value shared by more
-- profiles than this is a common value, not evidence: its block is skipped).
INSERT INTO _er_candidate_pairs
WITH rule_keys AS (
    SELECT DISTINCT profile, code FROM _er_block_keys WHERE rule = $rule
),
usable AS (
    SELECT code FROM rule_keys GROUP BY code HAVING count(*) BETWEEN 2 AND $max_block_size
),
members AS (
    SELECT profile, code FROM rule_keys SEMI JOIN usable USING (code)
),
found AS (
    SELECT DISTINCT a.profile AS left_id, b.profile AS right_id
    FROM members AS a
    JOIN members AS b ON a.code = b.code AND a.profile < b.profile
)
SELECT found.left_id, found.right_id, $rule::SMALLINT AS rule
FROM found
ANTI JOIN _er_candidate_pairs AS seen
    ON seen.left_id = found.left_id AND seen.right_id = found.right_id
