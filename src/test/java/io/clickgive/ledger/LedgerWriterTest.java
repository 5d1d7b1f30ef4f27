package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.Ledger;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.ShardKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariant 2: every batch acknowledged to a player is in the ledger exactly once, even across crashes. */
@QuarkusTest
class LedgerWriterTest {

    @Inject
    LedgerWriter writer;

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
        writer.pause();
        Thread.sleep(500); // a pass already under way finishes

        List<Session> sessions = new ArrayList<>();
        int told = 0;
        for (int i = 0; i < 12; i++) {
            Session session = Fixtures.startSession(slug);
            sessions.add(session);
            for (int seq = 1; seq <= 2; seq++) {
                told += Fixtures.sendBatch(session, seq, Fixtures.offsets(seq * 3000, 7 + i, 80)).then().statusCode(200)
                        .extract().<Integer>path("accepted");
            }
        }

        int diedBeforeCommit = 0;
        int diedAfterCommit = 0;
        for (ShardKeys keys : ShardKeys.of(campaign.id(), 8)) {
            List<StreamMessage<String, String, String>> read = writer.read(keys.ledger(), "dead-consumer");
            if (read.isEmpty()) {
                continue;
            }
            // Half of what the dead consumer read it had committed before dying; the other half it had not.
            List<StreamMessage<String, String, String>> committed = read.subList(0, read.size() / 2);
            List<LedgerEntry> entries = committed.stream().map(m -> LedgerEntry.of(m.id(), m.payload())).toList();
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
        for (ShardKeys keys : ShardKeys.of(campaign.id(), 8)) {
            assertEquals(0, redis.stream(String.class).xlen(keys.ledger()), "recorded entries are trimmed from " + keys.ledger());
        }
        assertFalse(sessions.isEmpty());
    }
}
