package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.LedgerEntry;
import io.clickgive.counters.LedgerStreams;
import io.clickgive.counters.ShardKeys;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves accepted batches from the shards' ledger streams into the PostgreSQL ledger. All instances share one consumer
 * group; an entry is acknowledged (and deleted) only after its transaction committed, so a crash replays it, and the
 * unique (session, seq) makes the replay harmless. Entries a dead consumer left pending are claimed after a while.
 */
@ApplicationScoped
public class LedgerWriter {


    private final CampaignCatalog catalog;
    private final Clock clock;
    /** Entries moved to a dead-letter stream by this instance (the dashboard counts the streams themselves). */
    private final Counter deadLetters;
    private final LedgerStreams streams;
    private final AgroalDataSource db;
    private final ClickgiveConfig.Ledger settings;
    private final int shards;
    private final String consumer;
    private volatile boolean running;
    private volatile boolean paused;
    /** Set while a pass runs: a pause holds the writer still once the pass under way is over. */
    private volatile boolean passing;
    private volatile long nextClaim;
    /**
     * Set when a pass failed (PostgreSQL down, say): the entries it read stay pending under this consumer. Until they
     * are recorded, passes re-read those (XREADGROUP from 0) instead of taking new ones, so an outage leaves one pass's
     * worth pending, not the whole stream, and recovery starts at once instead of waiting for the claim timeout.
     */
    private volatile boolean retryPending;
    private Thread thread;

