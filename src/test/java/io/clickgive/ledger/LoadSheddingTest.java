package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While PostgreSQL is away the ledger streams grow; past their bound, new sessions are refused (503, Retry-After) so
 * Redis never runs out of memory, rounds in play keep counting, and sessions come back once the ledger caught up.
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.SmallBound.class)
class LoadSheddingTest {

    public static class SmallBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clickgive.ledger.shed-backlog", "20");
        }
    }

    @Inject
    LedgerWriter writer;
    @Inject
    AgroalDataSource db;

    @Test
    void pastTheBoundNewSessionsWaitAndRoundsInPlayKeepCounting() throws InterruptedException {
        String slug = Fixtures.liveCampaign("shed");
        Session inPlay = Fixtures.startSession(slug);
        writer.pause(); // PostgreSQL away, as far as the streams can tell
        int acknowledged = 0;
        for (int i = 0; i < 5; i++) { // 25 batches wait: over the bound of 20
            Session session = Fixtures.startSession(slug);
            for (int seq = 1; seq <= 5; seq++) {
                acknowledged += Fixtures.sendBatch(session, seq, Fixtures.offsets(seq * 1_000, 4, 100)).then()
                        .statusCode(200).extract().<Integer>path("accepted");
            }
        }
        awaitStatus(slug, 503).header("Retry-After", "30").contentType("application/problem+json")
                .body("detail", containsString("rounds in play keep counting"));
        acknowledged += Fixtures.sendBatch(inPlay, 1, Fixtures.offsets(0, 6, 100)).then().statusCode(200)
                .body("accepted", equalTo(6)).extract().<Integer>path("accepted");
        Fixtures.management().get("/q/metrics").then().body(containsString("clickgive_ledger_shedding 1.0"));
        String cookie = io.clickgive.console.ConsoleClient.signIn("admin", "test-admin-password").cookie();
        given().auth().none().cookie("clickgive-console", cookie).get("/console/campaigns/{slug}?lang=en", slug).then()
                .statusCode(200).body(containsString("id=\"dashboard-shedding\""))
                .body(containsString("over the bound of 20"));

        writer.resume();
        awaitStatus(slug, 201);
        Fixtures.management().get("/q/metrics").then().body(containsString("clickgive_ledger_shedding 0.0"));
        assertEquals(acknowledged, new Ledger(db).awaitClicks(slug, acknowledged, Duration.ofSeconds(10)),
                "every click acknowledged while shedding is in the ledger");
        assertTrue(acknowledged >= 106, "played: " + acknowledged);
    }

    /** Asks for a session (a new player each time) until the answer has this status; 5 s at most. */
    private static io.restassured.response.ValidatableResponse awaitStatus(String slug, int status) {
        // Every try mints an identity, and mints raise the next one's price: a try every 200 ms, as before.
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                    String address = Fixtures.randomAddress();
                    Map<String, Object> request = new java.util.HashMap<>(Map.of("identity", Fixtures.mintIdentity(address)));
                    request.put("proof", Fixtures.solve(Fixtures.challenge(slug, request.get("identity"), address)));
                    return given().contentType(ContentType.JSON).body(request).header("X-Forwarded-For", address)
                            .post("/api/campaigns/{slug}/sessions", slug).then();
                }, answer -> answer.extract().statusCode() == status).statusCode(status);
    }
}
