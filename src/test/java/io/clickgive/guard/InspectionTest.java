package io.clickgive.guard;

import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** One test per click reason of the batch script, each with the guard on, and the reasons' counters. */
@QuarkusTest
class InspectionTest {

    @jakarta.inject.Inject
    TestClock clock;

    @Test
    void humanLikeClicksPassUntouched() {
        String slug = guarded(Map.of());
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, humanLike(0, 25, 1)).then().statusCode(200)
                .body("accepted", equalTo(25)).body("reason", nullValue());
        Fixtures.sendBatch(session, 2, humanLike(4_000, 25, 2)).then().statusCode(200).body("accepted", equalTo(25));
    }

    @Test
    void clickCloserThanTheMinimumIntervalIsRejected() {
        String slug = guarded(Map.of("minIntervalMs", 15));
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, List.of(100, 300, 310, 500)).then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(1)).body("reason", equalTo("TOO_FAST"))
                .body("rejections.TOO_FAST", equalTo(1));
        rejections(slug).body("rejectedClicks.TOO_FAST", equalTo(1)).body("acceptedClicks", equalTo(3));
    }

    @Test
    void clicksBeyondTheBurstCapAreRejectedOneByOne() {
        String slug = guarded(Map.of("burstPerSecond", 10, "burstStrikes", 100));
        Session session = Fixtures.startSession(slug);
        // 12 clicks within 800 ms: the 11th and 12th exceed 10 a second.
        Fixtures.sendBatch(session, 1, humanLike(0, 12, 3, 50, 80)).then().statusCode(200)
                .body("accepted", equalTo(10)).body("rejections.TOO_FAST", equalTo(2));
        // A second later the window has moved on: clicks count again, across the batch boundary.
        Fixtures.sendBatch(session, 2, List.of(2_000, 2_150)).then().statusCode(200).body("accepted", equalTo(2));
    }

    @Test
    void sessionThatKeepsExceedingTheBurstCapIsJudgedSuperhuman() {
        String slug = guarded(Map.of("burstPerSecond", 20, "burstStrikes", 3));
        Session session = Fixtures.startSession(slug);
        // 30 clicks a second: far beyond the strongest players; the whole batch goes, and every later one.
        Fixtures.sendBatch(session, 1, humanLike(0, 60, 4, 20, 45)).then().statusCode(200)
                .body("accepted", equalTo(0)).body("rejected", equalTo(60)).body("reason", equalTo("NOT_COUNTED"));
        Fixtures.sendBatch(session, 2, humanLike(5_000, 10, 5)).then().statusCode(200)
                .body("accepted", equalTo(0)).body("reason", equalTo("NOT_COUNTED"));
        rejections(slug).body("rejectedClicks.SUPERHUMAN", equalTo(70)).body("acceptedClicks", equalTo(0));
        Fixtures.totals(slug).then().body("clicks", equalTo(0));
    }

    @Test
    void evenlySpacedClicksAreJudgedRegular() {
        String slug = guarded(Map.of());
        Session session = Fixtures.startSession(slug);
        List<Integer> metronome = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            metronome.add(100 + i * 100 + (i % 2)); // 100 ms ± 1: a script's timer
        }
        Fixtures.sendBatch(session, 1, metronome).then().statusCode(200)
                .body("accepted", equalTo(0)).body("reason", equalTo("NOT_COUNTED"));
        Fixtures.sendBatch(session, 2, humanLike(5_000, 10, 6)).then().statusCode(200).body("reason", equalTo("NOT_COUNTED"));
        rejections(slug).body("rejectedClicks.REGULAR", equalTo(35));
    }

    @Test
    void regularityIsJudgedOverSeveralBatches() {
        String slug = guarded(Map.of());
        Session session = Fixtures.startSession(slug);
        // Small batches of a metronome: each alone too short to judge; together they are.
        int seq = 1;
        int accepted = 0;
        for (int batch = 0; batch < 6; batch++) {
            List<Integer> clicks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clicks.add(100 + (batch * 4 + i) * 125);
            }
            accepted += Fixtures.sendBatch(session, seq++, clicks).then().statusCode(200).extract().<Integer>path("accepted");
        }
        org.junit.jupiter.api.Assertions.assertTrue(accepted <= 12, "judged once 10 intervals were seen: " + accepted);
        rejections(slug).body("rejectedClicks.REGULAR", equalTo(24 - accepted));
    }

    @Test
    void sessionMaySendOnlySoManyBatches() {
        String slug = guarded(Map.of("maxBatches", 2));
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, List.of(100)).then().body("accepted", equalTo(1));
        Fixtures.sendBatch(session, 2, List.of(400)).then().body("accepted", equalTo(1));
        Fixtures.sendBatch(session, 3, List.of(900)).then().body("accepted", equalTo(0))
                .body("reason", equalTo("NOT_COUNTED"));
        // A replay is an answer, not a batch: it gets its first answer again.
        Fixtures.sendBatch(session, 2, List.of(400)).then().body("accepted", equalTo(1));
        rejections(slug).body("rejectedClicks.TOO_MANY_BATCHES", equalTo(1));
    }

    @Test
    void capLateAndOutOfOrderKeepTheirReasonsWithTheGuardOn() {
        Map<String, Object> draft = Fixtures.guardedDraft(Fixtures.uniqueSlug("guard-cap"), Map.of("powDifficulty", 100));
        Map<String, Object> capped = new java.util.HashMap<>(draft);
        capped.put("maxClicksPerSession", 20);
        String slug = Fixtures.liveCampaign(capped);
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, humanLike(0, 25, 7)).then().body("accepted", equalTo(20))
                .body("rejections.LIMIT", equalTo(5));
        Fixtures.sendBatch(session, 2, List.of(10)).then().body("reason", equalTo("NOT_COUNTED"));
        rejections(slug).body("rejectedClicks.CAP", equalTo(5)).body("rejectedClicks.OUT_OF_ORDER", equalTo(1));
    }

    /** An honest page counts offsets from when it got the grant: they trail the server's clock, and always count. */
    @Test
    void clicksReportedBeforeTheirTimeAreRefusedAndJudgeTheSession() {
        for (boolean guard : List.of(true, false)) {
            Map<String, Object> draft = Fixtures.guardedDraft(Fixtures.uniqueSlug("future"),
                    Map.of("enabled", guard, "futureToleranceMs", 250));
            String slug = Fixtures.liveCampaign(draft);
            Session script = Fixtures.startSession(slug);
            // A whole round posted at once, during what would be its first half second.
            Fixtures.sendBatch(script, 1, humanLike(0, 40, 12)).then().statusCode(200)
                    .body("accepted", equalTo(0)).body("rejected", equalTo(40)).body("reason", equalTo("NOT_COUNTED"));
            try (TestClock.Moved later = clock.advance(Duration.ofMillis(600))) {
                Fixtures.sendBatch(script, 2, List.of(300)).then().body("accepted", equalTo(0));
            }
            rejections(slug).body("rejectedClicks.FUTURE", equalTo(41)).body("acceptedClicks", equalTo(0));

            Session person = Fixtures.startSession(slug);
            try (TestClock.Moved later = clock.advance(Duration.ofMillis(600))) {
                Fixtures.sendBatch(person, 1, List.of(100, 320, 560, 800)).then().body("accepted", equalTo(4));
            }
            Fixtures.totals(slug).then().body("clicks", equalTo(4));
        }
    }

    @Test
    void reasonsAreExportedToPrometheus() {
        String slug = guarded(Map.of("minIntervalMs", 50));
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, List.of(100, 120, 400)).then().body("rejections.TOO_FAST", equalTo(1));
        Fixtures.management().get("/q/metrics").then().statusCode(200).body(containsString(
                "clickgive_clicks_total{campaign=\"" + slug + "\",outcome=\"rejected\",reason=\"TOO_FAST\"} 1.0"));
    }

    @Test
    void tokenRefusalsAreCountedForTheirCampaign() {
        String slug = guarded(Map.of());
        long campaignId = ((Number) given().get("/api/manage/campaigns/{slug}", slug).then().extract().path("id")).longValue();
        io.clickgive.crypto.Hmac key = io.clickgive.crypto.Keys.derived("test-only-token-key-0123456789abcdef",
                io.clickgive.crypto.Keys.Purpose.SESSION_TOKEN);
        io.clickgive.session.SessionToken ended = new io.clickgive.session.SessionToken("ended", campaignId, 0, 1_000,
                11_000, 160, "-", "p", "w", 0);
        Fixtures.sendBatch(new Session("ended", ended.sign(key)), 1, List.of(100)).then().statusCode(401);
        Session mine = Fixtures.startSession(slug);
        Fixtures.sendBatch(new Session("not-mine", mine.token()), 1, List.of(100)).then().statusCode(401);
        awaitRefused(slug, "TOKEN_EXPIRED", 1);
        awaitRefused(slug, "TOKEN_INVALID", 1);
    }

    static String guarded(Map<String, Object> guard) {
        Map<String, Object> settings = new java.util.HashMap<>(guard);
        settings.putIfAbsent("powDifficulty", 100);
        return Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("guarded"), settings));
    }

    static io.restassured.response.ValidatableResponse rejections(String slug) {
        Fixtures.forgetTotals(slug); // the totals cache
        return given().get("/api/manage/campaigns/{slug}/rejections", slug).then().statusCode(200);
    }

    /** Refusals decided before Redis reach it at the next flush (every second). */
    static io.restassured.response.ValidatableResponse awaitRefused(String slug, String reason, int expected) {
        return Fixtures.awaitRefused(slug, reason, expected);
    }

    /** Clicks with uneven gaps of 60–180 ms, as a person taps. */
    static List<Integer> humanLike(int from, int count, long seed) {
        return humanLike(from, count, seed, 60, 180);
    }

    static List<Integer> humanLike(int from, int count, long seed, int minGap, int maxGap) {
        Random random = new Random(seed);
        List<Integer> offsets = new ArrayList<>();
        int t = from;
        for (int i = 0; i < count; i++) {
            offsets.add(t);
            t += minGap + random.nextInt(maxGap - minGap + 1);
        }
        return offsets;
    }
}
