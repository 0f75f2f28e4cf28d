-- A file delivered again under its path with other bytes (a tracker edited in place, a report run again):
-- the lines of the stored version the new one no longer holds cell for cell ('old'), and the new version's
-- lines the stored one did not hold ('new'). A line is its cells, wherever it sits: a deleted line moves the
-- rows below it up, and they are not changed lines. Copies within one file are distinct lines: the n-th copy
-- of a line in one version pairs with the n-th copy in the other. $path is the file; incoming_records is the
-- new version's records (no rows when it holds none). Read by warehouse.replaced_lines.
WITH versions AS (
    SELECT 'old' AS version, * EXCLUDE (record_id, sha256) FROM source_records WHERE source_file = $path
    UNION ALL BY NAME
    SELECT 'new' AS version, * FROM incoming_records
),
lines AS (
    SELECT version, source_sheet, source_row, invoice_number, contract_number, serial_numbers, customer_name,
           amount,
           hash(row(*COLUMNS(* EXCLUDE (version, source, source_file, source_sheet, source_row)))) AS cells
    FROM versions
),
numbered AS (
    SELECT *, row_number() OVER (PARTITION BY version, cells ORDER BY source_sheet, source_row) AS copy_no
    FROM lines
)
SELECT n.version, n.source_sheet, n.source_row,
       coalesce(n.invoice_number, n.contract_number, n.serial_numbers[1], n.customer_name) AS line_key,
       n.amount
FROM numbered n
ANTI JOIN numbered m ON m.version <> n.version AND m.cells = n.cells AND m.copy_no = n.copy_no
ORDER BY n.version DESC, n.source_sheet NULLS FIRST, n.source_row;
