-- A player's story per campaign, from the ledger's counted rows (index donation_player): rounds, clicks, megabytes.
-- ?1 = player.
SELECT campaign_id, count(DISTINCT session_id) AS rounds, sum(units) AS clicks, sum(megabytes) AS megabytes,
       max(donated_at) AS last_at
FROM counted_donation
WHERE player = ?1 AND engagement = 'CLICK'
GROUP BY campaign_id
