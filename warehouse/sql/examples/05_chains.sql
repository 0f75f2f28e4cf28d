-- Renewal chains: each chain from its first contract, with its length and latest end date
WITH RECURSIVE chain AS (
    SELECT contract_id AS head, contract_id, end_date, 1 AS depth
    FROM contracts WHERE renews IS NULL
    UNION ALL
    SELECT chain.head, c.contract_id, c.end_date, chain.depth + 1
    FROM chain JOIN contracts c ON c.renews = chain.contract_id
)
SELECT head, max(depth) AS contracts_in_chain, max(end_date) AS latest_end,
       arg_max(contract_id, depth) AS current_contract
FROM chain
GROUP BY head
ORDER BY contracts_in_chain DESC, head ASC
LIMIT 10
