-- The photo a beneficiary joined to its usage report. ?1 = the report's request event, ?2 type, ?3 bytes, ?4 width, ?5 height.
INSERT INTO usage_photo (request_event_id, content_type, bytes, width, height) VALUES (?1, ?2, ?3, ?4, ?5)
