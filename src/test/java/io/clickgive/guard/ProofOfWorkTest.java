package io.clickgive.guard;

import io.clickgive.Fixtures;
import io.clickgive.TestClock;
import io.clickgive.common.ClickgiveConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proof of work at the session's door: every way a solution can be wrong is refused with its reason. */
@QuarkusTest
class ProofOfWorkTest {

    @Inject
    TestClock clock;

    private static final String ADDRESS = "198.51.100.9";

    @Inject
    ClickgiveConfig config;

    @Test
    void solvedChallengeOpensASessionOnce() {
        String slug = InspectionTest.guarded(Map.of("playerBurst", 2));
        Map<String, Object> challenge = Fixtures.challenge(slug, id("phone-1"), ADDRESS);
        Map<String, Object> proof = Fixtures.solve(challenge);
        Map<String, Object> next = start(slug, "phone-1", proof).statusCode(201).body("token", notNullValue())
                .extract().path("next");
        start(slug, "phone-1", proof).statusCode(403).body("reason", equalTo("PUZZLE"));
        // The grant brought the puzzle of the player's next round: solved, it opens the next session.
        start(slug, "phone-1", Fixtures.solve(next)).statusCode(201);
        InspectionTest.rejections(slug).body("sessions", equalTo(2)).body("refusedSessions.POW_REUSED", equalTo(1));
    }

    /** Our challenges are ALTCHA's: the reference library solves them and accepts the solution under our key. */
    @Test
    void challengesAreAltchaChallenges() throws Exception {
        String slug = InspectionTest.guarded(Map.of("powDifficulty", 5_000));
        Map<String, Object> challenge = Fixtures.challenge(slug, id("phone-7"), ADDRESS);
        String salt = (String) challenge.get("salt");
        Altcha.Solution solved = Altcha.solveChallenge((String) challenge.get("challenge"), salt, Altcha.Algorithm.SHA256,
                ((Number) challenge.get("maxNumber")).longValue(), 0);
        Altcha.Payload payload = new Altcha.Payload();
        payload.algorithm = (String) challenge.get("algorithm");
        payload.challenge = (String) challenge.get("challenge");
        payload.number = (long) solved.number;
        payload.salt = salt;
        payload.signature = (String) challenge.get("signature");
        String key = io.clickgive.crypto.Keys.altchaKey(config.tokens().key());
        assertTrue(Altcha.verifySolution(payload, key, false), "ALTCHA's verifier accepts our challenge: " + challenge);
        assertEquals(Instant.parse((String) challenge.get("expiresAt")).toEpochMilli(),
                Long.parseLong(Altcha.extractParams(salt).get("until")));
        start(slug, "phone-7", Map.of("salt", salt, "number", solved.number, "signature", payload.signature))
                .statusCode(201);
    }

    @Test
    void missingOrMalformedSolutionIsRefused() {
        String slug = InspectionTest.guarded(Map.of());
        // A fresh player without a proof: the grant script refuses it (only an established player needs none).
        start(slug, "phone-2", null).statusCode(403).body("reason", equalTo("PUZZLE"));
        start(slug, "phone-2", Map.of("salt", "x")).statusCode(400).body("reason", equalTo("PUZZLE"));
        start(slug, "phone-2", Map.of("salt", "x", "number", -1, "signature", "y")).statusCode(400);
        InspectionTest.awaitRefused(slug, "POW_MISSING", 3);
        Fixtures.totals(slug).then().body("sessions", equalTo(0));
    }

