-- One lock for everything that reserves tablets or pool megabytes: allocation commits, and a tablet leaving the stock
-- without a bundle (lost). Held to the end of the transaction. Commits are rare manager actions, so one lock is enough.
SELECT pg_advisory_xact_lock(7466512)
