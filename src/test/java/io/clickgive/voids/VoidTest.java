package io.clickgive.voids;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.Ledger;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Holds and voids take clicks out of the totals, the report and the pool exactly; the ledger rows stay. */
@QuarkusTest
class VoidTest {

    @Inject
    AgroalDataSource db;

    /** A slow script's first batch is no longer a gift: judged later, the session loses what it had counted. */
    @Test
    void aSessionJudgedScriptedLosesTheClicksItHadBefore() throws Exception {
        String slug = Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("held"), Map.of("powDifficulty", 10)));
        Session person = Fixtures.startSession(slug);
        Fixtures.sendBatch(person, 1, human(0, 15)).then().body("accepted", equalTo(15));
        Session script = Fixtures.startSession(slug);
        Fixtures.sendBatch(script, 1, human(0, 20)).then().body("accepted", equalTo(20)).body("sessionClicks", equalTo(20));
        List<Integer> superhuman = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            superhuman.add(4_000 + i * 20 + (i % 3) * 3); // 50 taps a second for more than a second
        }
        Fixtures.sendBatch(script, 2, superhuman).then().body("accepted", equalTo(0))
                .body("reason", equalTo("NOT_COUNTED")).body("sessionClicks", equalTo(0));
        Fixtures.totals(slug).then().body("clicks", equalTo(15));
        awaitVoids(slug, 1).body("[0].target", equalTo("SESSION")).body("[0].kind", equalTo("VOID"))
                .body("[0].clicks", equalTo(20)).body("[0].actor", equalTo("guard"))
                .body("[0].reason", containsString("SUPERHUMAN"));
        Ledger ledger = new Ledger(db);
        assertEquals(35L, ledger.single("SELECT sum(units) FROM donation d JOIN campaign c ON c.id = d.campaign_id "
                + "WHERE c.slug = ?", slug), "the ledger's rows stay");
        given().get("/api/campaigns/{slug}/report", slug).then().statusCode(200).body("confirmedClicks", equalTo(15));
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("donatedMegabytes", equalTo(150));
        given().post("/api/manage/campaigns/{slug}/reconcile", slug).then().body("balanced", equalTo(true));
        assertEquals(0L, new Ledger(db).sumsAdrift(slug), "running sums = counted rows");
        given().get("/api/manage/campaigns/{slug}/rejections", slug).then().body("rejectedClicks.HELD", equalTo(20));
    }

    @Test
    void aManagerVoidsAnIdentityAndANetworkOverATimeRange() throws InterruptedException {
        String slug = Fixtures.liveCampaign("void");
        String busy = "203.0.113.41";
        String identity = Fixtures.mintIdentity(busy);
        for (int i = 0; i < 3; i++) {
            Fixtures.sendBatch(Fixtures.startSession(slug, Map.of("identity", identity), busy), 1,
                    Fixtures.offsets(0, 10, 100)).then().body("accepted", equalTo(10));
        }
        String quiet = "203.0.113.42";
        Fixtures.sendBatch(Fixtures.startSession(slug, Map.of("identity", Fixtures.mintIdentity(quiet)), quiet), 1,
                Fixtures.offsets(0, 12, 100)).then().body("accepted", equalTo(12));
        new Ledger(db).awaitClicks(slug, 42, Duration.ofSeconds(10));

        Map<String, Object> review = given().get("/api/manage/campaigns/{slug}/flags", slug).then().statusCode(200)
                .body("clicks", equalTo(42)).extract().path("$");
        String player = hashWith(review, "identities", 30);
        String network = hashWith(review, "networks", 12);
        Instant from = Instant.now().minusSeconds(3600);
        Instant to = Instant.now().plusSeconds(60);

        order(slug, "IDENTITY", player, from, to, false).statusCode(201).body("clicks", equalTo(30))
                .body("megabytes", equalTo(300)).body("kind", equalTo("VOID"));
        Fixtures.totals(slug).then().body("clicks", equalTo(12));
        given().get("/api/campaigns/{slug}/report", slug).then().body("confirmedClicks", equalTo(12));
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("donatedMegabytes", equalTo(120));
        // Voided once: a second void of the same clicks finds nothing; another range finds nothing either.
        order(slug, "IDENTITY", player, from, to, false).statusCode(409);
        order(slug, "NETWORK", network, from, from.plusSeconds(60), false).statusCode(409);

        order(slug, "NETWORK", network, from, to, false).statusCode(201).body("clicks", equalTo(12));
        Fixtures.totals(slug).then().body("clicks", equalTo(0));
        given().post("/api/manage/campaigns/{slug}/reconcile", slug).then().body("balanced", equalTo(true));
        assertEquals(0L, new Ledger(db).sumsAdrift(slug), "running sums = counted rows");
        given().get("/api/manage/campaigns/{slug}/voids", slug).then().body("size()", equalTo(2))
                .body("actor", org.hamcrest.Matchers.everyItem(equalTo("admin")));
        assertEquals(42L, new Ledger(db).single("SELECT sum(units) FROM donation d JOIN campaign c ON "
                + "c.id = d.campaign_id WHERE c.slug = ?", slug), "the ledger's rows stay");
    }

    @Test
    void aHoldIsOutOfTheTotalsUntilLiftedAndLiftedOnlyOnce() throws InterruptedException {
        String slug = Fixtures.liveCampaign("hold");
        String address = "203.0.113.51";
        Fixtures.sendBatch(Fixtures.startSession(slug, Map.of("identity", Fixtures.mintIdentity(address)), address), 1,
                Fixtures.offsets(0, 20, 100)).then().body("accepted", equalTo(20));
        new Ledger(db).awaitClicks(slug, 20, Duration.ofSeconds(10));
        String network = hashWith(given().get("/api/manage/campaigns/{slug}/flags", slug).then().extract().path("$"),
                "networks", 20);
        int id = order(slug, "NETWORK", network, Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), true)
                .statusCode(201).body("kind", equalTo("HOLD")).extract().path("id");
        Fixtures.totals(slug).then().body("clicks", equalTo(0));
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("donatedMegabytes", equalTo(0));
        given().post("/api/manage/voids/{id}/lift", id).then().statusCode(200).body("liftedBy", equalTo("admin"));
        Fixtures.totals(slug).then().body("clicks", equalTo(20));
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("donatedMegabytes", equalTo(200));
        given().post("/api/manage/voids/{id}/lift", id).then().statusCode(409);
        given().post("/api/manage/voids/{id}/confirm", id).then().statusCode(409);
        given().post("/api/manage/voids/{id}/lift", 999_999_999).then().statusCode(404);
        given().post("/api/manage/campaigns/{slug}/reconcile", slug).then().body("balanced", equalTo(true));
        assertEquals(0L, new Ledger(db).sumsAdrift(slug), "running sums = counted rows");
    }

    /** Allocated ≤ donated, always: a void that would break it is refused with the numbers, and changes nothing. */
    @Test
    void aVoidBelowWhatIsAllocatedIsRefused() throws InterruptedException {
        String slug = Fixtures.liveCampaign("void-pool");
        String address = "203.0.113.61";
        for (int i = 0; i < 10; i++) {
            Fixtures.sendBatch(Fixtures.startSession(slug, Map.of("identity", Fixtures.mintIdentity(address)), address), 1,
                    Fixtures.offsets(0, 10, 100)).then().body("accepted", equalTo(10));
        }
        new Ledger(db).awaitClicks(slug, 100, Duration.ofSeconds(10));
        Distribution.bundleSizes(slug, 1_000);
        Distribution.approve(Distribution.submit(slug, Distribution.beneficiary("MA-07", 80), 80, 1));
        Distribution.tablets(1);
        given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 1_000))
                .post("/api/manage/campaigns/{slug}/allocations", slug).then().statusCode(201);
        String network = hashWith(given().get("/api/manage/campaigns/{slug}/flags", slug).then().extract().path("$"),
                "networks", 100);
        order(slug, "NETWORK", network, Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), false)
                .statusCode(409).body("detail", containsString("1000 MB already allocated"));
        Fixtures.totals(slug).then().body("clicks", equalTo(100));
        given().get("/api/manage/campaigns/{slug}/voids", slug).then().body("size()", equalTo(0));
    }

    @Test
    void badOrdersAreRefusedWithTheirReason() {
        String slug = Fixtures.liveCampaign("void-bad");
        Instant now = Instant.now();
        order(slug, "IDENTITY", "x", now, now, false).statusCode(400).body("detail", containsString("before"));
        order(slug, "IDENTITY", "x", now, now.minusSeconds(1), false).statusCode(400);
        order(slug, "SESSION", "x", now.minusSeconds(1), now, false).statusCode(400).body("detail", containsString("target"));
        Map<String, Object> noReason = new HashMap<>(Map.of("target", "NETWORK", "hash", "x", "from",
                now.minusSeconds(1).toString(), "to", now.toString(), "reason", " "));
        given().contentType(ContentType.JSON).body(noReason).post("/api/manage/campaigns/{slug}/voids", slug).then()
                .statusCode(400).body("detail", containsString("reason"));
        order(slug, "NETWORK", "no-such-network", now.minusSeconds(60), now, false).statusCode(404);
        order("no-such-campaign", "NETWORK", "x", now.minusSeconds(60), now, false).statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/api/manage/campaigns/{slug}/voids", slug).then()
                .statusCode(400);
    }

    private static ValidatableResponse order(String slug, String target, String hash, Instant from, Instant to,
                                             boolean hold) {
        return given().contentType(ContentType.JSON).body(Map.of("target", target, "hash", hash, "from", from.toString(),
                        "to", to.toString(), "reason", "out of line on review", "hold", hold))
                .post("/api/manage/campaigns/{slug}/voids", slug).then();
    }

    @SuppressWarnings("unchecked")
    private static String hashWith(Map<String, Object> review, String list, int clicks) {
        for (Map<String, Object> row : (List<Map<String, Object>>) review.get(list)) {
            if (((Number) row.get("clicks")).intValue() == clicks) {
                return (String) row.get("hash");
            }
        }
        throw new AssertionError("no " + list + " row with " + clicks + " clicks in " + review);
    }

    private static ValidatableResponse awaitVoids(String slug, int count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> given()
                        .get("/api/manage/campaigns/{slug}/voids", slug).then().extract().<Integer>path("size()") >= count);
        return given().get("/api/manage/campaigns/{slug}/voids", slug).then().statusCode(200).body("size()", equalTo(count));
    }

    /** Human-like taps: uneven intervals around 120 ms. */
    private static List<Integer> human(int from, int count) {
        java.util.Random random = new java.util.Random(from + count);
        List<Integer> offsets = new java.util.ArrayList<>();
        int t = from + 100;
        for (int i = 0; i < count; i++) {
            offsets.add(t);
            t += 70 + random.nextInt(110);
        }
        assertTrue(offsets.get(offsets.size() - 1) < 10_000);
        return offsets;
    }
}
