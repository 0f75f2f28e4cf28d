-- What the channel failed to register, by kind, and what it is worth (registration_issues)
SELECT kind, count(*) AS findings, sum(value_at_stake) AS value_at_stake, max(evidence_text) AS an_example
FROM registration_issues
GROUP BY kind
ORDER BY value_at_stake DESC
