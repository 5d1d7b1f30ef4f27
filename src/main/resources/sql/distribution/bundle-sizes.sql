-- The size of each of these bundles. ?1 = bundle ids.
SELECT id, megabytes FROM bundle WHERE id IN (?1)
