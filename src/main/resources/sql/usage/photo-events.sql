-- Which of a request's usage reports came with a photo. ?1 = request id.
SELECT p.request_event_id AS event FROM usage_photo p JOIN request_event e ON e.id = p.request_event_id
WHERE e.request_id = ?1
