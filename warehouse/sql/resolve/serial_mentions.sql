-- One row per serial token named by a source row (lists exploded), with the row's SKU and its
-- resolved customer (record_parties: the customers stage runs first). Only what the asset stage
-- reads: at a million rows each further text column costs ~0.1 GiB held and more while fetched.
SELECT r.record_id, r.source, unnest(r.serial_numbers) AS raw_serial, r.sku, p.customer_id AS customer
FROM source_records r
LEFT JOIN record_parties p USING (record_id)
WHERE len(r.serial_numbers) > 0
ORDER BY r.record_id
