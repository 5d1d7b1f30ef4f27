package io.clickgive.guard;

import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may start a session: the player's limit, the new players' budget, the network's and the wide prefix's limits. */
@QuarkusTest
class AdmissionTest {

    /** Budgets for new players out of the way, for the tests of the other limits. */
    private static final Map<String, Object> NO_FRESH_LIMIT = Map.of("freshIntervalMs", 1, "freshBurst", 10_000,
            "wideFreshIntervalMs", 1, "wideFreshBurst", 10_000);

    @Test
    void playerGetsItsBurstOfSessionsThenMustWait() {
        String slug = guarded(Map.of("playerBurst", 2, "powDifficulty", 100));
        String phone = Fixtures.mintIdentity(Fixtures.randomAddress());
        for (int i = 0; i < 2; i++) {
            start(slug, phone, Fixtures.randomAddress()).then().statusCode(201);
        }
        // From another address it is still the same player: the identity, not the address, names it.
        start(slug, phone, Fixtures.randomAddress()).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("reason", equalTo("WAIT"))
                .body("detail", containsString("next round"));
        start(slug, Fixtures.mintIdentity(Fixtures.randomAddress()), Fixtures.randomAddress()).then().statusCode(201);
        Fixtures.totals(slug).then().body("sessions", equalTo(3)).body("participants", equalTo(2));
        rejections(slug).body("refusedSessions.PLAYER_RATE", equalTo(1)).body("sessions", equalTo(3));
    }

