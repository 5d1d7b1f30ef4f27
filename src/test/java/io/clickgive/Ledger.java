package io.clickgive;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Reads the PostgreSQL ledger directly, as an auditor would, to check what the API told players. */
public record Ledger(AgroalDataSource db) {

    public long clicks(String slug) {
        return single("SELECT coalesce(sum(d.units), 0) FROM donation d JOIN campaign c ON c.id = d.campaign_id"
                + " WHERE c.slug = ? AND d.engagement = 'CLICK'", slug);
    }

    public long rows(String slug) {
        return single("SELECT count(*) FROM donation d JOIN campaign c ON c.id = d.campaign_id WHERE c.slug = ?", slug);
    }

    /** Batches recorded more than once: must always be zero. */
    public long duplicates(String slug) {
        return single("SELECT count(*) FROM (SELECT session_id, seq FROM donation d JOIN campaign c ON c.id = d.campaign_id"
                + " WHERE c.slug = ? AND d.engagement = 'CLICK' GROUP BY session_id, seq HAVING count(*) > 1) x", slug);
    }

    /** Waits until the ledger holds {@code expected} clicks for the campaign, or the time is up; returns what it holds. */
    public long awaitClicks(String slug, long expected, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        long clicks = clicks(slug);
        while (clicks != expected && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            clicks = clicks(slug);
        }
        return clicks;
    }

    public long single(String sql, Object... args) {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
