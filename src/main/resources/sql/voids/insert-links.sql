INSERT INTO donation_void (donation_id, void_id) SELECT unnest(?::bigint[]), ?
