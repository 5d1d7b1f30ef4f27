-- A call's applications by status.
SELECT status, count(*) AS applications FROM application WHERE call_id = ? GROUP BY status
