-- A player erases their history: their rows stay in the ledger but no longer name them. ?1 = player.
UPDATE donation SET player = NULL WHERE player = ?1
