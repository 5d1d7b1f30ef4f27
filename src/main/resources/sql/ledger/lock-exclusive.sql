-- The reconcile's fence, held at session level for the few milliseconds it takes to fix its snapshot of the ledger
-- and read the counters and streams: writers (lock-shared.sql) commit before it or after it, never while it is held.
SELECT pg_advisory_lock(1, ?::int)
