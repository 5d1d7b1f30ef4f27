package io.clickgive.guard;

import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AdmissionTest {

    @Test
    void playerGetsItsBurstOfSessionsThenMustWait() {
        String slug = Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("player-limit"),
                Map.of("playerBurst", 2, "powDifficulty", 100)));
        for (int i = 0; i < 2; i++) {
            start(slug, "same-phone", Fixtures.randomAddress()).then().statusCode(201);
        }
        start(slug, "same-phone", Fixtures.randomAddress()).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("reason", equalTo("PLAYER_RATE"))
                .body("detail", containsString("player"));
        start(slug, "another-phone", Fixtures.randomAddress()).then().statusCode(201);
        Fixtures.totals(slug).then().body("sessions", equalTo(3)).body("participants", equalTo(2));
        given().get("/api/manage/campaigns/{slug}/rejections", slug).then().statusCode(200)
                .body("refusedSessions.PLAYER_RATE", equalTo(1)).body("sessions", equalTo(3));
    }

    @Test
    void networkIsLimitedPerShardAndPlayersCannotChooseTheirBucket() {
        // 8 sessions a minute for the network: each of the 8 shards grants it one.
        String slug = Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("network-limit"),
                Map.of("networkBurst", 8, "networkIntervalMs", 7_500, "powDifficulty", 10, "powMaxDifficulty", 1000)));
        String carrier = "203.0.113.77";
        Set<String> shards = new HashSet<>();
        int admitted = 0;
        int refused = 0;
        for (int i = 0; i < 80; i++) {
            // Each phone writes its own hop in front: only the hop our proxy saw (the rightmost) counts.
            Response answer = start(slug, "phone-" + i, "10.0.0." + i + ", " + carrier);
            if (answer.statusCode() == 201) {
                admitted++;
                shards.add(((String) answer.path("token")).split("\\.")[3]);
            } else {
                answer.then().statusCode(429).header("Retry-After", notNullValue()).body("reason", equalTo("NETWORK_RATE"));
                refused++;
            }
        }
        assertEquals(admitted, shards.size(), "one session per shard for the network");
        assertTrue(admitted >= 6 && admitted <= 8, "admitted " + admitted);
        start(slug, "phone-elsewhere", "203.0.113.78").then().statusCode(201);
        Fixtures.totals(slug).then().body("sessions", equalTo(admitted + 1));
        given().get("/api/manage/campaigns/{slug}/rejections", slug).then()
                .body("refusedSessions.NETWORK_RATE", equalTo(refused));
    }

    private static Response start(String slug, String fingerprint, String forwardedFor) {
        Map<String, Object> body = new HashMap<>(Map.of("fingerprint", fingerprint));
        body.put("proof", Fixtures.solve(Fixtures.challenge(slug, fingerprint, forwardedFor)));
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor)
                .body(body).post("/api/campaigns/{slug}/sessions", slug);
    }
}
