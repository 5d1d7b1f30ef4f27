-- The answer an action id got when it first arrived. ?1 distributor id, ?2 client id.
SELECT kind, serial, outcome, status, message FROM field_action WHERE distributor_id = ?1 AND client_id = ?2
