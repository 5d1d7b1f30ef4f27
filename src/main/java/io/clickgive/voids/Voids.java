package io.clickgive.voids;

import io.agroal.api.AgroalDataSource;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.ClientError;
import io.clickgive.common.RedisScripts;
import io.clickgive.common.Resources;
import io.clickgive.common.ShardKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
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

/**
 * Holds and voids: clicks taken out of every total — the live counters, the ledger's counted donations (so the report
 * and the pool) — while their ledger rows stay, each linked to the void that names them, who decided it and why.
 * <p>
 * The ledger side commits first, then the live counters move; both happen under the ledger's shared lock, which the
 * reconcile takes alone, so it never compares a ledger that voided with counters that did not (or the reverse). The
 * pool's lock (the one allocation commits take) is held too: a void may not take the pool below what was allocated.
 */
@ApplicationScoped
public class Voids {

    private static final String LOCK_LEDGER = Resources.sql("voids/lock-ledger");
    private static final String UNLOCK_LEDGER = Resources.sql("voids/unlock-ledger");
    // The pool's figures and lock are the allocation's (allocated ≤ donated is its invariant): read, never changed here.
    private static final String LOCK_POOL = Resources.sql("allocation/lock-stock");
    private static final String DONATED = Resources.sql("voids/donated");
    private static final String ALLOCATED = Resources.sql("voids/allocated");
    private static final String CANDIDATES = Resources.sql("voids/candidates");
    private static final String KNOWN = Resources.sql("voids/known-target");
    private static final String SESSION_ROWS = Resources.sql("voids/session-rows");
    private static final String SESSION_VOID = Resources.sql("voids/session-void");
    private static final String INSERT_VOID = Resources.sql("voids/insert-void");
    private static final String INSERT_LINKS = Resources.sql("voids/insert-links");
    private static final String LIST = Resources.sql("voids/list");
    private static final String ONE = Resources.sql("voids/one");
    private static final String VOID_ROWS = Resources.sql("voids/void-rows");
    private static final String LIFT = Resources.sql("voids/lift");
    private static final String CONFIRM = Resources.sql("voids/confirm");

    /** The guard's void of a session's held clicks: one per session. */
    static final String GUARD = "guard";

    /** Ledger rows a void takes out, and where each is counted live. */
    private record Row(long id, int shard, String region, long units, long megabytes) {
    }

    /** A session the batch script judged scripted after some of its clicks counted (redis/batch.lua, held hash). */
    record Held(int clicks, String region, String reason, long at) {
    }

    private final CampaignCatalog catalog;
    private final AgroalDataSource db;
    private final RedisScripts scripts;
    private final RedisScripts.Script release;
    private final HashCommands<String, String, Long> hashes;
    private final int shards;

    public Voids(CampaignCatalog catalog, AgroalDataSource db, RedisScripts scripts, RedisDataSource redis,
                 io.clickgive.common.ClickgiveConfig config) {
        this.catalog = catalog;
        this.db = db;
        this.scripts = scripts;
        this.release = scripts.script("release");
        this.hashes = redis.hash(String.class, String.class, Long.class);
        this.shards = config.counters().shards();
    }

    /** Holds or voids the counted clicks of an identity or a network over a time range. */
    public VoidView order(String slug, VoidOrder order, String actor) {
        CampaignRules campaign = catalog.bySlug(slug);
        order.check();
        Target target = order.kind();
        return underLedgerLock(campaign, connection -> {
            execute(connection, LOCK_POOL);
            if (!known(connection, campaign, target, order.hash())) {
                throw ClientError.notFound("No click of this " + target.name().toLowerCase() + " is in the ledger of '"
                        + slug + "'");
            }
            List<Row> rows = rows(connection, CANDIDATES.formatted(target.column), campaign.id(), order.hash(),
                    Timestamp.from(order.from()), Timestamp.from(order.to()));
            if (rows.isEmpty()) {
                throw ClientError.conflict("Nothing to " + (order.held() ? "hold" : "void") + ": no counted click of "
                        + "this " + target.name().toLowerCase() + " between " + order.from() + " and " + order.to());
            }
            long megabytes = rows.stream().mapToLong(Row::megabytes).sum();
            refuseBelowAllocated(connection, campaign, megabytes);
            long id = insert(connection, campaign, order.held() ? "HOLD" : "VOID", target, order.hash(), order.from(),
                    order.to(), order.reason().strip(), actor, rows.stream().mapToLong(Row::units).sum(), megabytes, rows);
            return new Step<>(id, byShardAndRegion(rows), -1);
        }, (connection, id) -> one(connection, id));
    }

