-- From contract_lines: each source's value of each contract field, the winner per field,
-- contract_conflicts, contract_sources, contract_assets_serial and contracts_base (TEMP, before renewals;
-- contract_coverage.sql makes contract_assets from contract_assets_serial and the inferred coverage).
--
-- Within one source a contract's amount is the sum of its (counted) lines; every other field is
-- the source's latest line's value. Across sources nothing is added up: per field the most
-- trusted source wins (source_rank), then the most recent (latest invoice date, then latest file).
-- A source that saw only part of the contract does not give its amount, start or currency while
-- another saw the whole: its lines start more than a month after another source's, end no later
-- and are worth less (an add-on unit, a prorated line), or they net to a credit. A negative total
-- is never a contract's amount (a credit whose invoice no source holds): the amount is then unknown.
-- A contract whose amount comes from lines that net a credit note to zero was credited in full
-- (`credited`: cancelled or returned), and so is one whose status (the most trusted source's that
-- gives one, its latest line) says it was cancelled, terminated or void in any main European
-- language (catalogue_macros.sql status_cancelled); contracts_final.sql gives it the status 'credited'.
-- A contract no source gives a start date takes the term its SKU or description states as its
-- term_months ("CS-NBD-3Y", "36 months": annualisation only; start_date stays unknown).
-- A contract's `sku` is its service SKU (or a software / unknown one), never the covered hardware
-- a rep's tracker names; a service SKU beats the others.
-- Each source's value per field is made first, in a table of its own: in one statement with the
-- ranking below, DuckDB 1.4 ran out of a 1.5 GiB memory_limit at a million source rows (the window
-- and the joins held at once; DuckDB 2 spills them), and the two statements cost no more.
CREATE OR REPLACE TEMP TABLE per_source_field AS
WITH line_fields AS (
    SELECT contract_id, source, line_order, source_file, source_sheet, source_row, fv.*
    FROM (
        SELECT *, unnest([
            {'field': 'end_date', 'value': CAST(service_end AS VARCHAR), 'detail': NULL::VARCHAR, 'preference': 0},
            {'field': 'currency', 'value': CASE WHEN amount IS NOT NULL THEN currency END, 'detail': NULL, 'preference': 0},
            {'field': 'service_level', 'value': service_level, 'detail': NULL, 'preference': 0},
            {'field': 'sku', 'value': CASE WHEN sku_category IS DISTINCT FROM 'hardware' THEN sku END,
             'detail': sku_family, 'preference': CASE WHEN sku_category = 'service' THEN 0 ELSE 1 END},
            {'field': 'customer_id', 'value': customer_id, 'detail': NULL, 'preference': 0},
            {'field': 'reseller_id', 'value': reseller_id, 'detail': NULL, 'preference': 0},
            {'field': 'rep', 'value': rep, 'detail': NULL, 'preference': 0},
            {'field': 'bill_to_id', 'value': bill_to_id, 'detail': bill_to_role, 'preference': 0},
            {'field': 'contract_number', 'value': raw_contract_number, 'detail': NULL,
             'preference': CASE WHEN regexp_matches(raw_contract_number, '^[A-Z]+-') THEN 0 ELSE 1 END},
            -- the status as written (detail 'cancelled' when it says the contract was called off) and the
            -- term a SKU or description states, of the lines that count (not an earlier term's)
            {'field': 'status', 'value': CASE WHEN counted THEN status END,
             'detail': CASE WHEN says_cancelled THEN 'cancelled' END, 'preference': 0},
            {'field': 'term_months', 'value': CASE WHEN counted THEN CAST(stated_term AS VARCHAR) END,
             'detail': NULL, 'preference': 0},
            -- what a status says of the renewal (renewed / lost), with the end of the term it was written on
            {'field': 'outcome', 'value': says_outcome, 'detail': CAST(service_end AS VARCHAR), 'preference': 0}
        ]) AS fv
        FROM contract_lines
    )
    WHERE fv.value IS NOT NULL
),
-- per source and field, the line that gives the value: the preferred kind of value, then the latest
-- line (line_order is unique within a contract's source, so one line per field); picked with a
-- window's max rather than arg_max of a struct, whose group states cost a third more (5M rows:
-- 89 s against 66 s, the same rows)
keyed_fields AS (
    SELECT *, -preference * 1000000000 + line_order AS pick
    FROM line_fields
)
SELECT contract_id, source, field,
       {'value': value, 'detail': detail, 'preference': preference,
        'source_file': source_file, 'source_sheet': source_sheet, 'source_row': source_row} AS v
FROM keyed_fields
QUALIFY pick = max(pick) OVER (PARTITION BY contract_id, source, field);

CREATE OR REPLACE TEMP TABLE contract_candidates AS
WITH per_source_amount AS (
    SELECT contract_id, source, 'amount' AS field,
           CAST(sum(amount) AS DECIMAL(18, 2)) AS total, bool_or(amount < 0) AS has_credit,
           arg_min({'source_file': source_file, 'source_sheet': source_sheet, 'source_row': source_row},
                   line_order) AS first_line
    FROM contract_lines
    WHERE counted AND amount IS NOT NULL
    GROUP BY ALL
),
-- a source's start of the contract: its earliest counted line's (an add-on unit's prorated line, the
-- latest, starts within the term), as its amount is every counted line's
per_source_start AS (
    SELECT contract_id, source, 'start_date' AS field, CAST(min(service_start) AS VARCHAR) AS value,
           arg_min({'source_file': source_file, 'source_sheet': source_sheet, 'source_row': source_row},
                   (service_start, line_order)) AS first_line
    FROM contract_lines
    WHERE counted AND service_start IS NOT NULL
    GROUP BY ALL
),
source_recency AS (
    SELECT contract_id, source, min(rank) AS rank,
           coalesce(max(invoice_date), DATE '0001-01-01') AS last_date,
           max(source_file) AS last_file,
           sum(amount) FILTER (WHERE counted) AS total,
           min(service_start) AS first_start, max(service_end) AS last_end
    FROM contract_lines
    GROUP BY ALL
),
partial_views AS (
    SELECT v.contract_id, v.source
    FROM source_recency v
    JOIN source_recency o ON o.contract_id = v.contract_id AND o.source <> v.source
    WHERE (v.first_start > o.first_start + INTERVAL 31 DAY AND v.last_end <= o.last_end AND v.total < o.total)
       OR (v.total < 0 AND o.total > 0)
    GROUP BY ALL
),
all_values AS (
    SELECT * FROM per_source_field
    UNION ALL BY NAME
    SELECT contract_id, source, field,
           {'value': CAST(total AS VARCHAR), 'detail': CASE WHEN has_credit THEN 'credit' END, 'preference': 0,
            'source_file': first_line.source_file, 'source_sheet': first_line.source_sheet,
            'source_row': first_line.source_row} AS v
    FROM per_source_amount
    UNION ALL BY NAME
    SELECT contract_id, source, field,
           {'value': value, 'detail': NULL::VARCHAR, 'preference': 0, 'source_file': first_line.source_file,
            'source_sheet': first_line.source_sheet, 'source_row': first_line.source_row} AS v
    FROM per_source_start
)
SELECT a.contract_id, a.field, a.v.value, a.v.detail, a.v.preference,
       a.source, a.v.source_file, a.v.source_sheet, a.v.source_row,
       r.rank,
       row_number() OVER (PARTITION BY a.contract_id, a.field
                          ORDER BY a.field IN ('amount', 'start_date', 'currency') AND p.source IS NOT NULL,
                                   a.v.preference ASC, r.rank ASC, r.last_date DESC, r.last_file DESC,
                                   a.source ASC) AS choice
FROM all_values a
JOIN source_recency r USING (contract_id, source)
LEFT JOIN partial_views p USING (contract_id, source);

DROP TABLE per_source_field;

-- the values that lost, with the value that won (contract numbers differ only in spelling: not conflicts)
CREATE OR REPLACE TABLE contract_conflicts AS
SELECT c.contract_id, c.field, c.value, c.source, c.source_file, c.source_sheet, c.source_row,
       w.value AS chosen_value, w.source AS chosen_source
FROM contract_candidates c
JOIN contract_candidates w ON w.contract_id = c.contract_id AND w.field = c.field AND w.choice = 1
WHERE c.choice > 1 AND c.value <> w.value AND c.preference = w.preference AND c.field <> 'contract_number'
  -- statuses written differently ("Active", "Renewed") conflict only when one says cancelled and the other not;
  -- outcomes of other terms (their lines end elsewhere) are no conflict
  AND (c.field <> 'status' OR c.detail IS DISTINCT FROM w.detail)
  AND (c.field <> 'outcome' OR c.detail IS NOT DISTINCT FROM w.detail)
ORDER BY c.contract_id, c.field, c.source;

CREATE OR REPLACE TABLE contract_sources AS
SELECT l.contract_id, l.record_id, l.source, l.source_file, l.source_sheet, l.source_row,
       l.raw_contract_number, l.attach_rule, l.counted AS amount_counted
FROM contract_lines l
ORDER BY l.contract_id, l.source, l.source_file, l.source_sheet NULLS FIRST, l.source_row;

CREATE OR REPLACE TEMP TABLE contract_assets_serial AS
SELECT l.contract_id, a.asset_id, count(DISTINCT l.record_id) AS source_rows
FROM contract_lines l
JOIN asset_sources a USING (record_id)
GROUP BY ALL
ORDER BY l.contract_id, a.asset_id;

-- every dated source row naming a customer and a reseller - in a reseller field, or as the bill-to
-- of a sale to that customer (the reseller bought the hardware for them): who sold to whom, when
CREATE OR REPLACE TEMP TABLE customer_reseller_history AS
WITH dealt AS (
    SELECT rp.customer_id, coalesce(r.service_start, r.invoice_date) AS seen_on, s.rank,
           coalesce(rp.reseller_id, CASE WHEN rp.bill_to_role = 'reseller' THEN rp.bill_to_id END) AS reseller_id
    FROM record_parties rp
    JOIN source_records r USING (record_id)
    JOIN source_rank s USING (source)
    WHERE rp.customer_id IS NOT NULL AND coalesce(r.service_start, r.invoice_date) IS NOT NULL
)
SELECT customer_id, seen_on, arg_min(reseller_id, (rank, reseller_id)) AS reseller_id
FROM dealt
WHERE reseller_id IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE contracts_base AS
WITH chosen AS (
    SELECT * FROM contract_candidates WHERE choice = 1
),
pivoted AS (
    SELECT contract_id,
           max(value) FILTER (WHERE field = 'contract_number') AS contract_number,
           max(value) FILTER (WHERE field = 'customer_id') AS customer_id,
           max(value) FILTER (WHERE field = 'bill_to_id') AS bill_to_id,
           max(detail) FILTER (WHERE field = 'bill_to_id') AS bill_to_role,
           max(value) FILTER (WHERE field = 'reseller_id') AS reseller_id,
           max(value) FILTER (WHERE field = 'rep') AS rep,
           max(value) FILTER (WHERE field = 'service_level') AS service_level,
           max(value) FILTER (WHERE field = 'sku') AS sku,
           max(detail) FILTER (WHERE field = 'sku') AS sku_family,
           CAST(max(value) FILTER (WHERE field = 'start_date') AS DATE) AS start_date,
           CAST(max(value) FILTER (WHERE field = 'end_date') AS DATE) AS end_date,
           max(source) FILTER (WHERE field = 'end_date') AS end_date_source,
           CAST(max(value) FILTER (WHERE field = 'amount' AND TRY_CAST(value AS DECIMAL(18, 2)) >= 0)
                AS DECIMAL(18, 2)) AS amount,
           max(source) FILTER (WHERE field = 'amount' AND TRY_CAST(value AS DECIMAL(18, 2)) >= 0) AS amount_source,
           -- credited (called off): its invoices credited in full - the amount's source nets a credit note
           -- to zero -, or the status of the most trusted source giving one says cancelled (Cancelled,
           -- Terminated, Void, Storniert, Gekündigt, Annulé, Résilié, Cancelado, Anulado, Geannuleerd ...)
           coalesce(bool_or(field = 'amount' AND detail = 'credit' AND TRY_CAST(value AS DECIMAL(18, 2)) = 0)
                    OR bool_or(field = 'status' AND detail = 'cancelled'), false) AS credited,
           -- what the most trusted status giving one says of the renewal, and the end of its line's term
           max(value) FILTER (WHERE field = 'outcome') AS outcome,
           max(detail) FILTER (WHERE field = 'outcome') AS outcome_end,
           -- the term the service SKU or description states (read only when no start date is known)
           TRY_CAST(max(value) FILTER (WHERE field = 'term_months') AS INTEGER) AS stated_term_months,
           max(value) FILTER (WHERE field = 'currency') AS currency
    FROM chosen
    GROUP BY contract_id
),
quantities AS (  -- units the contract covers: per source the sum of its counted lines, the largest
    SELECT contract_id, max(units) AS quantity
    FROM (SELECT contract_id, source, sum(quantity) AS units FROM contract_lines
          WHERE counted AND quantity > 0 GROUP BY ALL)
    GROUP BY contract_id
),
lines AS (
    SELECT contract_id,
           bool_or(attach_rule = 'contract_number') AS numbered,
           list_sort(list(DISTINCT source)) AS sources,
           count(*) AS record_count
    FROM contract_lines
    GROUP BY contract_id
),
asset_counts AS (
    SELECT contract_id, count(*) AS asset_count FROM contract_assets_serial GROUP BY contract_id
),
stated_direct AS (  -- contracts a line of which says the sale was direct ("DIRECT" as its reseller)
    SELECT DISTINCT l.contract_id
    FROM contract_lines l
    JOIN source_records r USING (record_id)
    WHERE is_direct_sale(r.reseller_name)
),
resold AS (  -- contracts with no reseller named: the bill-to when it is a reseller, else the
             -- reseller the customer was dealing through at the contract's start (as-of join), unless a
             -- line says the sale was direct
    SELECT p.contract_id,
           CASE WHEN p.reseller_id IS NOT NULL THEN p.reseller_id
                WHEN p.bill_to_role = 'reseller' THEN p.bill_to_id
                WHEN d.contract_id IS NULL THEN h.reseller_id END AS reseller_id,
           CASE WHEN p.reseller_id IS NOT NULL THEN 'source'
                WHEN p.bill_to_role = 'reseller' THEN 'bill_to'
                WHEN d.contract_id IS NULL AND h.reseller_id IS NOT NULL THEN 'customer_history' END AS reseller_basis
    FROM pivoted p
    LEFT JOIN stated_direct d USING (contract_id)
    ASOF LEFT JOIN customer_reseller_history h
        ON h.customer_id = p.customer_id
       AND h.seen_on <= coalesce(p.start_date, CAST(p.end_date - INTERVAL 1 YEAR AS DATE)) + 30
)
SELECT p.contract_id, p.contract_number, p.customer_id, p.bill_to_id, p.bill_to_role,
       rs.reseller_id, rs.reseller_basis,
       p.rep, p.service_level, p.sku, p.sku_family, p.start_date, p.end_date,
       -- the term from start to end; with no start date, the term its SKU or description states ("3Y",
       -- "36 months": a multi-year contract paid upfront is annualised), its start_date staying unknown
       CASE WHEN p.start_date IS NOT NULL AND p.end_date >= p.start_date
                THEN CAST(round((p.end_date - p.start_date + 1) / 30.4375) AS INTEGER)
            WHEN p.start_date IS NULL THEN p.stated_term_months END AS term_months,
       p.amount, coalesce(p.currency, (SELECT currency FROM run_settings)) AS currency,
       p.end_date_source, p.amount_source, p.credited,
       -- renewed or lost as a status says, when its line ends the term the contract ends (or gives no end):
       -- a tracker's "Renewed" of an earlier term under the same number says nothing of this one
       CASE WHEN p.outcome_end IS NULL OR CAST(p.outcome_end AS DATE) = p.end_date THEN p.outcome END AS outcome,
       l.numbered, l.sources, l.record_count, coalesce(a.asset_count, 0) AS asset_count, q.quantity
FROM pivoted p
JOIN resold rs USING (contract_id)
JOIN lines l USING (contract_id)
LEFT JOIN asset_counts a USING (contract_id)
LEFT JOIN quantities q USING (contract_id);
