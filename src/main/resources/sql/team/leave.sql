-- A player leaves their team of a campaign; answers the team left, if any. ?1 campaign, ?2 player.
DELETE FROM team_member WHERE campaign_id = ?1 AND player = ?2 RETURNING team_id
