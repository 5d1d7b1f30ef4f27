-- A player's joins and leaves, forgotten. ?1 = player.
DELETE FROM team_member_event WHERE player = ?1
