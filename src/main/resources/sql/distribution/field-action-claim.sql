-- Claims a phone's action id for this distributor, with the answer it will get; nothing if the id was claimed before
-- (a concurrent claim waits here for the first to commit or roll back). ?1 distributor id, ?2 client id, ?3 kind,
-- ?4 serial, ?5 outcome, ?6 status, ?7 message, ?8 actor, ?9 made at, ?10 received at.
INSERT INTO field_action (distributor_id, client_id, kind, serial, outcome, status, message, actor, made_at, received_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS text), ?8, CAST(?9 AS timestamptz), CAST(?10 AS timestamptz))
ON CONFLICT DO NOTHING
RETURNING client_id
