-- The photo joined to a request's usage report. ?1 = request id, ?2 = the report's event id.
SELECT p.content_type, p.bytes
FROM usage_photo p JOIN request_event e ON e.id = p.request_event_id
WHERE e.request_id = ?1 AND p.request_event_id = ?2
