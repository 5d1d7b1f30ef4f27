package io.clickgive.voids;

import io.agroal.api.AgroalDataSource;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.web.ClientError;
import io.clickgive.common.Resources;
import io.clickgive.counters.CampaignCounters;
import io.clickgive.counters.Hold;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The voids' tables and the ledger rows they take out: the SQL of {@link Voids}, one statement a method. */
final class VoidTable {

    static final String LOCK_LEDGER = Resources.sql("voids/lock-ledger");
    static final String UNLOCK_LEDGER = Resources.sql("voids/unlock-ledger");
    static final String LOCK_POOL = Resources.sql("allocation/lock-stock");
    static final String DONATED = Resources.sql("voids/donated");
    static final String ALLOCATED = Resources.sql("voids/allocated");
    static final String CANDIDATES = Resources.sql("voids/candidates");
    static final String KNOWN = Resources.sql("voids/known-target");
    static final String SESSION_ROWS = Resources.sql("voids/session-rows");
    static final String SESSION_VOID = Resources.sql("voids/session-void");
    static final String INSERT_VOID = Resources.sql("voids/insert-void");
    static final String INSERT_LINKS = Resources.sql("voids/insert-links");
    static final String LIST = Resources.sql("voids/list");
    static final String ONE = Resources.sql("voids/one");
    static final String VOID_ROWS = Resources.sql("voids/void-rows");
    static final String LIFT = Resources.sql("voids/lift");
    static final String CONFIRM = Resources.sql("voids/confirm");

    /** Ledger rows a void takes out, and where each is counted live. */
    record Row(long id, int shard, String region, long units, long megabytes) {
    }

    /** Where clicks are counted live: a shard's region. */
    record ShardRegion(int shard, String region) {
    }

    /** Clicks and the megabytes they gave (at their matching hours' rates). */
    record Counted(long units, long megabytes) {
        Counted plus(Counted other) {
            return new Counted(units + other.units, megabytes + other.megabytes);
        }
    }

    private VoidTable() {
    }

    static Map<ShardRegion, Counted> byShardAndRegion(List<Row> rows) {
        Map<ShardRegion, Counted> sums = new HashMap<>();
        rows.forEach(row -> sums.merge(new ShardRegion(row.shard(), row.region()), new Counted(row.units(),
                row.megabytes()), Counted::plus));
        return sums;
    }

    static void refuseBelowAllocated(Connection connection, CampaignRules campaign, long megabytes) throws SQLException {
        long donated = single(connection, DONATED, campaign.id());
        long allocated = single(connection, ALLOCATED, campaign.id());
        if (donated - megabytes < allocated) {
            throw ClientError.conflict("Voiding " + megabytes + " MB would leave " + (donated - megabytes)
                    + " MB donated against " + allocated + " MB already allocated; nothing was voided");
        }
    }

    static long insert(Connection connection, CampaignRules campaign, String kind, Target target, String hash,
                               Instant from, Instant to, String reason, String actor, long clicks, long megabytes,
                               List<Row> rows) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_VOID)) {
            insert.setLong(1, campaign.id());
            insert.setString(2, kind);
            insert.setString(3, target.name());
            insert.setString(4, hash);
            setInstant(insert, 5, from);
            setInstant(insert, 6, to);
            insert.setString(7, reason);
            insert.setString(8, actor);
            insert.setLong(9, clicks);
            insert.setLong(10, megabytes);
            try (ResultSet key = insert.executeQuery()) {
                if (!key.next()) {
                    throw ClientError.conflict("This session's clicks were voided already");
                }
                id = key.getLong(1);
            }
        }
        if (!rows.isEmpty()) {
            try (PreparedStatement links = connection.prepareStatement(INSERT_LINKS)) {
                Array ids = connection.createArrayOf("int8", rows.stream().map(Row::id).toArray());
                links.setArray(1, ids);
                links.setLong(2, id);
                links.executeUpdate();
            }
        }
        return id;
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    static boolean known(Connection connection, CampaignRules campaign, Target target, String hash)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(KNOWN.formatted(target.column))) {
            query.setLong(1, campaign.id());
            query.setString(2, hash);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    static boolean voided(Connection connection, CampaignRules campaign, String session) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SESSION_VOID)) {
            query.setLong(1, campaign.id());
            query.setString(2, session);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static List<Row> rows(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong("id"), result.getInt("shard"), result.getString("region"),
                            result.getLong("units"), result.getLong("megabytes")));
                }
            }
            return rows;
        }
    }

    static Map<ShardRegion, Counted> counted(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(VOID_ROWS)) {
            query.setLong(1, id);
            Map<ShardRegion, Counted> sums = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sums.put(new ShardRegion(rows.getInt("shard"), rows.getString("region")),
                            new Counted(rows.getLong("units"), rows.getLong("megabytes")));
                }
            }
            return sums;
        }
    }

    static VoidView one(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ONE)) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? view(rows) : null;
            }
        }
    }

    static VoidView view(ResultSet row) throws SQLException {
        return new VoidView(row.getLong("id"), row.getString("kind"), row.getString("target"), row.getString("hash"),
                instant(row, "from_at"), instant(row, "to_at"), row.getString("reason"), row.getString("actor"),
                instant(row, "at"), row.getLong("clicks"), row.getLong("megabytes"), instant(row, "lifted_at"),
                row.getString("lifted_by"), instant(row, "confirmed_at"), row.getString("confirmed_by"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static long single(Connection connection, String sql, long campaignId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, campaignId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    static void lockLedger(Connection connection, CampaignRules campaign) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_LEDGER)) {
            lock.setLong(1, campaign.id());
            lock.execute();
        }
    }

    static void unlockLedger(Connection connection, CampaignRules campaign) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement(UNLOCK_LEDGER)) {
            unlock.setLong(1, campaign.id());
            unlock.execute();
        }
    }
}
