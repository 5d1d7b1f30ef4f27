-- Serialises the applications of one organisation (or one phone) across instances until the transaction ends, so
-- that two sent at once cannot both pass the open-applications limit or the duplicate check. Class 2: applications.
SELECT count(*) AS locked FROM (SELECT pg_advisory_xact_lock(2, hashtext(?))) AS l
