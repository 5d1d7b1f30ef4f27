-- Holds the campaign's pool row until the commit ends. ?1 = campaign id.
SELECT allocated_megabytes FROM pool WHERE campaign_id = ?1 FOR UPDATE
