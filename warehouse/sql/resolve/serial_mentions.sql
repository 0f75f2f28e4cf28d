-- One row per serial token named by a source row (lists exploded), with the row's SKU.
SELECT r.record_id, r.source, r.kind, r.source_file, r.source_sheet, r.source_row,
       unnest(r.serial_numbers) AS raw_serial, r.sku
FROM source_records r
WHERE len(r.serial_numbers) > 0
ORDER BY r.record_id
