-- A campaign's identities over a window, busiest first: counted clicks, sessions, networks. Parameters: campaign, since.
SELECT player, sum(units) AS clicks, count(DISTINCT session_id) AS sessions, count(DISTINCT network) AS networks
FROM counted_donation
WHERE campaign_id = ? AND engagement = 'CLICK' AND donated_at >= ? AND player IS NOT NULL
GROUP BY player ORDER BY clicks DESC LIMIT ?
