-- rv_plan (TEMP): per opportunity its value band, priority (1-3) and action date. Needs
-- rv_opportunities, rv_value_bands and run_settings.
--
-- Value band: high / medium / low by value (valuation.value_bands; unvalued is low).
-- Urgency: 3 for a renewal or co-term ending within 7 days or a win-back that lapsed within 7 days
-- (priority 1 whatever the value: about to be lost); 2 within 30 days; 1 for one ending within 90
-- days or any other win-back; 0 otherwise (coverage gaps, later renewals). Priority: 1 when value score (high 2, medium 1, low 0) + urgency >= 3, 2 when >= 2, else 3.
-- Action date: the expiry minus the band's lead time (valuation.lead_days; action_lead_days when
-- unvalued). What is already due (that date has passed, every win-back and gap) is the backlog:
-- per rep (the unassigned rows as one), in order of priority, expiry and value, spread over the
-- working days from the as-of date, valuation.daily_actions a day. Never before the as-of date.
-- A co-term proposal is worked with the first of the renewals it folds.
CREATE OR REPLACE TEMP TABLE rv_banded AS
WITH bands AS (
    SELECT max(min_value) FILTER (WHERE band = 'high') AS high, max(min_value) FILTER (WHERE band = 'medium') AS medium
    FROM rv_value_bands
)
SELECT o.opportunity_id, o.kind, o.rep, o.value, o.expiry_date, o.days_to_expiry, o.contract_ids,
       vb.band AS value_band, vb.value_score,
       CASE WHEN o.kind IN ('renewal', 'coterm') AND o.days_to_expiry <= 7 THEN 3
            WHEN o.kind = 'lapsed' AND o.days_to_expiry >= -7 THEN 3
            WHEN o.kind IN ('renewal', 'coterm') AND o.days_to_expiry <= 30 THEN 2
            WHEN o.kind = 'lapsed' AND o.days_to_expiry >= -30 THEN 2
            WHEN o.kind IN ('renewal', 'coterm') AND o.days_to_expiry <= 90 THEN 1
            WHEN o.kind = 'lapsed' THEN 1
            ELSE 0 END AS urgency,
       CASE WHEN o.kind IN ('renewal', 'coterm')
            THEN o.expiry_date - CAST(CASE WHEN o.value IS NULL THEN s.action_lead_days ELSE vb.lead_days END AS INTEGER)
            ELSE s.as_of END AS due_date
FROM rv_opportunities o
CROSS JOIN run_settings s
CROSS JOIN bands b
JOIN rv_value_bands vb
  ON vb.band = CASE WHEN o.value >= b.high THEN 'high' WHEN o.value >= b.medium THEN 'medium' ELSE 'low' END;

CREATE OR REPLACE TEMP TABLE rv_workdays AS
SELECT CAST(row_number() OVER (ORDER BY d) - 1 AS BIGINT) AS slot, d AS work_day
FROM (SELECT CAST(unnest(generate_series(s.as_of, s.as_of + 3650, INTERVAL 1 DAY)) AS DATE) AS d FROM run_settings s)
WHERE isodow(d) <= 5;

CREATE OR REPLACE TEMP TABLE rv_plan AS
WITH prioritised AS (
    SELECT b.*, CASE WHEN b.value_score + b.urgency >= 3 THEN 1 WHEN b.value_score + b.urgency >= 2 THEN 2 ELSE 3 END
                AS priority
    FROM rv_banded b
),
backlog AS (
    SELECT p.opportunity_id,
           (row_number() OVER (PARTITION BY coalesce(p.rep, '') ORDER BY p.priority, p.expiry_date NULLS LAST,
                                                                      p.value DESC NULLS LAST, p.opportunity_id) - 1)
               // s.daily_actions AS slot
    FROM prioritised p CROSS JOIN run_settings s
    WHERE p.kind <> 'coterm' AND p.due_date <= s.as_of
),
planned AS (
    SELECT p.*, CASE WHEN p.due_date > s.as_of THEN p.due_date ELSE w.work_day END AS action_date
    FROM prioritised p
    CROSS JOIN run_settings s
    LEFT JOIN backlog bl USING (opportunity_id)
    LEFT JOIN rv_workdays w ON w.slot = bl.slot
),
coterm_start AS (  -- the first action date of the renewals a co-term folds
    SELECT c.opportunity_id, min(r.action_date) AS action_date
    FROM planned c CROSS JOIN unnest(c.contract_ids) AS u(contract_id)
    JOIN rv_opportunities ro ON ro.kind = 'renewal' AND ro.contract_id = u.contract_id
    JOIN planned r ON r.opportunity_id = ro.opportunity_id
    WHERE c.kind = 'coterm'
    GROUP BY c.opportunity_id
)
SELECT p.opportunity_id, p.value_band, p.priority, p.due_date,
       CAST(greatest(coalesce(cs.action_date, p.action_date, p.due_date), s.as_of) AS DATE) AS action_date
FROM planned p
CROSS JOIN run_settings s
LEFT JOIN coterm_start cs USING (opportunity_id);
