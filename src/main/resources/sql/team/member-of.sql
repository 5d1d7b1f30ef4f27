-- The team a player is in, in a campaign. ?1 = campaign id, ?2 = player.
SELECT team_id FROM team_member WHERE campaign_id = ?1 AND player = ?2
