-- Lets the writers go on once the reconcile has its snapshot (see lock-exclusive.sql).
SELECT pg_advisory_unlock(1, ?::int)
