SELECT coalesce(sum(units), 0) FROM counted_donation WHERE campaign_id = ? AND engagement = 'CLICK' AND donated_at >= ?
