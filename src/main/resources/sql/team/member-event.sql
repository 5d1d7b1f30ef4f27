-- One join or leave. ?1 campaign, ?2 player, ?3 team, ?4 kind (JOINED, LEFT), ?5 at.
INSERT INTO team_member_event (campaign_id, player, team_id, kind, at) VALUES (?1, ?2, ?3, ?4, ?5)
