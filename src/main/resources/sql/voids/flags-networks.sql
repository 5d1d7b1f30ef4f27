-- A campaign's networks over a window, busiest first: counted clicks, identities, sessions. Parameters: campaign, since.
SELECT network, sum(units) AS clicks, count(DISTINCT player) AS identities, count(DISTINCT session_id) AS sessions
FROM counted_donation
WHERE campaign_id = ? AND engagement = 'CLICK' AND donated_at >= ? AND network IS NOT NULL
GROUP BY network ORDER BY clicks DESC LIMIT ?
