-- A player's best round per campaign: the most megabytes one session gave. ?1 = player.
SELECT campaign_id, max(megabytes) AS best
FROM (SELECT campaign_id, session_id, sum(megabytes) AS megabytes FROM counted_donation
      WHERE player = ?1 AND engagement = 'CLICK' GROUP BY campaign_id, session_id) rounds
GROUP BY campaign_id
