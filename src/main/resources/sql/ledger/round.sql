-- What one round gave, as the ledger holds it: its clicks and their megabytes (by the session's unique key).
-- ?1 = session id, ?2 = campaign id.
SELECT coalesce(sum(units), 0) AS clicks, coalesce(sum(megabytes), 0) AS megabytes
FROM donation WHERE session_id = ?1 AND campaign_id = ?2 AND engagement = 'CLICK'
