-- Adds a committed plan to the pool's allocated megabytes. ?1 = campaign id, ?2 = megabytes.
UPDATE pool SET allocated_megabytes = allocated_megabytes + ?2 WHERE campaign_id = ?1
