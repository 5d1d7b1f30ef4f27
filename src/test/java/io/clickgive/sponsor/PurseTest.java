package io.clickgive.sponsor;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PurseTest {

    @Inject
    AgroalDataSource db;

    private static ValidatableResponse sponsor(String slug, Map<String, Object> draft) {
        return given().contentType(ContentType.JSON).body(draft).put("/api/manage/campaigns/{slug}/sponsor", slug).then();
    }

    private static Map<String, Object> draft(String name, Long purse) {
        Map<String, Object> draft = new HashMap<>(Map.of("name", name, "logo", "https://example.org/logo.png",
                "link", "https://example.org"));
        if (purse != null) {
            draft.put("purseMegabytes", purse);
        }
        return draft;
    }

    @Test
    void aSponsorIsCheckedAndAPurseNeverBelowWhatWasGiven() {
        String slug = Fixtures.liveCampaign("purse-rules");
        sponsor(slug, Map.of("name", " ", "logo", "http://insecure.example", "purseMegabytes", -5)).statusCode(400)
                .body("violations", hasItem(containsString("name")))
                .body("violations", hasItem(containsString("https://")))
                .body("violations", hasItem(containsString("positive")));
        Fixtures.Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(100, 10, 200)).then().statusCode(200);
        sponsor(slug, draft("Atlas Telecom", 50L)).statusCode(409)
                .body("detail", containsString("50 MB is less than the 100 MB"));
        sponsor(slug, draft("Atlas Telecom", 300L)).statusCode(200).body("purseMegabytes", equalTo(300))
                .body("spentMegabytes", equalTo(100)).body("leftMegabytes", equalTo(200));
        sponsor(slug, draft("Atlas Telecom", null)).statusCode(400).body("violations", hasItem(containsString("stays")));
        given().get("/api/campaigns/{slug}/sponsor", slug).then().body("sponsor", equalTo("Atlas Telecom"))
                .body("link", equalTo("https://example.org"));
    }

    /**
     * Many players on every shard at once, asking for seven times what a purse of 200 clicks holds: the live counters
     * never pass it, the ledger ends with exactly the purse, late clicks are refused with the purse's word, and new
     * rounds are refused once it is spent.
     */
    @Test
    void aPurseIsNeverOverspentAndEndsExactlySpent() throws Exception {
        String slug = Fixtures.liveCampaign("purse-race");
        long purse = 2_000;
        sponsor(slug, draft("Maroc Data", purse)).statusCode(200);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong highest = new AtomicLong();
        Thread monitor = new Thread(() -> {
            while (running.get()) {
                highest.accumulateAndGet(Fixtures.totals(slug).jsonPath().getLong("megabytes"), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        monitor.start();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < 30; p++) {
                done.add(pool.submit(() -> {
                    // The first players spend the purse within a second or so: a later start is refused (409), as it
                    // should be once the keeper has read it spent.
                    Fixtures.Session session = Fixtures.startSessionOrNull(slug);
                    if (session == null) {
                        refusals.merge("SESSION_REFUSED", 1, Integer::sum);
                        return;
                    }
                    for (int seq = 1; seq <= 3; seq++) {
                        Map<String, Integer> words = Fixtures.sendBatch(session, seq,
                                Fixtures.offsets(seq * 2500, 15, 100)).then().statusCode(200).extract().path("rejections");
                        words.forEach((word, clicks) -> refusals.merge(word, clicks, Integer::sum));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            running.set(false);
            monitor.join();
        }
        assertTrue(highest.get() <= purse, "the live total reached " + highest.get() + " MB of a " + purse + " MB purse");
        assertTrue(refusals.getOrDefault("PURSE", 0) > 0, "late clicks refused with the purse's word: " + refusals);
        // Quotas idle shards still hold go back to the centre within a second or two: a few more rounds spend the rest.
        Ledger ledger = new Ledger(db);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Fixtures.Session late = Fixtures.startSessionOrNull(slug);
            if (late != null) {
                Fixtures.sendBatch(late, 1, Fixtures.offsets(100, 10, 200)).then().statusCode(200);
            }
            return ledger.single("SELECT coalesce(sum(d.megabytes), 0) FROM donation d JOIN campaign c "
                    + "ON c.id = d.campaign_id WHERE c.slug = ?", slug) == purse && late == null;
        });
        assertEquals(purse, ledger.single("SELECT sum(d.megabytes) FROM donation d JOIN campaign c ON c.id = d.campaign_id"
                + " WHERE c.slug = ?", slug), "the ledger holds the purse, exactly");
        Fixtures.totals(slug).then().body("megabytes", equalTo((int) purse));
        given().get("/api/campaigns/{slug}/sponsor", slug).then().body("spent", equalTo(true))
                .body("leftMegabytes", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of()).header("X-Forwarded-For", Fixtures.randomAddress())
                .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(409).body("reason", equalTo("PURSE"));
    }

    @Test
    void clicksInAMatchingHourCostThePurseTheirWorth() throws InterruptedException {
        String slug = Fixtures.liveCampaign("purse-matching");
        long campaign = new Ledger(db).single("SELECT id FROM campaign WHERE slug = ?", slug);
        new Ledger(db).single("INSERT INTO matching_window (campaign_id, starts_at, ends_at, rate_tenths, created_by, "
                + "created_at) VALUES (?, now() - interval '1 minute', now() + interval '10 minutes', 20, 'test', "
                + "now() - interval '1 hour') RETURNING id", campaign);
        sponsor(slug, draft("Maroc Data", 300L)).statusCode(200);
        Fixtures.Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(100, 20, 200)).then().statusCode(200)
                .body("accepted", equalTo(15)).body("rejections.PURSE", equalTo(5)).body("sessionMegabytes", equalTo(300));
        new Ledger(db).awaitClicks(slug, 15, Duration.ofSeconds(10));
        assertEquals(300, new Ledger(db).single("SELECT sum(d.megabytes) FROM donation d WHERE d.campaign_id = ?", campaign));
    }
}
