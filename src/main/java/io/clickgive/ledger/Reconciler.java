package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.Resources;
import io.clickgive.counters.LedgerEntry;
import io.clickgive.counters.LedgerStreams;
import io.clickgive.counters.RepairCounters;
import io.clickgive.counters.ShardKeys;
import io.clickgive.counters.TotalsField;
import io.clickgive.totals.TotalsService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves live counters = ledger + in flight, and repairs them where not (Redis restarted without its data, a crash
 * between the ledger and Redis). Its view is of one instant: holding the campaign's ledger lock alone (writers commit
 * before or after, never while), it fixes a REPEATABLE READ snapshot of the ledger and reads each shard's counters
 * and newest stream entry in one script, then the entries up to it in pages; then it lets the writers go on and
 * reads the rest of the ledger inside that snapshot. Writers wait milliseconds, and Redis is never blocked.
 * <p>
 * At start, and every {@code clickgive.ledger.redis-watch}, it checks a marker in Redis: gone means Redis lost its
 * data, and the one instance that sets it again reconciles every campaign.
 */
@ApplicationScoped
public class Reconciler {

    private static final String LOCK = Resources.sql("ledger/lock-exclusive");
    private static final String UNLOCK = Resources.sql("ledger/unlock-exclusive");
    private static final int PAGE = 1000;
    private static final String SUMS = Resources.sql("ledger/sums-by-region");
    private static final String MINUTES = Resources.sql("ledger/sums-by-minute");
    private static final String SESSIONS = Resources.sql("ledger/sessions-by-shard");
    private static final String PLAYERS = Resources.sql("ledger/players-of-shard");
    
    private final CampaignCatalog catalog;
    private final RepairCounters counters;
    private final LedgerStreams streams;
    private final AgroalDataSource db;
    private final TotalsService totals;
    private final ManagedExecutor executor;
    private final int shards;

    public Reconciler(CampaignCatalog catalog, RepairCounters counters, LedgerStreams streams, AgroalDataSource db,
                      TotalsService totals, ManagedExecutor executor, ClickgiveConfig config) {
        this.catalog = catalog;
        this.counters = counters;
        this.streams = streams;
        this.db = db;
        this.totals = totals;
        this.executor = executor;
        this.shards = config.counters().shards();
    }

    /** On start-up, in the background: a Redis that came back empty is refilled from the ledger. */
    void onStart(@Observes @Priority(30) StartupEvent event) {
        executor.runAsync(this::reconcileIfRedisLost);
    }

    @Scheduled(every = "${clickgive.ledger.redis-watch:30s}", delayed = "${clickgive.ledger.redis-watch:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watchRedis() {
        reconcileIfRedisLost();
    }

    /**
     * Reconciles every campaign if, and only if, Redis has lost its data (the marker is gone), from the one instance
     * that puts the marker back; a start with Redis intact costs one command. Returns whether it reconciled.
     */
    boolean reconcileIfRedisLost() {
        try {
            // Taken for 10 minutes: if this instance dies half-way, another one does it all again (repairs are exact).
            if (!counters.claimLostData()) {
                return false;
            }
            for (CampaignRules campaign : catalog.all().stream().filter(c -> c.status() != CampaignStatus.DRAFT).toList()) {
                try {
                    ReconcileReport report = reconcile(campaign);
                    if (!report.balanced()) {
                        Log.warnf("Reconciled campaign %s after Redis lost its data: %s", campaign.slug(), report);
                    }
                } catch (RuntimeException e) {
                    Log.errorf(e, "Reconcile of campaign %s failed", campaign.slug());
                }
            }
            counters.markRebuilt();
            return true;
        } catch (RuntimeException e) {
            Log.warnf("Could not check whether Redis lost its data: %s", e.getMessage());
            return false;
        }
    }