    /** A hold lifted: its clicks count again, everywhere. */
    public VoidView lift(long id, String actor) {
        return settle(id, actor, true);
    }

    /** A hold confirmed: from now on a void, for good. */
    public VoidView confirm(long id, String actor) {
        return settle(id, actor, false);
    }

    private VoidView settle(long id, String actor, boolean lift) {
        VoidView view;
        long campaignId;
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(ONE)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw ClientError.notFound("No hold or void " + id);
                }
                view = view(row);
                campaignId = row.getLong("campaign_id");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading void " + id + " failed", e);
        }
        return underLedgerLock(catalog.byId(campaignId), connection -> {
            try (PreparedStatement update = connection.prepareStatement(lift ? LIFT : CONFIRM)) {
                update.setString(1, actor);
                update.setLong(2, id);
                if (update.executeUpdate() == 0) {
                    throw ClientError.conflict("Void " + id + " is not a hold in force (it is a " + view.kind()
                            + (view.liftedAt() != null ? ", lifted" : "") + "): only a hold can be lifted or confirmed");
                }
            }
            return new Step<>(id, lift ? counted(connection, id) : Map.of(), +1);
        }, (connection, ignored) -> one(connection, id));
    }

    public List<VoidView> list(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(LIST)) {
            query.setLong(1, campaign.id());
            List<VoidView> views = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    views.add(view(rows));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException("Listing voids failed", e);
        }
    }

    /**
     * The guard's void of a session judged scripted after some of its clicks counted: once every one of those clicks
     * is in the ledger (its batches came before the judgement, so they are in the stream ahead of it), the rows are
     * voided and the hold released. A hold older than {@code giveUpAt} is voided with what the ledger has (entries a
     * Redis without persistence lost never come). Answers whether the hold is over.
     */
    boolean voidSession(CampaignRules campaign, int shard, String session, Held held, long giveUpAt) {
        ShardKeys keys = new ShardKeys(campaign.id(), shard);
        return underLedgerLock(campaign, connection -> {
            execute(connection, LOCK_POOL);
            if (!voided(connection, campaign, session)) {
                List<Row> rows = rows(connection, SESSION_ROWS, campaign.id(), session);
                long clicks = rows.stream().mapToLong(Row::units).sum();
                if (clicks < held.clicks() && held.at() > giveUpAt) {
                    return new Step<>(false, Map.of(), 0); // its earlier batches are still on their way to the ledger
                }
                long megabytes = rows.stream().mapToLong(Row::megabytes).sum();
                try {
                    refuseBelowAllocated(connection, campaign, megabytes);
                } catch (ClientError refused) {
                    Log.warnf("Session %s of %s stays held: %s", session, campaign.slug(), refused.getMessage());
                    return new Step<>(false, Map.of(), 0);
                }
                insert(connection, campaign, "VOID", Target.SESSION, session, null, null,
                        "judged scripted (" + held.reason() + ")", GUARD, clicks, megabytes, rows);
            }
            return new Step<>(true, Map.of(), 0);
        }, (connection, over) -> {
            if (over) { // the live total let go of the clicks when the hold began: only the hold ends here
                scripts.call(release, List.of(keys.held(), keys.totals()),
                        new Release(session, held.region(), held.clicks()), Released.class).await().indefinitely();
            }
            return over;
        });
    }

    /** What a transaction under the ledger's lock decided, and how the live counters must move once it is committed. */
    private record Step<T>(T result, Map<ShardRegion, Long> counted, int sign) {
    }

    private interface Work<T> {
        Step<T> run(Connection connection) throws SQLException;
    }

    private interface Then<T, R> {
        R run(Connection connection, T result) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction under the ledger's shared lock, then — committed, the lock still held —
     * moves the live counters as the work said and runs {@code then}: a reconcile never sees one side without the
     * other. A refusal (ClientError) or failure rolls the transaction back and moves nothing.
     */
    private <T, R> R underLedgerLock(CampaignRules campaign, Work<T> work, Then<T, R> then) {
        try (Connection connection = db.getConnection()) {
            lockLedger(connection, campaign);
            try {
                connection.setAutoCommit(false);
                Step<T> step;
                try {
                    step = work.run(connection);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
                move(campaign, step.counted(), step.sign());
                return then.run(connection, step.result());
            } finally {
                unlockLedger(connection, campaign);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A void of " + campaign.slug() + " failed", e);
        }
    }

    /** release.lua's call and answer. */
    record Release(String session, String region, int clicks) {
    }

    record Released(boolean released) {
    }

    private record ShardRegion(int shard, String region) {
    }

    private static Map<ShardRegion, Long> byShardAndRegion(List<Row> rows) {
        Map<ShardRegion, Long> sums = new HashMap<>();
        rows.forEach(row -> sums.merge(new ShardRegion(row.shard(), row.region()), row.units(), Long::sum));
        return sums;
    }

    /** Moves the live counters by the voided (−1) or restored (+1) clicks, shard by shard. */
    private void move(CampaignRules campaign, Map<ShardRegion, Long> counted, int sign) {
        counted.forEach((at, units) -> {
            if (at.shard() < shards) {
                hashes.hincrby(new ShardKeys(campaign.id(), at.shard()).totals(), "r:" + at.region(), sign * units);
            }
        });
    }

    private void refuseBelowAllocated(Connection connection, CampaignRules campaign, long megabytes) throws SQLException {
        long donated = single(connection, DONATED, campaign.id());
        long allocated = single(connection, ALLOCATED, campaign.id());
        if (donated - megabytes < allocated) {
            throw ClientError.conflict("Voiding " + megabytes + " MB would leave " + (donated - megabytes)
                    + " MB donated against " + allocated + " MB already allocated; nothing was voided");
        }
    }

    private static long insert(Connection connection, CampaignRules campaign, String kind, Target target, String hash,
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

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static boolean known(Connection connection, CampaignRules campaign, Target target, String hash)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(KNOWN.formatted(target.column))) {
            query.setLong(1, campaign.id());
            query.setString(2, hash);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static boolean voided(Connection connection, CampaignRules campaign, String session) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SESSION_VOID)) {
            query.setLong(1, campaign.id());
            query.setString(2, session);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<Row> rows(Connection connection, String sql, Object... params) throws SQLException {
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

    private static Map<ShardRegion, Long> counted(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(VOID_ROWS)) {
            query.setLong(1, id);
            Map<ShardRegion, Long> sums = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sums.put(new ShardRegion(rows.getInt("shard"), rows.getString("region")), rows.getLong("units"));
                }
            }
            return sums;
        }
    }

    private static VoidView one(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ONE)) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? view(rows) : null;
            }
        }
    }

    private static VoidView view(ResultSet row) throws SQLException {
        return new VoidView(row.getLong("id"), row.getString("kind"), row.getString("target"), row.getString("hash"),
                instant(row, "from_at"), instant(row, "to_at"), row.getString("reason"), row.getString("actor"),
                instant(row, "at"), row.getLong("clicks"), row.getLong("megabytes"), instant(row, "lifted_at"),
                row.getString("lifted_by"), instant(row, "confirmed_at"), row.getString("confirmed_by"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static long single(Connection connection, String sql, long campaignId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, campaignId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static void lockLedger(Connection connection, CampaignRules campaign) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_LEDGER)) {
            lock.setLong(1, campaign.id());
            lock.execute();
        }
    }

    private static void unlockLedger(Connection connection, CampaignRules campaign) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement(UNLOCK_LEDGER)) {
            unlock.setLong(1, campaign.id());
            unlock.execute();
        }
    }
}
