-- The event of a tablet's delivery (a tablet is delivered once: DELIVERED is final). ?1 serial.
SELECT e.id AS event_id, e.tablet_id
FROM tablet_event e JOIN tablet t ON t.id = e.tablet_id
WHERE t.serial = ?1 AND e.to_status = 'DELIVERED'
ORDER BY e.id DESC
LIMIT 1
