-- The teams a player is in, left, as part of erasing their history. ?1 = player. Answers each team left.
DELETE FROM team_member WHERE player = ?1 RETURNING campaign_id, team_id
