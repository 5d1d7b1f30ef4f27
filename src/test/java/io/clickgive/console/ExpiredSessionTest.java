package io.clickgive.console;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A console session that expired, or a cookie that was tampered with, counts for nothing: back to the sign-in page. */
@QuarkusTest
@TestProfile(ExpiredSessionTest.ShortSessions.class)
class ExpiredSessionTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.form.timeout", "PT2S", "quarkus.http.auth.form.new-cookie-interval", "PT1S");
        }
    }

    @Test
    void anExpiredOrTamperedSessionIsSentToSignInAndChangesNothing() {
        String slug = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("expiry")));
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/campaigns?lang=en");

        ConsoleClient tampered = new ConsoleClient(manager.cookie().substring(0, manager.cookie().length() - 4) + "AAAA");
        tampered.request().get("/console/campaigns").then().statusCode(302)
                .header("Location", containsString("/console/login"));

        // Quarkus times the session out on its own clock (not the service's): wait for it, 10 s at most.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                manager.request().get("/console/campaigns").then().statusCode(302)
                        .header("Location", containsString("/console/login")));
        manager.request().formParam("csrf", token).formParam("status", "LIVE")
                .post("/console/campaigns/{slug}/status", slug).then().statusCode(302);
        given().get("/api/manage/campaigns/{slug}", slug).then().body("status", equalTo("DRAFT"));
    }
}
