-- A dated invoice or sell-through line that another file (or sheet) of the same source delivers again cell
-- for cell - a year-to-date re-export, a ledger exported whole every night - is one line, not two. Every copy
-- keeps its row and lineage; all but the copy in the source's latest file (path order, then sheet, as
-- contract_lines.sql counts a re-sent contract line) get `repeat_of`, the record that is counted, and the
-- tables that count lines (invoice_counterparties, the registration audit) read each line once. Copies within
-- one file are distinct lines (two units on one invoice): the n-th copy in a file repeats only the n-th copy
-- of another. Lines are grouped by a hash of their cells, and every repeat is then compared cell for cell
-- with the record it names. Each file whose lines repeat those of an earlier file of its source counts them
-- in `ingested_files.rows_repeated` and says so first among its warnings. Needs source_records and
-- ingested_files (staging_tables.sql).
CREATE OR REPLACE TEMP TABLE line_copies AS
SELECT record_id, source, source_file, coalesce(source_sheet, '') AS sheet, source_row,
       hash(row(*COLUMNS(* EXCLUDE (record_id, sha256, source, source_file, source_sheet, source_row)))) AS line_hash
FROM source_records
WHERE kind IN ('accounting', 'distributor') AND invoice_date IS NOT NULL;

-- only lines whose cells another file or sheet of the source also holds (most nights: none)
CREATE OR REPLACE TEMP TABLE line_repeats AS
WITH shared AS (
    SELECT source, line_hash
    FROM line_copies
    GROUP BY ALL
    HAVING count(DISTINCT (source_file, sheet)) > 1
),
numbered AS (
    SELECT c.*, row_number() OVER (PARTITION BY c.source, c.source_file, c.sheet, c.line_hash
                                   ORDER BY c.source_row) AS copy_no
    FROM line_copies c
    SEMI JOIN shared USING (source, line_hash)
),
placed AS (
    SELECT *,
           first_value(record_id) OVER (PARTITION BY source, line_hash, copy_no
                                        ORDER BY source_file DESC, sheet DESC, source_row) AS counted_id,
           first_value({'file': source_file, 'sheet': sheet}) OVER (PARTITION BY source, line_hash, copy_no
                                                                   ORDER BY source_file, sheet, source_row) AS first_copy
    FROM numbered
),
-- the cells of every line and of the line it would repeat, compared whole: a hash two lines share is no repeat
cells AS (
    SELECT record_id, row(*COLUMNS(* EXCLUDE (record_id, sha256, source_file, source_sheet, source_row))) AS cells
    FROM source_records
    SEMI JOIN (SELECT record_id FROM placed UNION SELECT counted_id FROM placed) USING (record_id)
)
SELECT p.record_id, p.source_file, p.sheet, p.counted_id,
       -- the earliest file (or sheet) of the source that holds this line, when it is not this one
       CASE WHEN (p.first_copy.file, p.first_copy.sheet) <> (p.source_file, p.sheet) THEN p.first_copy END AS earlier
FROM placed p
JOIN cells r ON r.record_id = p.record_id
JOIN cells c ON c.record_id = p.counted_id
WHERE r.cells IS NOT DISTINCT FROM c.cells;

ALTER TABLE source_records ADD COLUMN repeat_of VARCHAR;
UPDATE source_records SET repeat_of = l.counted_id
FROM line_repeats l
WHERE source_records.record_id = l.record_id AND l.counted_id <> l.record_id;

ALTER TABLE ingested_files ADD COLUMN rows_repeated BIGINT DEFAULT 0;
UPDATE ingested_files SET rows_repeated = f.lines,
    warnings = list_prepend(
        -- what it means first: the terminal cuts a long warning, and the files named come last
        format('{:,} of its {:,} dated lines repeat lines of {} and are counted once (a year-to-date or '
               || 'whole-ledger re-export?): {}{}; see source_records.repeat_of',
               f.lines, f.dated, CASE WHEN f.others = 1 THEN 'an earlier file of its source'
                                      ELSE format('{} earlier files of its source', f.others) END,
               array_to_string(f.named, ', '), CASE WHEN f.others > 3 THEN format(' and {} more', f.others - 3) ELSE '' END),
        coalesce(ingested_files.warnings, []))
FROM (
    SELECT l.source_file, count(*) AS lines, count(DISTINCT l.earlier) AS others,
           -- up to three of them: a sheet of the same file, a file of the same folder by its name, else by its path
           list_sort(list(DISTINCT CASE WHEN l.earlier.file = l.source_file THEN format('its sheet ''{}''', l.earlier.sheet)
                                        WHEN parse_dirpath(l.earlier.file) = parse_dirpath(l.source_file)
                                        THEN parse_filename(l.earlier.file)
                                        ELSE l.earlier.file END))[:3] AS named,
           any_value(d.dated) AS dated
    FROM line_repeats l
    JOIN (SELECT source_file, count(*) AS dated FROM line_copies GROUP BY ALL) d USING (source_file)
    WHERE l.earlier IS NOT NULL
    GROUP BY l.source_file
) f
WHERE ingested_files.path = f.source_file AND ingested_files.status = 'loaded';
