-- Tablets per status, for the inventory's summary.
SELECT status, count(*) AS tablets FROM tablet GROUP BY status ORDER BY status
