-- Teams a player created no longer name them (each keeps a distinct stand-in: one team per creator still holds).
-- ?1 = player.
UPDATE team SET created_by = 'erased:' || id WHERE created_by = ?1
