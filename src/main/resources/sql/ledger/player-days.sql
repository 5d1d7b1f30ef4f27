-- The days (Morocco's calendar) a player gave on, newest first, for the days in a row. ?1 = player.
SELECT DISTINCT (donated_at AT TIME ZONE 'Africa/Casablanca')::date AS day
FROM donation
WHERE player = ?1 AND engagement = 'CLICK'
ORDER BY day DESC
LIMIT 400