    /**
     * A player pays a proof for each session until it is established; from then on its grants bring no puzzle and its
     * sessions need none (its mint paid for the identity, its player limit bounds its sessions).
     */
    @Test
    void anEstablishedPlayerNeedsNoProof() {
        String slug = InspectionTest.guarded(Map.of("establishRounds", 1, "establishAfterMinutes", 0,
                "playerIntervalSeconds", 0));
        String player = id("phone-8");
        Map<String, Object> first = start(slug, "phone-8", Fixtures.solve(Fixtures.challenge(slug, player, ADDRESS)))
                .statusCode(201).body("next", notNullValue()).extract().path("$");
        start(slug, "phone-8", null).statusCode(403).body("reason", equalTo("PUZZLE")); // no round played yet
        Fixtures.sendBatch(new Fixtures.Session((String) first.get("sessionId"), (String) first.get("token")), 1,
                InspectionTest.humanLike(0, 20, 11)).then().body("accepted", equalTo(20));
        // A round counted: this grant establishes the player, and says so by bringing no puzzle.
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) first.get("next");
        start(slug, "phone-8", Fixtures.solve(next)).statusCode(201).body("next", nullValue());
        start(slug, "phone-8", null).statusCode(201).body("next", nullValue());
        start(slug, "phone-8", null).statusCode(201);
        InspectionTest.rejections(slug).body("sessions", equalTo(4)).body("refusedSessions.POW_MISSING", equalTo(1));
        // A proof is still no way around the rest of the guard: another player's, or a forged one, is refused.
        start(slug, "phone-8", Map.of("salt", "x?until=1", "number", 1, "signature", "y")).statusCode(403);
    }

    @Test
    void wrongNumberForgedSaltAndForeignSolutionsAreForbidden() {
        String slug = InspectionTest.guarded(Map.of());
        Map<String, Object> challenge = Fixtures.challenge(slug, id("phone-3"), ADDRESS);
        Map<String, Object> proof = Fixtures.solve(challenge);
        Map<String, Object> wrong = new HashMap<>(proof);
        wrong.put("number", ((Number) proof.get("number")).longValue() + 1);
        start(slug, "phone-3", wrong).statusCode(403).body("reason", equalTo("PUZZLE"));
        Map<String, Object> forged = new HashMap<>(proof);
        forged.put("salt", proof.get("salt") + "&until=99999999999999");
        start(slug, "phone-3", forged).statusCode(403).body("reason", equalTo("PUZZLE"));
        // Solved for phone-3: worth nothing to another player, or in another campaign.
        start(slug, "phone-4", proof).statusCode(403).body("reason", equalTo("PUZZLE"));
        start(InspectionTest.guarded(Map.of()), "phone-3", proof).statusCode(403).body("reason", equalTo("PUZZLE"));
        start(slug, "phone-3", proof).statusCode(201);
        InspectionTest.awaitRefused(slug, "POW_INVALID", 3);
    }

    @Test
    void expiredChallengeIsForbidden() {
        String slug = InspectionTest.guarded(Map.of());
        Map<String, Object> proof = Fixtures.solve(Fixtures.challenge(slug, id("phone-5"), ADDRESS));
        // The test profile's challenges live 3 s, checked against the service's clock.
        try (TestClock.Moved later = clock.advance(Duration.ofMillis(3_200))) {
            start(slug, "phone-5", proof).statusCode(403).body("reason", equalTo("PUZZLE"));
        }
        InspectionTest.awaitRefused(slug, "POW_EXPIRED", 1);
    }

    @Test
    void puzzlesGetHarderForAPlayerWhoAsksTooOften() {
        String slug = InspectionTest.guarded(Map.of("powDifficulty", 1000, "powMaxDifficulty", 64_000));
        long[] seen = new long[12];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = ((Number) Fixtures.challenge(slug, id("eager"), ADDRESS).get("maxNumber")).longValue();
        }
        // Four a minute is what a non-stop player needs; each doubling beyond costs four times the work.
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new long[]{1000, 1000, 1000, 1000, 4000, 4000, 4000, 4000, 16000, 16000, 16000, 16000}, seen);
        Fixtures.challenge(slug, id("calm"), ADDRESS);
        given().contentType(ContentType.JSON).body(Map.of("identity", id("calm"))).header("X-Forwarded-For", ADDRESS)
                .post("/api/campaigns/{slug}/challenges", slug).then().statusCode(200)
                .header("Cache-Control", "no-store").body("maxNumber", equalTo(1000))
                .body("algorithm", equalTo("SHA-256")).body("expiresAt", notNullValue());
    }

    @Test
    void guardOffNeedsNoProof() {
        String slug = Fixtures.liveCampaign("no-guard");
        start(slug, "phone-6", null).statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/campaigns/{slug}/challenges", slug).then()
                .statusCode(200).body("maxNumber", greaterThanOrEqualTo(0));
    }

    /** One identity per name, as one phone each. */
    private static final Map<String, String> IDENTITIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String id(String phone) {
        return IDENTITIES.computeIfAbsent(phone, p -> Fixtures.mintIdentity(Fixtures.randomAddress()));
    }

    private static ValidatableResponse start(String slug, String phone, Map<String, Object> proof) {
        Map<String, Object> body = new HashMap<>(Map.of("identity", id(phone)));
        if (proof != null) {
            body.put("proof", proof);
        }
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ADDRESS).body(body)
                .post("/api/campaigns/{slug}/sessions", slug).then().log().ifValidationFails();
    }
}
