-- Whether the campaign's ledger has ever seen this identity or network (a void of an unknown one is a 404).
SELECT EXISTS (SELECT 1 FROM donation WHERE campaign_id = ? AND %s = ?)