    public LedgerWriter(CampaignCatalog catalog, LedgerStreams streams, AgroalDataSource db, ClickgiveConfig config,
                        MeterRegistry meters, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        this.deadLetters = meters.counter("clickgive.ledger.dead.letters");
        this.streams = streams;
        this.db = db;
        this.settings = config.ledger();
        this.shards = config.counters().shards();
        this.consumer = settings.consumer().filter(c -> !c.isBlank()).orElseGet(LedgerWriter::defaultConsumer);
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    /** Holds the writer still (tests of crashes and of the reconcile); entries wait in their streams meanwhile. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** Paused, and no pass under way: nothing reads or commits until {@link #resume()}. */
    public boolean stopped() {
        return paused && !passing;
    }

    private void loop() {
        while (running) {
            boolean more = false;
            try {
                passing = true;
                if (!paused) {
                    more = drainOnce() == Pass.FULL;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return; // interrupted by shutdown: the pending entries are replayed by the next writer
                }
                // Only when the database was out of reach: an entry the database refuses would fail every retry and
                // hold the others back, so it is left to the slower claim path instead.
                retryPending |= unreachable(e);
                Log.warnf("Ledger writer pass failed, will retry: %s", e.getMessage());
            } finally {
                passing = false;
            }
            if (!more) {
                // Waiting a little lets entries gather, so one commit carries many: under load the ledger costs
                // PostgreSQL a commit per pass, not per batch of clicks.
                try {
                    Thread.sleep(settings.poll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // A writer gave up waiting for the ledger lock (a reconcile held it): the entries are not at fault.
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /**
     * Whether a failure says the database could not be reached (connection, shutdown, resources, the ledger lock), not
     * what was sent: the entries then wait for the next pass, none is blamed.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().startsWith("53") || sql.getSQLState().equals(LOCK_NOT_AVAILABLE))) {
                return true;
            }
        }
        return false;
    }

    /** How a pass went: nothing to do, some entries moved, or a stream had more than one read could take. */
    public enum Pass { IDLE, MOVED, FULL }

    /** Entries read from one shard's stream, waiting for their commit, with the fields each came with. */
    private record Read(CampaignRules campaign, ShardKeys keys, List<LedgerEntry> entries,
                        Map<String, Map<String, String>> fields) {
    }

    /**
     * One pass over every stream: claims abandoned entries when due, reads new ones, records all of them in one
     * transaction, then acknowledges and deletes them.
     */
    public Pass drainOnce() {
        boolean retrying = retryPending;
        long now = clock.millis();
        long interval = settings.claimIdle().toMillis() / 2;
        // A claim further ahead than one interval means the clock stepped back (NTP, or a test's clock put back after
        // moving it on): claim now rather than wait for the old future, or abandoned entries would wait that long.
        boolean claim = now >= nextClaim || nextClaim - now > interval;
        if (claim) {
            nextClaim = now + interval;
        }
        List<Read> reads = new ArrayList<>();
        boolean full = false;
        for (CampaignRules campaign : catalog.all()) {
            // A draft has no clicks; a closed campaign only receives late batches, so its streams are visited less often.
            if (campaign.status() == CampaignStatus.DRAFT || (campaign.status() == CampaignStatus.CLOSED && !claim)) {
                continue;
            }
            for (ShardKeys keys : ShardKeys.of(campaign.id(), shards)) {
                List<LedgerStreams.Read> messages = streams.take(keys, consumer,
                        claim ? Optional.of(settings.claimIdle()) : Optional.empty(), retrying, settings.batchSize());
                full |= messages.size() >= settings.batchSize();
                if (!messages.isEmpty()) {
                    reads.add(parse(campaign, keys, messages));
                }
            }
        }
        if (!reads.isEmpty()) {
            record(reads);
        }
        if (retrying && !full) {
            retryPending = false; // every pending entry is recorded: new entries at once
            return Pass.FULL;
        }
        return reads.isEmpty() ? Pass.IDLE : full ? Pass.FULL : Pass.MOVED;
    }

    /** The entries of one read, each checked on its own: an unreadable one is set aside, never the others with it. */
    private Read parse(CampaignRules campaign, ShardKeys keys, List<LedgerStreams.Read> messages) {
        List<LedgerEntry> entries = new ArrayList<>(messages.size());
        Map<String, Map<String, String>> fields = new HashMap<>();
        for (LedgerStreams.Read message : messages) {
            if (message.entry() == null) {
                setAside(keys, message.id(), message.fields(), "unreadable: " + message.unreadable());
            } else {
                entries.add(message.entry());
                fields.put(message.id(), message.fields());
            }
        }
        return new Read(campaign, keys, entries, fields);
    }

    /**
     * Records the entries read in one transaction, then acknowledges and deletes them. When PostgreSQL refuses that
     * transaction (not when it is out of reach), each entry is recorded on its own, so one it refuses for good holds
     * back none of the others.
     */
    private void record(List<Read> reads) {
        try {
            recordTogether(reads);
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                throw e;
            }
            Log.warnf("PostgreSQL refused a ledger pass (%s): recording its entries one by one", e.getMessage());
            recordApart(reads);
            return;
        }
        for (Read read : reads) {
            acknowledge(read.keys(), read.entries());
        }
    }

    private void recordApart(List<Read> reads) {
        for (Read read : reads) {
            List<LedgerEntry> recorded = new ArrayList<>();
            try {
                for (LedgerEntry entry : read.entries()) {
                    try {
                        insert(read.campaign(), read.keys().shard(), List.of(entry));
                        recorded.add(entry);
                    } catch (RuntimeException e) {
                        if (unreachable(e)) {
                            throw e;
                        }
                        setAside(read.keys(), entry.streamId(), read.fields().get(entry.streamId()),
                                "refused by PostgreSQL: " + rootMessage(e));
                    }
                }
            } finally {
                if (!recorded.isEmpty()) {
                    acknowledge(read.keys(), recorded);
                }
            }
        }
    }

    /**
     * An entry that cannot be recorded now. It stays pending, to be claimed again after {@code claimIdle} (another
     * instance, or a newer version during a rolling upgrade, may read it), until it has been delivered
     * {@code maxDeliveries} times: then it moves to the shard's dead-letter stream with why, and leaves the ledger
     * stream (and its backlog) for good. The dashboard and a metric show the dead letters.
     */
    private void setAside(ShardKeys keys, String id, Map<String, String> fields, String reason) {
        int deliveries = streams.deliveries(keys, id);
        if (deliveries < settings.maxDeliveries()) {
            Log.warnf("Ledger entry %s of %s not recorded (delivery %d of %d): %s", id, keys.ledger(), deliveries,
                    settings.maxDeliveries(), reason);
            return;
        }
        if (streams.deadLetter(keys, id, fields, reason, deliveries)) {
            deadLetters.increment();
            Log.errorf("Ledger entry %s of %s moved to %s after %d deliveries: %s", id, keys.ledger(),
                    keys.deadLetters(), deliveries, reason);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private void recordTogether(List<Read> reads) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = db.getConnection()) {
                Set<Long> locked = new java.util.HashSet<>();
                for (Read read : reads) {
                    if (locked.add(read.campaign().id())) {
                        LedgerTable.lock(connection, read.campaign());
                    }
                    LedgerTable.write(connection, read.campaign(), read.keys().shard(), read.entries());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Ledger insert failed: " + e.getMessage(), e);
            }
        });
    }

    /** Reads new entries for a consumer (the crash tests' dead one); they stay pending under that name. */
    List<LedgerStreams.Read> read(ShardKeys keys, String as) {
        return streams.take(keys, as, Optional.empty(), false, settings.batchSize());
    }

    private void acknowledge(ShardKeys keys, List<LedgerEntry> entries) {
        streams.acknowledge(keys, entries.stream().map(LedgerEntry::streamId).toList());
    }

    /** Writes entries of one shard in their own transaction (the crash tests' dead consumer commits this way). */
    void insert(CampaignRules campaign, int shard, List<LedgerEntry> entries) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = db.getConnection()) {
                LedgerTable.lock(connection, campaign);
                LedgerTable.write(connection, campaign, shard, entries);
            } catch (SQLException e) {
                throw new IllegalStateException("Ledger insert failed: " + e.getMessage(), e);
            }
        });
    }

    private static String defaultConsumer() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "app";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
