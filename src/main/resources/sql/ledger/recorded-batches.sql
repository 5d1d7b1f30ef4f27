-- Which of the given (session, seq) pairs the ledger holds already.
SELECT d.session_id, d.seq
FROM donation d
JOIN unnest(?::text[], ?::int[]) AS b(session_id, seq) ON d.session_id = b.session_id AND d.seq = b.seq
