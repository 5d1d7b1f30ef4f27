package io.clickgive;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

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
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).until(() -> clicks(slug) == expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // The caller compares what the ledger holds with what it expected, and says what it found.
        }
        return clicks(slug);
    }

    /**
     * The campaign's running sums (ledger_sum, kept by triggers) differ from the aggregate of its counted rows in this
     * many groups (shard, engagement, region): must always be zero.
     */
    public long sumsAdrift(String slug) {
        return single("""
                WITH c AS (SELECT id FROM campaign WHERE slug = ?),
                rows AS (SELECT shard, engagement, coalesce(region_code, '-') AS region, sum(units) AS units,
                                sum(megabytes) AS megabytes
                         FROM counted_donation WHERE campaign_id = (SELECT id FROM c) GROUP BY 1, 2, 3),
                sums AS (SELECT shard, engagement, coalesce(region_code, '-') AS region, units, megabytes
                         FROM ledger_sum WHERE campaign_id = (SELECT id FROM c) AND (units <> 0 OR megabytes <> 0))
                SELECT count(*) FROM rows FULL JOIN sums USING (shard, engagement, region)
                WHERE rows.units IS DISTINCT FROM sums.units OR rows.megabytes IS DISTINCT FROM sums.megabytes
                """, slug);
    }

    public String text(String sql, Object... args) {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
