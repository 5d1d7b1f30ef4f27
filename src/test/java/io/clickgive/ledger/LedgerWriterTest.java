package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.Ledger;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.counters.LedgerEntry;
import io.clickgive.counters.LedgerStreams;
import io.clickgive.counters.ShardKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariant 2: every batch acknowledged to a player is in the ledger exactly once, even across crashes. */
@QuarkusTest
class LedgerWriterTest {

    @Inject
    LedgerWriter writer;

    @Inject
    io.clickgive.TestClock clock;

    @Inject
    CampaignCatalog catalog;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void resume() {
        writer.resume();
    }

    @Test
    void acknowledgedBatchesReachTheLedger() throws InterruptedException {
        String slug = Fixtures.liveCampaign("ledger");
        Session session = Fixtures.startSession(slug);
        int told = 0;
        for (int seq = 1; seq <= 3; seq++) {
            told += Fixtures.sendBatch(session, seq, Fixtures.offsets(seq * 2000, 12, 90)).then().extract().<Integer>path("accepted");
        }
        Ledger ledger = new Ledger(db);
        assertEquals(told, ledger.awaitClicks(slug, told, Duration.ofSeconds(10)));
        assertEquals(3, ledger.rows(slug));
        assertEquals(told * 10L, ledger.single("SELECT megabytes FROM ledger_total t JOIN campaign c ON c.id = t.campaign_id WHERE c.slug = ?", slug));
    }

    /**
     * A consumer dies twice: once after reading entries (before PostgreSQL), once after committing them (before the
     * acknowledgement). Once their entries are claimed, each batch is in the ledger exactly once.
     */
    @Test
    void batchesOfADeadConsumerAreRecordedExactlyOnce() throws InterruptedException {
        String slug = Fixtures.liveCampaign("crash");
        CampaignRules campaign = catalog.bySlug(slug);
        pauseWriter();

        int told = playTwelveSessions(slug, 7);

        int diedBeforeCommit = 0;
        int diedAfterCommit = 0;
        for (ShardKeys keys : ShardKeys.of(campaign.id(), 8)) {
            List<LedgerStreams.Read> read = writer.read(keys, "dead-consumer");
            if (read.isEmpty()) {
                continue;
            }
            // Half of what the dead consumer read it had committed before dying; the other half it had not.
            List<LedgerStreams.Read> committed = read.subList(0, read.size() / 2);
            List<LedgerEntry> entries = committed.stream().map(LedgerStreams.Read::entry).toList();
            if (!entries.isEmpty()) {
                writer.insert(campaign, keys.shard(), entries);
            }
            diedAfterCommit += committed.size();
            diedBeforeCommit += read.size() - committed.size();
        }
        assertTrue(diedBeforeCommit > 0 && diedAfterCommit > 0, "the crash must leave both kinds of pending entries");
        Ledger ledger = new Ledger(db);
        assertTrue(ledger.clicks(slug) < told, "nothing else wrote meanwhile");

        writer.resume();
        assertEquals(told, ledger.awaitClicks(slug, told, Duration.ofSeconds(15)));
        assertEquals(24, ledger.rows(slug));
        assertEquals(0, ledger.duplicates(slug));
        assertEquals(0, ledger.sumsAdrift(slug), "running sums = counted rows");
        // The writer acknowledges and deletes entries just after their commit: the rows can be seen a moment before.
        for (ShardKeys keys : ShardKeys.of(campaign.id(), 8)) {
            org.awaitility.Awaitility.await("recorded entries are trimmed from " + keys.ledger())
                    .atMost(Duration.ofSeconds(5)).until(() -> redis.stream(String.class).xlen(keys.ledger()) == 0);
        }
    }

    @Inject
    LedgerBacklog backlog;

    /** Stops the writer, letting a pass already under way finish. */
    private void pauseWriter() {
        writer.pause();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(writer::stopped);
    }

    /** Twelve sessions of two batches each (the first of {@code clicks}, one more each session): the clicks accepted. */
    private static int playTwelveSessions(String slug, int clicks) {
        int told = 0;
        for (int i = 0; i < 12; i++) {
            Session session = Fixtures.startSession(slug);
            for (int seq = 1; seq <= 2; seq++) {
                told += Fixtures.sendBatch(session, seq, Fixtures.offsets(seq * 3000, clicks + i, 80)).then()
                        .statusCode(200).extract().<Integer>path("accepted");
            }
        }
        return told;
    }

    /**
     * In every shard's stream, beside good entries, one this version cannot read (a rolling upgrade's field layout) and
     * one PostgreSQL refuses (a region it does not know): the good ones reach the ledger at once, the bad ones are tried
     * again until their deliveries reach the limit, then wait in the dead-letter streams with why, counted for the
     * dashboard; the ledger streams end empty.
     */
    @Test
    void badEntriesHoldBackNoOtherAndEndAsDeadLetters() throws InterruptedException {
        String slug = Fixtures.liveCampaign("poison");
        CampaignRules campaign = catalog.bySlug(slug);
        pauseWriter();
        // The clock went far ahead and came back (an NTP step, another test's clock): the writer must not wait for
        // that future before claiming entries again.
        try (io.clickgive.TestClock.Moved ahead = clock.advance(Duration.ofDays(400))) {
            writer.drainOnce();
        }
        var streams = redis.stream(String.class);
        List<ShardKeys> shards = ShardKeys.of(campaign.id(), 8);
        for (ShardKeys keys : shards) {
            streams.xadd(keys.ledger(), Map.of("layout", "v9", "clicks", "4"));
            streams.xadd(keys.ledger(), Map.of("s", "poison-" + keys.shard(), "q", "1", "n", "3", "r", "ZZ-99",
                    "p", "someone", "t", Long.toString(System.currentTimeMillis()), "w", "-"));
        }
        int told = playTwelveSessions(slug, 5);
        writer.resume();
        Ledger ledger = new Ledger(db);
        assertEquals(told, ledger.awaitClicks(slug, told, Duration.ofSeconds(10)), "the good entries, at once");

        LedgerBacklog.Backlog after = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> backlog.of(campaign.id()),
                        b -> b.deadLetters() >= 16 && b.batches() == 0);
        assertEquals(16, after.deadLetters(), "both bad entries of every shard set aside");
        assertEquals(0, after.batches(), "nothing left waiting in the ledger streams");
        assertTrue(after.oldestDeadLetterMillis() > 0);
        assertEquals(told, ledger.clicks(slug), "the bad entries counted nowhere");
        assertEquals(24, ledger.rows(slug));
        List<String> reasons = new ArrayList<>();
        for (ShardKeys keys : shards) {
            for (StreamMessage<String, String, String> dead : streams.xrange(keys.deadLetters(), StreamRange.of("-", "+"))) {
                reasons.add(dead.payload().get("dead.reason"));
                assertTrue(Integer.parseInt(dead.payload().get("dead.deliveries")) >= 5, dead.payload().toString());
                assertTrue(dead.payload().containsKey("dead.id"), "the entry's id, to trace it");
            }
        }
        assertEquals(8, reasons.stream().filter(r -> r.startsWith("unreadable: field s")).count(), reasons.toString());
        assertEquals(8, reasons.stream().filter(r -> r.startsWith("refused by PostgreSQL")).count(), reasons.toString());
    }
}
