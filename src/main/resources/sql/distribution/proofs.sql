-- A tablet's proofs of delivery, with the time of the delivery they prove. ?1 serial.
SELECT p.id, e.at, e.actor, (p.photo IS NOT NULL) AS has_photo
FROM delivery_proof p
JOIN tablet_event e ON e.id = p.tablet_event_id
JOIN tablet t ON t.id = p.tablet_id
WHERE t.serial = ?1
ORDER BY p.id
