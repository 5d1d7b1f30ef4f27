-- One line of a campaign's bundle validity. ?1 = campaign id, ?2 = bundle megabytes (0: every size), ?3 = days.
INSERT INTO bundle_validity (campaign_id, bundle_megabytes, days) VALUES (?1, ?2, ?3)
