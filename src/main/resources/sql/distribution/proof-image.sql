-- One image of a proof, if the proof belongs to the tablet. ?1 proof id, ?2 serial.
SELECT p.signature, p.signature_type, p.photo, p.photo_type
FROM delivery_proof p JOIN tablet t ON t.id = p.tablet_id
WHERE p.id = ?1 AND t.serial = ?2
