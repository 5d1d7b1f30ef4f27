package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.Ledger;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.counters.ShardKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariant 3: live counters = ledger + in flight; the reconcile proves it and repairs the counters. */
@QuarkusTest
class ReconcilerTest {

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
    void countersThatAgreeWithLedgerAndStreamsAreBalanced() throws InterruptedException {
        String slug = Fixtures.liveCampaign("balanced");
        int recorded = play(slug, 4, "MA-01");
        new Ledger(db).awaitClicks(slug, recorded, Duration.ofSeconds(10));
        writer.pause();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(writer::stopped);
        int inFlight = play(slug, 3, "MA-02");

        reconcile(slug).statusCode(200)
                .body("balanced", equalTo(true))
                .body("liveClicks", equalTo(recorded + inFlight))
                .body("ledgerClicks", equalTo(recorded))
                .body("inFlightClicks", equalTo(inFlight))
                .body("fieldsRepaired", equalTo(0));
    }

    @Test
    void driftedCounterIsRepaired() throws InterruptedException {
        String slug = Fixtures.liveCampaign("drift");
        int told = play(slug, 3, "MA-03");
        new Ledger(db).awaitClicks(slug, told, Duration.ofSeconds(10));
        long campaignId = catalog.bySlug(slug).id();
        redis.hash(Long.class).hincrby(new ShardKeys(campaignId, 5).totals(), "r:MA-03", 1000);

        reconcile(slug).statusCode(200).body("balanced", equalTo(false)).body("liveClicks", equalTo(told + 1000))
                .body("fieldsRepaired", equalTo(1));
        Fixtures.totals(slug).then().body("clicks", equalTo(told));
        reconcile(slug).body("balanced", equalTo(true));
    }

    @Test
    void flushedRedisIsRebuiltFromTheLedger() throws InterruptedException {
        String slug = Fixtures.liveCampaign("flushed");
        int told = play(slug, 5, "MA-04") + play(slug, 2, null);
        given().contentType("application/json").body(Map.of("likes", java.util.List.of(
                        Map.of("externalId", "like-1", "region", "MA-04"), Map.of("externalId", "like-2"))))
                .post("/api/manage/campaigns/{slug}/likes", slug).then().statusCode(200);
        new Ledger(db).awaitClicks(slug, told, Duration.ofSeconds(10));
        Map<String, Object> before = Fixtures.totals(slug).then().extract().path("$");

        redis.execute("FLUSHDB"); // what a Redis restart without persistence leaves
        Fixtures.totals(slug).then().body("clicks", equalTo(0));

        reconcile(slug).statusCode(200).body("balanced", equalTo(false)).body("liveClicks", equalTo(0))
                .body("ledgerClicks", equalTo(told)).body("sessionsRestored", equalTo(7));
        Map<String, Object> after = Fixtures.totals(slug).then().extract().path("$");
        for (String field : new String[]{"clicks", "likes", "megabytes", "gigabytes", "sessions", "participants", "regions"}) {
            assertEquals(before.get(field), after.get(field), field);
        }
        // The counting script was flushed with the data: the next batch must load it again and count.
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 4, 100)).then().statusCode(200).body("accepted", equalTo(4));
        assertEquals(told + 4, new Ledger(db).awaitClicks(slug, told + 4, Duration.ofSeconds(10)));
        reconcile(slug).body("balanced", equalTo(true));
    }

    @Inject
    Reconciler reconciler;

    @Inject
    LedgerBacklog backlog;

    /** A start with Redis intact reconciles nothing; after a loss, the one instance that puts the marker back does. */
    @Test
    void onlyARedisThatLostItsDataIsReconciledAndByOneInstance() throws InterruptedException {
        String slug = Fixtures.liveCampaign("marker");
        int told = play(slug, 3, "MA-05");
        new Ledger(db).awaitClicks(slug, told, Duration.ofSeconds(10));
        reconciler.reconcileIfRedisLost(); // whatever an earlier test left (one flushes Redis), the marker is set now
        assertEquals("done", redis.value(String.class).get("cg:reconciled"));
        assertFalse(reconciler.reconcileIfRedisLost(), "Redis kept its data: nothing to do");

        redis.execute("FLUSHDB"); // Redis lost its data, the marker with it
        Fixtures.totals(slug).then().body("clicks", equalTo(0));
        assertTrue(reconciler.reconcileIfRedisLost());
        Fixtures.totals(slug).then().body("clicks", equalTo(told));
        assertFalse(reconciler.reconcileIfRedisLost(), "the next check, or another instance: done already");
        reconcile(slug).body("balanced", equalTo(true));
    }

    /** A writer waits 2 s at most for a reconcile's fence, then tries again later; no entry is blamed for it. */
    @Test
    void writersGiveUpWaitingForTheFenceAndRecordEverythingOnceItIsGone() throws Exception {
        String slug = Fixtures.liveCampaign("fence");
        long id = catalog.bySlug(slug).id();
        int told;
        try (java.sql.Connection fence = db.getConnection()) {
            try (java.sql.PreparedStatement lock = fence.prepareStatement("SELECT pg_advisory_lock(1, ?::int)")) {
                lock.setLong(1, id);
                lock.execute();
            }
            try {
                told = play(slug, 2, "MA-06");
                // Seven seconds, three of the writer's 2 s waits: no wait on the lock lasts longer than one of them.
                double longestWait = 0;
                for (int i = 0; i < 28; i++) {
                    Thread.sleep(250);
                    longestWait = Math.max(longestWait, waitingOnTheLedgerLock());
                }
                assertTrue(longestWait > 0.5 && longestWait < 2.6, "a writer waited " + longestWait + " s at most");
                assertEquals(0, new Ledger(db).clicks(slug), "nothing commits while the fence stands");
            } finally {
                try (java.sql.PreparedStatement unlock = fence.prepareStatement("SELECT pg_advisory_unlock(1, ?::int)")) {
                    unlock.setLong(1, id);
                    unlock.execute();
                }
            }
        }
        assertEquals(told, new Ledger(db).awaitClicks(slug, told, Duration.ofSeconds(10)));
        assertEquals(0, backlog.of(id).deadLetters(), "no entry set aside for waiting");
    }

    /** Seconds the longest-waiting writer has been waiting for a ledger lock (0 when none waits). */
    private double waitingOnTheLedgerLock() {
        try (java.sql.Connection connection = db.getConnection();
             java.sql.Statement query = connection.createStatement();
             java.sql.ResultSet rows = query.executeQuery("SELECT coalesce(extract(epoch FROM max(now() - query_start)), 0) "
                     + "FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%advisory_xact_lock_shared%'")) {
            rows.next();
            return rows.getDouble(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownCampaignCannotBeReconciled() {
        reconcile("no-such-campaign").statusCode(404);
    }

    private static int play(String slug, int sessions, String region) {
        int told = 0;
        for (int i = 0; i < sessions; i++) {
            Map<String, Object> request = region == null ? Map.of() : Map.of("region", region);
            Session session = Fixtures.startSession(slug, request);
            told += Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 10 + i, 100)).then().extract().<Integer>path("accepted");
        }
        return told;
    }

    private static io.restassured.response.ValidatableResponse reconcile(String slug) {
        return given().post("/api/manage/campaigns/{slug}/reconcile", slug).then();
    }
}
