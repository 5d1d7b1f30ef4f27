-- ?1 tablet event, ?2 tablet, ?3 signature, ?4 its type, ?5 photo or null, ?6 its type or null.
INSERT INTO delivery_proof (tablet_event_id, tablet_id, signature, signature_type, photo, photo_type)
VALUES (?1, ?2, ?3, ?4, CAST(?5 AS bytea), CAST(?6 AS text))
RETURNING id
