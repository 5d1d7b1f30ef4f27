package io.clickgive.session;

import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SessionResourceTest {

    @jakarta.inject.Inject
    TestClock clock;

    @Test
    void liveCampaignGrantsATenSecondSession() {
        String slug = Fixtures.liveCampaign("grant");
        var response = given().contentType(ContentType.JSON).body(Map.of("region", "MA-06"))
                .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(201)
                .body("sessionId", notNullValue())
                .body("token", notNullValue())
                .body("maxClicks", equalTo(150))
                .body("megabytesPerClick", equalTo(10))
                .extract().response();
        Instant startsAt = Instant.parse(response.path("startsAt"));
        Instant endsAt = Instant.parse(response.path("endsAt"));
        assertEquals(10_000, endsAt.toEpochMilli() - startsAt.toEpochMilli());
        Fixtures.totals(slug).then().body("sessions", equalTo(1)).body("participants", equalTo(1));
    }

    @Test
    void sessionsAreRefusedUnlessTheCampaignIsLiveAndOpen() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/campaigns/{slug}/sessions", "no-such-campaign")
                .then().statusCode(404);

        // A draft is unknown to the public, as an unknown slug is: its sessions, challenges and totals.
        String draft = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("draft")));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/campaigns/{slug}/sessions", draft)
                .then().statusCode(404).body("detail", equalTo("No campaign '" + draft + "'"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/campaigns/{slug}/challenges", draft)
                .then().statusCode(404);
        given().get("/api/campaigns/{slug}/totals", draft).then().statusCode(404);
        given().get("/api/campaigns/{slug}/totals/stream", draft).then().statusCode(404);

        String paused = Fixtures.liveCampaign("paused");
        Fixtures.setStatus(paused, "PAUSED");
        refused(paused).body("detail", containsString("paused"));

        String closed = Fixtures.liveCampaign("closed");
        Fixtures.setStatus(closed, "CLOSED");
        refused(closed).body("detail", containsString("closed"));

        Map<String, Object> later = new HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("later")));
        later.put("opensAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        refused(Fixtures.liveCampaign(later)).body("detail", containsString("opens at"));

        Map<String, Object> over = new HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("over")));
        over.put("opensAt", Instant.now().minus(2, ChronoUnit.DAYS).toString());
        over.put("closesAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        refused(Fixtures.liveCampaign(over)).body("detail", containsString("closed at"));
    }

    @Test
    void unknownRegionIsABadRequest() {
        String slug = Fixtures.liveCampaign("region");
        given().contentType(ContentType.JSON).body(Map.of("region", "MA-13")).post("/api/campaigns/{slug}/sessions", slug)
                .then().statusCode(400).body("detail", containsString("MA-13"));
        given().contentType(ContentType.JSON).body(Map.of("region", "Casablanca")).post("/api/campaigns/{slug}/sessions", slug)
                .then().statusCode(400).body("detail", containsString("region"));
        given().contentType(ContentType.JSON).body(Map.of("identity", "i".repeat(201)))
                .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(400).body("detail", containsString("identity"));
        Fixtures.totals(slug).then().body("sessions", equalTo(0));
    }

    @Test
    void acceptedBatchIsCountedInSessionAndCampaign() {
        String slug = Fixtures.liveCampaign("count");
        Session session = Fixtures.startSession(slug, Map.of("region", "MA-07"));
        Fixtures.sendBatch(session, 1, Fixtures.offsets(100, 25, 120)).then().statusCode(200)
                .body("accepted", equalTo(25)).body("rejected", equalTo(0)).body("reason", nullValue())
                .body("sessionClicks", equalTo(25)).body("sessionMegabytes", equalTo(250));
        Fixtures.sendBatch(session, 2, Fixtures.offsets(3200, 10, 150)).then().statusCode(200)
                .body("accepted", equalTo(10)).body("sessionClicks", equalTo(35));
        Fixtures.totals(slug).then()
                .body("clicks", equalTo(35)).body("megabytes", equalTo(350))
                .body("regions[0].code", equalTo("MA-07")).body("regions[0].clicks", equalTo(35));
    }

    @Test
    void replayedBatchGetsItsFirstAnswerAndIsCountedOnce() {
        String slug = Fixtures.liveCampaign("replay");
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 30, 100)).then().body("accepted", equalTo(30));
        for (int i = 0; i < 3; i++) {
            Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 30, 100)).then().statusCode(200)
                    .body("accepted", equalTo(30)).body("sessionClicks", equalTo(30));
        }
        Fixtures.totals(slug).then().body("clicks", equalTo(30));
    }

    /** Invariant 1: never more than maxClicksPerSession in a session. */
    @Test
    void sessionNeverAcceptsMoreThanItsCap() {
        Map<String, Object> draft = new HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("cap")));
        draft.put("maxClicksPerSession", 50);
        String slug = Fixtures.liveCampaign(draft);
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 40, 50)).then().body("accepted", equalTo(40));
        Fixtures.sendBatch(session, 2, Fixtures.offsets(2100, 30, 50)).then().statusCode(200)
                .body("accepted", equalTo(10)).body("rejected", equalTo(20)).body("reason", equalTo("LIMIT"))
                .body("sessionClicks", equalTo(50));
        Fixtures.sendBatch(session, 3, Fixtures.offsets(4000, 5, 50)).then()
                .body("accepted", equalTo(0)).body("rejected", equalTo(5)).body("reason", equalTo("LIMIT"));
        Fixtures.totals(slug).then().body("clicks", equalTo(50));
    }

    /** Invariant 1: nothing is counted after the end of the session and its grace. */
    @Test
    void batchAfterTheWindowIsRejectedAsLate() {
        Map<String, Object> draft = new HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("late")));
        draft.put("sessionSeconds", 1);
        String slug = Fixtures.liveCampaign(draft);
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 5, 100)).then().body("accepted", equalTo(5));
        // 1 s session + 1 s grace in the test profile, on the service's clock.
        try (TestClock.Moved later = clock.advance(Duration.ofMillis(2_300))) {
            Fixtures.sendBatch(session, 2, Fixtures.offsets(600, 3, 100)).then().statusCode(200)
                    .body("accepted", equalTo(0)).body("rejected", equalTo(3)).body("reason", equalTo("LATE"));
        }
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 5, 100)).then().body("accepted", equalTo(5));
        Fixtures.totals(slug).then().body("clicks", equalTo(5));
    }

    @Test
    void batchThatDoesNotFollowThePreviousOneIsRejected() {
        String slug = Fixtures.liveCampaign("order");
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(1000, 5, 100)).then().body("accepted", equalTo(5));
        Fixtures.sendBatch(session, 2, Fixtures.offsets(500, 5, 100)).then().statusCode(200)
                .body("accepted", equalTo(0)).body("reason", equalTo("NOT_COUNTED"));
        Fixtures.totals(slug).then().body("clicks", equalTo(5));
    }

    @Test
    void badOffsetsAreRefusedAndCountNothing() {
        String slug = Fixtures.liveCampaign("offsets");
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, List.of(-5, 10)).then().statusCode(400).body("detail", containsString("outside"));
        Fixtures.sendBatch(session, 1, List.of(10, 10)).then().statusCode(400).body("detail", containsString("increasing"));
        Fixtures.sendBatch(session, 1, List.of(30, 20)).then().statusCode(400).body("detail", containsString("increasing"));
        Fixtures.sendBatch(session, 1, List.of(100, 10_001)).then().statusCode(400).body("detail", containsString("outside"));
        Fixtures.sendBatch(session, 0, List.of(1)).then().statusCode(400).body("detail", containsString("seq"));
        Fixtures.sendBatch(session, 1, Collections.nCopies(2001, 1)).then().statusCode(400).body("detail", containsString("offsets"));
        given().contentType(ContentType.JSON).body("{\"token\": \"" + session.token() + "\", \"seq\": 1, \"offsets\": [1, 2,")
                .post("/api/sessions/{id}/batches", session.id()).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"token\": \"" + session.token() + "\", \"seq\": 1, \"offsets\": [\"a\"]}")
                .post("/api/sessions/{id}/batches", session.id()).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"token\": \"" + session.token() + "\", \"seq\": 1, \"offsets\": [null]}")
                .post("/api/sessions/{id}/batches", session.id()).then().statusCode(400);
        Fixtures.totals(slug).then().body("clicks", equalTo(0));
        // The refusals left no trace: seq 1 is still free.
        Fixtures.sendBatch(session, 1, List.of(1, 2, 3)).then().statusCode(200).body("accepted", equalTo(3));
    }

    @Test
    void oversizedBatchIsRefusedWithAMessage() {
        String slug = Fixtures.liveCampaign("oversized");
        Session session = Fixtures.startSession(slug);
        String body = "{\"token\": \"" + session.token() + "\", \"seq\": 1, \"offsets\": [" + "1,".repeat(40_000) + "2]}";
        given().contentType(ContentType.JSON).body(body).post("/api/sessions/{id}/batches", session.id())
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("bytes"));
        Fixtures.totals(slug).then().body("clicks", equalTo(0));
    }

    @Test
    void forgedOrForeignTokensAreUnauthorized() {
        String slug = Fixtures.liveCampaign("tokens");
        Session mine = Fixtures.startSession(slug);
        Session other = Fixtures.startSession(slug);
        Fixtures.sendBatch(new Session(mine.id(), other.token()), 1, List.of(1)).then().statusCode(401)
                .body("detail", containsString("another session"));
        String raisedCap = mine.token().replaceFirst("\\.150\\.", ".9999.");
        Fixtures.sendBatch(new Session(mine.id(), raisedCap), 1, List.of(1)).then().statusCode(401);
        Fixtures.sendBatch(new Session(mine.id(), "v1.garbage"), 1, List.of(1)).then().statusCode(401);
        Fixtures.sendBatch(new Session(mine.id(), mine.token() + "x"), 1, List.of(1)).then().statusCode(401);
        Fixtures.totals(slug).then().body("clicks", equalTo(0));
    }

    @Test
    void expiredTokenIsUnauthorized() {
        SessionToken old = new SessionToken("old-session", 1, 0, 1_000, 11_000, 160, "-", "p", "w", 0);
        String token = old.sign(io.clickgive.crypto.Keys.derived("test-only-token-key-0123456789abcdef",
                io.clickgive.crypto.Keys.Purpose.SESSION_TOKEN));
        Fixtures.sendBatch(new Session("old-session", token), 1, List.of(1)).then().statusCode(401)
                .body("detail", containsString("expired"));
    }

    private static io.restassured.response.ValidatableResponse refused(String slug) {
        return given().contentType(ContentType.JSON).body(Map.of()).post("/api/campaigns/{slug}/sessions", slug)
                .then().statusCode(409).contentType("application/problem+json");
    }
}
