-- The ledger's lock (the writers' shared lock, ledger/lock-shared.sql), held across a void's commit and its Redis
-- step, so that a reconcile (which takes it alone) never sees one without the other. Released by unlock-ledger.sql.
SELECT pg_advisory_lock_shared(1, ?::int)