    // With a network limit this low, the puzzle grows with every challenge of the network: capped small here, so that
    // solving it never outlasts the test profile's 3 s challenges on a busy machine.
    @Test
    void networkIsLimitedAndPlayersCannotChooseTheirBucket() {
        String slug = guarded(Map.of("networkBurst", 8, "networkIntervalMs", 60_000, "powDifficulty", 10, "powMaxDifficulty", 1000));
        String carrier = "203.0.113.77";
        int admitted = 0;
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            // Each phone writes its own hop in front: only the hop our proxy saw (the rightmost) counts.
            Response answer = start(slug, Fixtures.mintIdentity(carrier), "10.0.0." + i + ", " + carrier);
            if (answer.statusCode() == 201) {
                admitted++;
            } else {
                answer.then().statusCode(429).header("Retry-After", notNullValue()).body("reason", equalTo("WAIT"));
                refused++;
            }
        }
        assertEquals(8, admitted, "the network's burst, exactly: its phones have it as their home");
        start(slug, Fixtures.mintIdentity("203.0.113.78"), "203.0.113.78").then().statusCode(201);
        Fixtures.totals(slug).then().body("sessions", equalTo(admitted + 1));
        rejections(slug).body("refusedSessions.NETWORK_RATE", equalTo(refused));
    }

    /** An IPv6 subscriber has a whole /64: rotating addresses inside it is one network. */
    @Test
    void ipv6AddressesOfOneSlash64AreOneNetwork() {
        String slug = guarded(Map.of("networkBurst", 3, "networkIntervalMs", 60_000, "powDifficulty", 10, "powMaxDifficulty", 1000));
        String home = "2001:db8:1:2::1";
        List<String> rotated = List.of("2001:db8:1:2::1", "2001:db8:1:2:aaaa::7", "2001:db8:1:2:ffff:ffff:ffff:fffe",
                "2001:db8:1:2:1234:5678:9abc:def0");
        int admitted = 0;
        for (String address : rotated) {
            admitted += start(slug, Fixtures.mintIdentity(home), address).statusCode() == 201 ? 1 : 0;
        }
        assertEquals(3, admitted, "four addresses of one /64 share its limit");
        start(slug, Fixtures.mintIdentity("2001:db8:1:3::1"), "2001:db8:1:3::1").then().statusCode(201);
        rejections(slug).body("refusedSessions.NETWORK_RATE", equalTo(1));
    }

    /** Networks of one /24 share an aggregate limit: a script cannot multiply itself over its provider's block. */
    @Test
    void wideNetworkHasItsAggregateLimit() {
        String slug = guarded(Map.of("wideNetworkBurst", 8, "wideNetworkIntervalMs", 60_000, "powDifficulty", 10));
        int admitted = 0;
        for (int i = 1; i <= 24; i++) {
            String address = "192.0.2." + i;
            admitted += start(slug, Fixtures.mintIdentity(address), address).statusCode() == 201 ? 1 : 0;
        }
        // Each of the 8 shards grants the /24 one session; its 24 homes land in some of them.
        org.junit.jupiter.api.Assertions.assertTrue(admitted >= 3 && admitted <= 8, "admitted " + admitted);
        start(slug, Fixtures.mintIdentity("198.18.0.1"), "198.18.0.1").then().statusCode(201);
        rejections(slug).body("refusedSessions.WIDE_RATE", equalTo(24 - admitted));
    }

    /**
     * Identities not yet established share their home's budget: a script that rotates identities on one address gets
     * that budget and no more; a player who has played its rounds is established, and no longer draws from it.
     */
    @Test
    void freshIdentitiesShareTheirHomesBudgetAndEstablishedOnesDoNot() {
        String slug = guarded(Map.of("freshBurst", 2, "freshIntervalMs", 600_000, "establishRounds", 1,
                "establishAfterMinutes", 0, "playerIntervalSeconds", 0, "powDifficulty", 10));
        String address = "203.0.113.90";
        String person = Fixtures.mintIdentity(address);
        Fixtures.Session first = session(slug, person, address);
        Fixtures.sendBatch(first, 1, InspectionTest.humanLike(0, 20, 11)).then().body("accepted", equalTo(20));
        start(slug, Fixtures.mintIdentity(address), address).then().statusCode(201);
        for (int i = 0; i < 5; i++) { // a script minting a new identity for every round
            start(slug, Fixtures.mintIdentity(address), address).then().statusCode(429).body("reason", equalTo("WAIT"));
        }
        // The person played a round that counted: established, and never short of the budget.
        for (int i = 0; i < 3; i++) {
            start(slug, person, address).then().statusCode(201);
        }
        rejections(slug).body("refusedSessions.FRESH_RATE", equalTo(5));

        // Established is kept when the rule changes later (three rounds a day apart now)…
        Map<String, Object> draft = campaign(slug);
        draft.put("guard", Map.of("establishRounds", 3, "establishAfterMinutes", 1_440, "futureToleranceMs", 250));
        given().contentType(ContentType.JSON).body(draft).put("/api/manage/campaigns/{slug}", slug).then().statusCode(200);
        awaitRule(slug, rules -> Integer.valueOf(3).equals(rules.establishRounds()));
        Fixtures.Session again = session(slug, person, address);
        // … and lost when a session of the player is judged scripted: clicks reported before their time.
        Fixtures.sendBatch(again, 1, List.of(100, 9_000)).then().body("accepted", equalTo(0));
        start(slug, person, address).then().statusCode(429).body("reason", equalTo("WAIT"));
    }

    /** A manager's change of the guard reaches the next session start: the scripts' constants follow the campaign. */
    @Test
    void aChangedGuardReachesTheNextSessionStart() {
        String slug = guarded(Map.of("playerIntervalSeconds", 0, "establishRounds", 0, "powDifficulty", 10));
        String address = "203.0.113.91";
        String player = Fixtures.mintIdentity(address);
        for (int i = 0; i < 3; i++) { // no limit per player: a kiosk
            start(slug, player, address).then().statusCode(201);
        }
        Map<String, Object> guard = new HashMap<>(NO_FRESH_LIMIT);
        guard.putAll(Map.of("playerIntervalSeconds", 16, "establishRounds", 0, "powDifficulty", 10));
        Map<String, Object> draft = campaign(slug);
        draft.put("guard", guard);
        given().contentType(ContentType.JSON).body(draft).put("/api/manage/campaigns/{slug}", slug).then().statusCode(200);
        awaitRule(slug, rules -> Integer.valueOf(16).equals(rules.playerIntervalSeconds()));
        start(slug, player, address).then().statusCode(201);
        start(slug, player, address).then().statusCode(429).body("reason", equalTo("WAIT"));
        rejections(slug).body("refusedSessions.PLAYER_RATE", equalTo(1));
    }

    private static Map<String, Object> campaign(String slug) {
        Map<String, Object> view = given().get("/api/manage/campaigns/{slug}", slug).then().statusCode(200)
                .extract().path("$");
        Map<String, Object> draft = new HashMap<>();
        for (String field : List.of("slug", "names", "opensAt", "closesAt", "goalGigabytes")) {
            draft.put(field, view.get(field));
        }
        return draft;
    }

    /** The campaign's new rule reaches the catalog the click path reads (refreshed every second in tests). */
    private static void awaitRule(String slug, java.util.function.Predicate<GuardSettings> changed) {
        io.clickgive.campaign.CampaignCatalog catalog = io.quarkus.arc.Arc.container()
                .instance(io.clickgive.campaign.CampaignCatalog.class).get();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> changed.test(catalog.bySlug(slug).guard()));
    }

    private static String guarded(Map<String, Object> guard) {
        Map<String, Object> settings = new HashMap<>(NO_FRESH_LIMIT);
        settings.putAll(guard);
        return Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("admission"), settings));
    }

    private static io.restassured.response.ValidatableResponse rejections(String slug) {
        Fixtures.forgetTotals(slug); // the totals cache: a grant read them a moment ago, before the refusals
        return given().get("/api/manage/campaigns/{slug}/rejections", slug).then().statusCode(200);
    }

    private static Fixtures.Session session(String slug, String identity, String forwardedFor) {
        Response response = start(slug, identity, forwardedFor);
        response.then().statusCode(201);
        return new Fixtures.Session(response.path("sessionId"), response.path("token"));
    }

    private static Response start(String slug, String identity, String forwardedFor) {
        Map<String, Object> body = new HashMap<>(Map.of("identity", identity));
        body.put("proof", Fixtures.solve(Fixtures.challenge(slug, identity, forwardedFor)));
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor)
                .body(body).post("/api/campaigns/{slug}/sessions", slug);
    }
}
