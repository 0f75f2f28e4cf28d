-- partners, partner_sources and record_parties from the resolution's frames
-- (frames `partner_golden`, `partner_roles`, `partner_map`, `partner_mentions_resolved`, `bill_to_self`)
-- and customer_sources.
CREATE OR REPLACE TABLE partners AS
SELECT g.entity_id AS partner_id, CAST(g.name AS VARCHAR) AS name, r.role, CAST(g.address AS VARCHAR) AS address,
       CAST(g.city AS VARCHAR) AS city, CAST(g.state AS VARCHAR) AS state,
       CAST(g.postal_code AS VARCHAR) AS postal_code, CAST(g.country AS VARCHAR) AS country,
       CAST(g.domain AS VARCHAR) AS domain, CAST(g.phone AS VARCHAR) AS phone, g.records AS source_records,
       CAST(g.name_source AS VARCHAR) AS name_source
FROM partner_golden g
JOIN partner_roles r USING (entity_id)
ORDER BY partner_id;

CREATE OR REPLACE TABLE partner_sources AS
SELECT CAST(m.partner_id AS VARCHAR) AS partner_id, pm.mention_id, pm.record_id, pm.named_as, pm.source,
       r.source_file, r.source_sheet, r.source_row, pm.name AS raw_name, m.match_score, m.match_rule
FROM partner_map m
JOIN partner_mentions_resolved pm ON pm.mention_id = m.record_id
LEFT JOIN source_records r ON r.record_id = pm.record_id
ORDER BY m.partner_id, pm.source, r.source_file, r.source_row;

-- the resolved counterparties of every source record
CREATE OR REPLACE TABLE record_parties AS
SELECT r.record_id,
       c.customer_id,
       CAST(rs.partner_id AS VARCHAR) AS reseller_id,
       CASE WHEN s.record_id IS NOT NULL THEN c.customer_id ELSE CAST(bt.partner_id AS VARCHAR) END AS bill_to_id,
       CASE WHEN s.record_id IS NOT NULL AND c.customer_id IS NOT NULL THEN 'customer'
            WHEN bt.partner_id IS NOT NULL THEN p.role END AS bill_to_role
FROM source_records r
LEFT JOIN customer_sources c ON c.record_id = r.record_id
LEFT JOIN partner_map rs ON rs.record_id = r.record_id || ':reseller'
LEFT JOIN partner_map bt ON bt.record_id = r.record_id || ':bill_to'
LEFT JOIN partners p ON p.partner_id = bt.partner_id
LEFT JOIN bill_to_self s ON s.record_id = r.record_id
ORDER BY r.record_id;
