-- Lineage: every source row behind one contract, and how it was tied to the contract
SELECT s.contract_id, s.source, s.source_file, s.source_sheet, s.source_row,
       s.raw_contract_number, s.attach_rule, r.service_end, r.amount
FROM contract_sources s
JOIN source_records r USING (record_id)
WHERE s.contract_id = (SELECT min(contract_id) FROM contracts WHERE record_count >= 4)
ORDER BY s.source, s.source_row