    public ReconcileReport reconcile(CampaignRules campaign) {
        // Outside any transaction: the reconcile manages its own connection (a session lock, then a snapshot).
        ReconcileReport report = QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection connection = db.getConnection()) {
                return reconcile(campaign, connection);
            }
        });
        totals.forget(campaign.id());
        return report;
    }

    /** Expected and live value of every counter field of one shard. */
    private static final class ShardState {
        final Map<String, Long> liveTotals = new HashMap<>();
        final Map<String, Long> liveMinutes = new HashMap<>();
        final Map<String, Long> expectedTotals = new HashMap<>();
        final Map<String, Long> expectedMinutes = new HashMap<>();
        final List<LedgerEntry> streamed = new ArrayList<>();
        long ledgerSessions;
    }

    private ReconcileReport reconcile(CampaignRules campaign, Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        fence(connection, LOCK, campaign); // waits for the writers' transactions under way; new ones wait (2 s at most)
        java.util.concurrent.atomic.AtomicBoolean fenced = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            ReconcileReport report = reconcileFenced(campaign, connection, () -> {
                if (fenced.getAndSet(false)) {
                    fence(connection, UNLOCK, campaign);
                }
            });
            connection.commit();
            return report;
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            if (fenced.getAndSet(false)) {
                fence(connection, UNLOCK, campaign);
            }
        }
    }

    private static void fence(Connection connection, String sql, CampaignRules campaign) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, campaign.id());
            lock.execute();
        }
    }

    /** What lets the writers go on, once the snapshot is fixed. */
    private interface Release {
        void run() throws SQLException;
    }

    private ReconcileReport reconcileFenced(CampaignRules campaign, Connection connection, Release release)
            throws SQLException {
        long ledgerClicks = 0;
        long ledgerLikes = 0;
        int perClick = campaign.megabytesPerClick();
        List<ShardKeys> shardKeys = ShardKeys.of(campaign.id(), shards);
        List<ShardState> states = new ArrayList<>();
        for (int shard = 0; shard < shardKeys.size(); shard++) {
            states.add(new ShardState());
        }
        // The first statement fixes the snapshot, while no writer can commit: the running sums, then Redis.
        try (PreparedStatement sums = connection.prepareStatement(SUMS)) {
            sums.setLong(1, campaign.id());
            try (ResultSet rows = sums.executeQuery()) {
                while (rows.next()) {
                    ShardState state = states.get(rows.getInt("shard"));
                    boolean click = rows.getString("engagement").equals("CLICK");
                    long units = rows.getLong("units");
                    state.expectedTotals.merge((click ? TotalsField.CLICKS : TotalsField.LIKES).of(rows.getString("region")),
                            units, Long::sum);
                    if (click) {
                        // What matching hours added beyond the clicks' plain worth: m:<region> in Redis.
                        state.expectedTotals.merge(TotalsField.MATCHED.of(rows.getString("region")),
                                rows.getLong("megabytes") - units * perClick, Long::sum);
                        ledgerClicks += units;
                    } else {
                        ledgerLikes += units;
                    }
                }
            }
        }
        for (int shard = 0; shard < shardKeys.size(); shard++) {
            read(shardKeys.get(shard), states.get(shard));
        }
        release.run(); // the snapshot and Redis agree: writers go on, the rest is read inside the snapshot
        try (PreparedStatement minutes = connection.prepareStatement(MINUTES)) {
            minutes.setLong(1, campaign.id());
            try (ResultSet rows = minutes.executeQuery()) {
                while (rows.next()) {
                    states.get(rows.getInt("shard")).expectedMinutes
                            .merge(Long.toString(rows.getLong("minute")), rows.getLong("units"), Long::sum);
                }
            }
        }
        try (PreparedStatement sessions = connection.prepareStatement(SESSIONS)) {
            sessions.setLong(1, campaign.id());
            try (ResultSet rows = sessions.executeQuery()) {
                while (rows.next()) {
                    states.get(rows.getInt("shard")).ledgerSessions = rows.getLong("sessions");
                }
            }
        }
        long inFlight = 0;
        for (ShardState state : states) {
            Set<String> recorded = LedgerTable.recorded(connection, state.streamed);
            for (LedgerEntry entry : state.streamed) {
                if (!recorded.contains(entry.sessionId() + "#" + entry.seq())) {
                    inFlight += entry.clicks();
                    state.expectedTotals.merge(TotalsField.CLICKS.of(entry.region()), (long) entry.clicks(), Long::sum);
                    state.expectedTotals.merge(TotalsField.MATCHED.of(entry.region()), entry.megabytes(perClick)
                            - (long) entry.clicks() * perClick, Long::sum);
                    state.expectedMinutes.merge(Long.toString(entry.minute()), (long) entry.clicks(), Long::sum);
                }
            }
        }
        // Clicks held (a session judged scripted after some counted) left the live total at once, and leave the ledger's
        // when the holds are voided there: until then they are in the ledger's count and not in the live one.
        for (ShardState state : states) {
            state.liveTotals.forEach((field, held) -> TotalsField.parse(field).ifPresent(named -> {
                if (named.kind() == TotalsField.HELD) {
                    state.expectedTotals.merge(TotalsField.CLICKS.of(named.code()), -held, Long::sum);
                } else if (named.kind() == TotalsField.MATCHED_HELD) {
                    state.expectedTotals.merge(TotalsField.MATCHED.of(named.code()), -held, Long::sum);
                }
            }));
        }
        long liveClicks = 0;
        long liveLikes = 0;
        int repaired = 0;
        long sessionsRestored = 0;
        for (int shard = 0; shard < states.size(); shard++) {
            ShardState state = states.get(shard);
            ShardKeys keys = shardKeys.get(shard);
            for (Map.Entry<String, Long> field : state.liveTotals.entrySet()) {
                TotalsField kind = TotalsField.parse(field.getKey()).map(TotalsField.Named::kind).orElse(null);
                if (kind == TotalsField.CLICKS) {
                    liveClicks += field.getValue();
                } else if (kind == TotalsField.LIKES) {
                    liveLikes += field.getValue();
                }
            }
            repaired += repair(state.liveTotals, state.expectedTotals, (field, drift) -> counters.moveTotal(keys, field, drift));
            repaired += repair(state.liveMinutes, state.expectedMinutes, (minute, drift) -> counters.moveMinute(keys, minute, drift));
            sessionsRestored += restoreSessions(connection, campaign, keys, state);
        }
        return new ReconcileReport(campaign.slug(), liveClicks, ledgerClicks, inFlight, liveLikes, ledgerLikes,
                repaired, sessionsRestored, repaired == 0 && sessionsRestored == 0);
    }

    /** A shard's counters and, in pages, the ledger entries up to the newest at that instant. */
    private void read(ShardKeys keys, ShardState state) {
        RepairCounters.Snapshot snapshot = counters.snapshot(keys);
        state.liveTotals.putAll(snapshot.totals());
        state.liveMinutes.putAll(snapshot.minutes());
        String newest = snapshot.newestEntry();
        String from = "-";
        while (!newest.isEmpty()) {
            List<LedgerStreams.Read> page = streams.range(keys, from, newest, PAGE);
            for (LedgerStreams.Read message : page) {
                // One the batch script did not write is in no counter either; the writer sets it aside.
                if (message.entry() != null) {
                    state.streamed.add(message.entry());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            from = "(" + page.get(page.size() - 1).id();
        }
    }

    /**
     * Moves each counter the ledger accounts for (clicks r:, likes l:, matched megabytes m:, minutes) by its drift; increments made meanwhile
     * by players commute with these, so none is lost. Refusal counts (x:, y:) and holds (h:) are Redis's own.
     */
    private static int repair(Map<String, Long> live, Map<String, Long> expected, java.util.function.ObjLongConsumer<String> move) {
        Set<String> fields = new HashSet<>(expected.keySet());
        live.keySet().stream().filter(Reconciler::fromLedger).forEach(fields::add);
        int repaired = 0;
        for (String field : fields) {
            long drift = expected.getOrDefault(field, 0L) - live.getOrDefault(field, 0L);
            if (drift != 0) {
                move.accept(field, drift);
                repaired++;
            }
        }
        return repaired;
    }

    private static boolean fromLedger(String field) {
        TotalsField kind = TotalsField.parse(field).map(TotalsField.Named::kind).orElse(null);
        return kind == TotalsField.CLICKS || kind == TotalsField.LIKES || kind == TotalsField.MATCHED
                || Character.isDigit(field.charAt(0));
    }

    /**
     * Every session with a donation was counted when granted, so fewer counted sessions than the ledger knows means
     * Redis lost them: restore the count and the players from the ledger (sessions without a click are gone for good).
     */
    private long restoreSessions(Connection connection, CampaignRules campaign, ShardKeys keys, ShardState state)
            throws SQLException {
        long missing = state.ledgerSessions - state.liveTotals.getOrDefault(TotalsField.SESSIONS.spelling(), 0L);
        if (missing <= 0) {
            return 0;
        }
        counters.moveTotal(keys, TotalsField.SESSIONS.spelling(), missing);
        try (PreparedStatement query = connection.prepareStatement(PLAYERS)) {
            query.setLong(1, campaign.id());
            query.setInt(2, keys.shard());
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                List<String> chunk = new ArrayList<>();
                while (rows.next()) {
                    chunk.add(rows.getString(1));
                    if (chunk.size() == 1000) {
                        counters.addPlayers(keys, chunk);
                        chunk.clear();
                    }
                }
                if (!chunk.isEmpty()) {
                    counters.addPlayers(keys, chunk);
                }
            }
        }
        return missing;
    }
}
