-- The campaign's leading teams that are not hidden, by megabytes: an index read (team_sum_board), never every team.
-- ?1 = campaign id, ?2 = how many.
SELECT t.code, t.name, t.region_code, s.units, s.megabytes, s.rounds, s.members
FROM team_sum s JOIN team t ON t.id = s.team_id
WHERE s.campaign_id = ?1 AND t.hidden_at IS NULL
ORDER BY s.megabytes DESC, s.team_id
LIMIT ?2
