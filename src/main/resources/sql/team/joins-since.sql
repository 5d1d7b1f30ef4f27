-- How many teams a player joined in a campaign since a time. ?1 campaign, ?2 player, ?3 since.
SELECT count(*) AS joins FROM team_member_event WHERE campaign_id = ?1 AND player = ?2 AND kind = 'JOINED' AND at >= ?3
