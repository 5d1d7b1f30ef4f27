package io.clickgive.guard;

import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.crypto.Hmac;
import io.clickgive.crypto.Keys;
import io.clickgive.identity.IdentityToken;
import io.clickgive.identity.KeyedHashes;
import io.clickgive.session.SessionToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;


import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The app right after a key rotation: the new key signs, the previous one is still believed, nothing else is. */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
class KeyRotationTest {

    static final String PREVIOUS = "test-only-token-key-0123456789abcdef";

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clickgive.tokens.key", "rotated-test-key-fedcba9876543210",
                    "clickgive.tokens.previous-key", PREVIOUS);
        }
    }

    @Test
    void tokensOfThePreviousKeyStillCountAndOthersAreRefused() {
        String slug = Fixtures.liveCampaign("rotation");
        Session fresh = Fixtures.startSession(slug);
        SessionToken claims = SessionToken.verify(fresh.token(), List.of(sessionKey("rotated-test-key-fedcba9876543210")));

        // A session granted before the rotation carries a token of the previous key.
        Session before = new Session(fresh.id(), claims.sign(sessionKey(PREVIOUS)));
        Fixtures.sendBatch(before, 1, Fixtures.offsets(100, 5, 150)).then().statusCode(200).body("accepted", equalTo(5));
        Fixtures.sendBatch(fresh, 2, Fixtures.offsets(2_000, 5, 150)).then().statusCode(200).body("accepted", equalTo(5));

        Session forged = new Session(fresh.id(), claims.sign(sessionKey("a-key-nobody-configured-0123456789")));
        Fixtures.sendBatch(forged, 3, Fixtures.offsets(4_000, 5, 150)).then().statusCode(401);
        Fixtures.totals(slug).then().body("clicks", equalTo(10));
    }

    @Test
    void proofsOfWorkIssuedUnderThePreviousKeyStillOpenSessions() throws Exception {
        String slug = InspectionTest.guarded(Map.of());
        long campaignId = ((Number) given().get("/api/manage/campaigns/{slug}", slug).then().extract().path("id")).longValue();
        String identity = Fixtures.mintIdentity(Fixtures.randomAddress());
        String player = players.player(identity.split("\\.")[1]);
        assertEquals(201, start(slug, identity, challengeSignedWith(PREVIOUS, campaignId, player)));
        assertEquals(403, start(slug, identity, challengeSignedWith("a-key-nobody-configured-0123456789", campaignId, player)));
    }

    /** Phones keep their identity through a rotation; an identity signed under any other key is foreign. */
    @Test
    void identitiesOfThePreviousKeyStillPlayAndForeignOnesAreRefused() {
        String slug = Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("rotation-id"), Map.of()));
        String minted = Fixtures.mintIdentity(Fixtures.randomAddress());
        String[] parts = minted.split("\\.");
        IdentityToken claims = new IdentityToken(parts[1], parts[2], Long.parseLong(parts[3]));
        String before = claims.sign(identityKey(PREVIOUS));
        Fixtures.startSession(slug, Map.of("identity", before));
        for (String foreign : List.of(claims.sign(identityKey("a-key-nobody-configured-0123456789")),
                new IdentityToken(parts[1] + "x", parts[2], Long.parseLong(parts[3])).sign(identityKey("other")))) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.randomAddress())
                    .body(Map.of("identity", foreign)).post("/api/campaigns/{slug}/challenges", slug)
                    .then().statusCode(401).body("reason", equalTo("IDENTITY"));
        }
        InspectionTest.awaitRefused(slug, "IDENTITY_INVALID", 2);
        Fixtures.totals(slug).then().body("sessions", equalTo(1));
    }

    /** The identity key as an instance holding {@code tokenKey} derives it. */
    private static Hmac identityKey(String tokenKey) {
        return Keys.derived(tokenKey, Keys.Purpose.IDENTITY);
    }

    /** The session token key as an instance holding {@code tokenKey} derives it. */
    private static Hmac sessionKey(String tokenKey) {
        return Keys.derived(tokenKey, Keys.Purpose.SESSION_TOKEN);
    }

    @Inject
    KeyedHashes players;

    /** A solved challenge as an instance still holding {@code tokenKey} would have issued it. */
    private static Map<String, Object> challengeSignedWith(String tokenKey, long campaignId, String player) throws Exception {
        String key = Keys.altchaKey(tokenKey);
        Altcha.Challenge challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
                .setAlgorithm(Altcha.Algorithm.SHA256).setHmacKey(key).setMaxNumber(1L).setNumber(0L)
                .addParam("campaign", Long.toString(campaignId)).addParam("player", player).addParam("max", "1")
                .addParam("until", Long.toString(System.currentTimeMillis() + 60_000)));
        return Map.of("salt", challenge.salt, "number", 0, "signature", challenge.signature);
    }

    private static int start(String slug, String identity, Map<String, Object> proof) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.randomAddress())
                .body(Map.of("identity", identity, "proof", proof))
                .post("/api/campaigns/{slug}/sessions", slug).statusCode();
    }
}
