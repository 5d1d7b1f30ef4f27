package io.clickgive.guard;

import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AdmissionTest {

    @Test
    void playerGetsABurstOfSessionsThenMustWait() {
        String slug = Fixtures.liveCampaign("player-limit");
        for (int i = 0; i < 3; i++) {
            start(slug, "same-phone", Fixtures.randomAddress()).statusCode(201);
        }
        start(slug, "same-phone", Fixtures.randomAddress()).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("player"));
        start(slug, "another-phone", Fixtures.randomAddress()).statusCode(201);
        Fixtures.totals(slug).then().body("sessions", equalTo(4)).body("participants", equalTo(2));
    }

    @Test
    void networkIsLimitedGenerouslyAndPlayersCannotChooseTheirBucket() {
        String slug = Fixtures.liveCampaign("network-limit");
        String carrier = "203.0.113.77";
        int admitted = 0;
        for (int i = 0; i < 40; i++) {
            // Each phone writes its own hop in front: only the hop our proxy saw (the rightmost) counts.
            start(slug, "phone-" + i, "10.0.0." + i + ", " + carrier).statusCode(201);
            admitted++;
        }
        start(slug, "phone-late", carrier).statusCode(429).header("Retry-After", notNullValue())
                .body("detail", containsString("network"));
        start(slug, "phone-elsewhere", "203.0.113.78").statusCode(201);
        Fixtures.totals(slug).then().body("sessions", equalTo(admitted + 1));
    }

    private static io.restassured.response.ValidatableResponse start(String slug, String fingerprint, String forwardedFor) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor)
                .body(Map.of("fingerprint", fingerprint)).post("/api/campaigns/{slug}/sessions", slug).then();
    }
}
