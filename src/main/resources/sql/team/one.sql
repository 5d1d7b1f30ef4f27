-- One team with its sums, and its rank among the campaign's teams that are not hidden (1 + the teams ahead of it).
-- ?1 = team id.
SELECT s.units, s.megabytes, s.rounds, s.members,
       1 + (SELECT count(*) FROM team_sum o JOIN team ot ON ot.id = o.team_id
            WHERE o.campaign_id = s.campaign_id AND ot.hidden_at IS NULL
              AND (o.megabytes > s.megabytes OR (o.megabytes = s.megabytes AND o.team_id < s.team_id))) AS rank
FROM team_sum s
WHERE s.team_id = ?1
