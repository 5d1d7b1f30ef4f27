-- A campaign's bundle sizes. ?1 = campaign id.
SELECT megabytes FROM bundle_size WHERE campaign_id = ?1 ORDER BY megabytes
