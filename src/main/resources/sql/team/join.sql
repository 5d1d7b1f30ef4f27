-- A player joins a team, unless already in one of the campaign (then nothing). ?1 campaign, ?2 player, ?3 team, ?4 at.
INSERT INTO team_member (campaign_id, player, team_id, joined_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (campaign_id, player) DO NOTHING
