-- Where sources disagree: losing values per field and source, against the source that won
SELECT field, source, chosen_source, count(*) AS contracts
FROM contract_conflicts
GROUP BY ALL
ORDER BY contracts DESC
LIMIT 10
