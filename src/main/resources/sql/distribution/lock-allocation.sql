-- Holds an allocation while tablets take its bundles, so two orders never pick the same one. ?1 = allocation id.
SELECT id FROM allocation WHERE id = ?1 FOR UPDATE
