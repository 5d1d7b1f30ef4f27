package io.clickgive.identity;

import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server issues player identities; the client cannot pick one, forge one, or mint them cheaply in numbers. */
@QuarkusTest
class IdentityTest {

    @Test
    void mintedIdentityPlaysAndForgedOrMissingOnesDoNot() {
        String slug = guarded();
        String address = Fixtures.randomAddress();
        String identity = Fixtures.mintIdentity(address);
        assertTrue(identity.startsWith("i1."), identity);
        Fixtures.startSession(slug, Map.of("identity", identity), address);

        String[] parts = identity.split("\\.");
        String otherId = parts[0] + "." + "A".repeat(parts[1].length()) + "." + parts[2] + "." + parts[3] + "." + parts[4];
        for (Object forged : new Object[]{otherId, identity + "x", "i1.a.b.1.c", "any-string-the-client-likes"}) {
            challenge(slug, forged).then().statusCode(401).contentType("application/problem+json")
                    .body("reason", equalTo("IDENTITY"));
            sessionWith(slug, forged).then().statusCode(401).body("reason", equalTo("IDENTITY"));
        }
        challenge(slug, null).then().statusCode(401).body("reason", equalTo("IDENTITY"));
        Fixtures.awaitRefused(slug, "IDENTITY_MISSING", 1).body("sessions", equalTo(1));
        Fixtures.awaitRefused(slug, "IDENTITY_INVALID", 8);
        Fixtures.totals(slug).then().body("sessions", equalTo(1)).body("participants", equalTo(1));
    }

    /**
     * A phone pays once; the 16th identity minted on one address costs twice the first, the 48th eight times (and a
     * little more: its /24 counts them too, doubling every 256).
     */
    @Test
    void eachIdentityANetworkMintsCostsMoreThanTheLast() {
        String address = "198.18.7.1";
        long[] prices = new long[49];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = puzzle(address);
            Fixtures.mintIdentity(address);
        }
        assertEquals(1000, prices[0], "the first identity of a network costs the base");
        assertTrue(prices[16] >= 1_900 && prices[16] <= 2_150, "16 mints: doubled, " + prices[16]);
        assertTrue(prices[48] >= 8_500 && prices[48] <= 9_500, "48 mints: eightfold, " + prices[48]);
        for (int i = 1; i < prices.length; i++) {
            assertTrue(prices[i] > prices[i - 1], "rising at " + i);
        }
        // Another network of the same /24 pays a little more (its wide prefix counts the 49), another /24 the base.
        long neighbour = puzzle("198.18.7.2");
        assertTrue(neighbour > 1000 && neighbour < 1_300, "neighbour " + neighbour);
        assertEquals(1000, puzzle("198.18.99.1"));
    }

    @Test
    void aMintPuzzleIsWorthNothingOnAnotherNetworkOrTwice() {
        Map<String, Object> solved = Fixtures.solve(mintChallenge("198.18.8.1"));
        mint(solved, "198.18.8.2").then().statusCode(403).body("reason", equalTo("PUZZLE"));
        mint(solved, "198.18.8.1").then().statusCode(201).body("identity", startsWith("i1."));
        mint(solved, "198.18.8.1").then().statusCode(403).body("reason", equalTo("PUZZLE"));
        mint(null, "198.18.8.1").then().statusCode(400).body("reason", equalTo("PUZZLE"));
        mint(Map.of("salt", "x?purpose=identity", "number", 1, "signature", "00"), "198.18.8.1").then().statusCode(403);
    }

    /** A script that asks many cheap puzzles before minting in bulk finds them worth too little once it has. */
    @Test
    void aPuzzleIssuedBeforeABulkOfMintsIsStale() {
        String address = "198.18.9.1";
        Map<String, Object> early = Fixtures.solve(mintChallenge(address));
        for (int i = 0; i < 20; i++) {
            Fixtures.mintIdentity(address);
        }
        mint(early, address).then().statusCode(409).body("reason", equalTo("PUZZLE"));
    }

    /** Behind an operator's gateway that vouches for subscribers, the subscriber is the player: no minting. */
    @Test
    void gatewaySubscriberIsThePlayer() {
        String slug = Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("gateway"),
                Map.of("powDifficulty", 10, "playerBurst", 1)));
        String subscriber = "212600000001";
        Map<String, Object> challenge = given().contentType(ContentType.JSON).body(Map.of())
                .header("X-Subscriber-Id", subscriber).post("/api/campaigns/{slug}/challenges", slug)
                .then().statusCode(200).extract().path("$");
        Map<String, Object> body = new HashMap<>();
        body.put("proof", Fixtures.solve(challenge));
        given().contentType(ContentType.JSON).body(body).header("X-Subscriber-Id", subscriber)
                .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(201);
        // The same subscriber from another address, with an identity of its own: still the same player.
        String address = Fixtures.randomAddress();
        String identity = Fixtures.mintIdentity(address);
        Map<String, Object> again = new HashMap<>(Map.of("identity", identity));
        again.put("proof", Fixtures.solve(given().contentType(ContentType.JSON).body(Map.of("identity", identity))
                .header("X-Subscriber-Id", subscriber).header("X-Forwarded-For", address)
                .post("/api/campaigns/{slug}/challenges", slug).then().statusCode(200).extract().path("$")));
        given().contentType(ContentType.JSON).body(again).header("X-Subscriber-Id", subscriber)
                .header("X-Forwarded-For", address).post("/api/campaigns/{slug}/sessions", slug)
                .then().statusCode(429).body("reason", equalTo("WAIT"));
        Fixtures.totals(slug).then().body("participants", equalTo(1));
    }

    @Test
    void guardOffPlaysWithoutIdentity() {
        String slug = Fixtures.liveCampaign("no-identity");
        given().contentType(ContentType.JSON).body(Map.of()).header("X-Forwarded-For", Fixtures.randomAddress())
                .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(201);
    }

    private static String guarded() {
        return Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("identity"), Map.of("powDifficulty", 10)));
    }

    private static io.restassured.response.Response challenge(String slug, Object identity) {
        Map<String, Object> body = new HashMap<>();
        if (identity != null) {
            body.put("identity", identity);
        }
        return given().contentType(ContentType.JSON).body(body).header("X-Forwarded-For", Fixtures.randomAddress())
                .post("/api/campaigns/{slug}/challenges", slug);
    }

    private static io.restassured.response.Response sessionWith(String slug, Object identity) {
        return given().contentType(ContentType.JSON).body(Map.of("identity", identity, "proof",
                        Map.of("salt", "x", "number", 1, "signature", "y")))
                .header("X-Forwarded-For", Fixtures.randomAddress()).post("/api/campaigns/{slug}/sessions", slug);
    }

    private static Map<String, Object> mintChallenge(String address) {
        return given().header("X-Forwarded-For", address).post("/api/identities/challenges")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().path("$");
    }

    private static long puzzle(String address) {
        return ((Number) mintChallenge(address).get("maxNumber")).longValue();
    }

    private static io.restassured.response.Response mint(Map<String, Object> proof, String address) {
        Map<String, Object> body = new HashMap<>();
        if (proof != null) {
            body.put("proof", proof);
        }
        return given().contentType(ContentType.JSON).body(body).header("X-Forwarded-For", address)
                .post("/api/identities");
    }
}
