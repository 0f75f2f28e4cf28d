-- One round of inferred coverage (run after contract_coverage.sql until it decides nothing more):
-- contracts whose evidence leaves one choice take it; two contracts of overlapping terms wanting
-- one shipment: the one starting nearer it takes it.
INSERT INTO coverage_decided
WITH single AS (
    SELECT * FROM coverage_available WHERE shipments = 1 OR tier_units <= quantity
)
SELECT s.contract_id, s.ship_date, s.dist FROM single s
WHERE NOT EXISTS (  -- two contracts of overlapping terms want one shipment: the nearer start takes it
    SELECT 1 FROM single o
    WHERE o.customer_id = s.customer_id AND o.ship_date = s.ship_date AND o.contract_id <> s.contract_id
      AND least(o.end_date, s.end_date) - greatest(o.start_date, s.start_date) > 30
      AND (o.dist < s.dist OR (o.dist = s.dist AND o.contract_id < s.contract_id)));
