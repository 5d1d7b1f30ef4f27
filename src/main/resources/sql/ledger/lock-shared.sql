-- Writers of a campaign's ledger share this lock; the reconcile takes it alone, so the ledger holds still while compared.
SELECT pg_advisory_xact_lock_shared(1, ?::int)
