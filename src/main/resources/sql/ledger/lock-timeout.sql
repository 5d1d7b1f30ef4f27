-- How long this transaction waits for a ledger lock before giving up (and trying again on its next pass), so writers
-- never queue behind a reconcile for long. ?1 = a duration such as '2s'.
SELECT set_config('lock_timeout', ?, true)
