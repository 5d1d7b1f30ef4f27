package io.clickgive.security;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every kind of refusal, whichever layer refuses it (a route handler before any resource, the HTTP path rules, a
 * resource), answers with the same problem document from the one writer (web.ProblemWriter).
 */
@QuarkusTest
class RefusalProblemsTest {

    @Inject
    RedisDataSource redis;

    @Inject
    LoginThrottle throttle;

    /** What every refusal has: its status, the problem media type, and the RFC 9457 members. */
    private static ValidatableResponse problem(ValidatableResponse answer, int status, String title) {
        return answer.statusCode(status).contentType(equalTo("application/problem+json"))
                .body("type", equalTo("about:blank")).body("title", equalTo(title)).body("status", equalTo(status))
                .body("detail", not(emptyString()));
    }

    @Test
    void aBodyTooLargeIsAProblem() {
        String batch = "{\"token\":\"x\",\"seq\":1,\"offsets\":[" + "1,".repeat(40_000) + "1]}";
        problem(given().auth().none().contentType("application/json").body(batch)
                .post("/api/sessions/{id}/batches", "nobody").then(), 413, "Payload too large")
                .body("detail", containsString("at most 65536"));
    }

    @Test
    void aThrottledSignInIsAProblem() {
        String manager = Distribution.manager();
        String address = Fixtures.randomAddress();
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            basic(manager, "wrong-" + i, address).statusCode(401);
        }
        // Counted as each answer leaves: once all are in Redis, the right password is refused before its check.
        String key = "cg:{sign-in}:p:" + throttle.accountOf(manager) + ":" + throttle.addressOf(address);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            String count = redis.value(String.class).get(key);
            return count != null && Integer.parseInt(count) >= LoginThrottle.PER_USER;
        });
        problem(basic(manager, Distribution.USER_PASSWORD, address), 429, "Too many requests")
                .header("Retry-After", notNullValue()).body("detail", containsString("failed sign-ins"));
    }

    @Test
    void noCredentialsOnTheApiIsAProblem() {
        // Without any credential, no challenge (Quarkus's Basic mechanism stays silent beside the console's form, so a
        // browser opening an API link shows no password prompt).
        for (String path : new String[]{"/api/manage/campaigns", "/api/distribute/nobody/tablets", "/api/admin/users"}) {
            problem(given().auth().none().get(path).then(), 401, "Unauthorized")
                    .body("detail", containsString("HTTP Basic"));
        }
        // Not a Basic credential: the same, with the challenge that says which one is.
        problem(given().auth().none().header("Authorization", "Bearer something").get("/api/manage/campaigns").then(),
                401, "Unauthorized").header("WWW-Authenticate", startsWith("basic"));
    }

    @Test
    void wrongCredentialsOnTheApiAreAProblemWithTheBasicChallenge() {
        problem(basic("nobody-" + Fixtures.uniqueSlug("u"), "wrong-password", Fixtures.randomAddress()), 401,
                "Unauthorized").header("WWW-Authenticate", startsWith("basic"));
    }

    @Test
    void aRoleThePathDoesNotAdmitIsAProblem() {
        String user = Distribution.distributorUser(Distribution.distributor("MA-07"));
        problem(given().auth().preemptive().basic(user, Distribution.USER_PASSWORD).get("/api/manage/campaigns")
                .then(), 403, "Forbidden");
        String manager = Distribution.manager();
        problem(given().auth().preemptive().basic(manager, Distribution.USER_PASSWORD)
                .contentType("application/json").body(Map.of("username", "x")).post("/api/admin/users").then(),
                403, "Forbidden");
    }

    @Test
    void theConsolesPagesStillSendBrowsersToTheSignInPage() {
        given().auth().none().redirects().follow(false).get("/console/campaigns").then().statusCode(302)
                .header("Location", containsString("/console/login"));
        given().auth().none().redirects().follow(false).formParam("csrf", "x").formParam("status", "LIVE")
                .post("/console/campaigns/{slug}/status", "nobody").then().statusCode(302)
                .header("Location", containsString("/console/login"));
    }

    private static ValidatableResponse basic(String user, String password, String address) {
        return given().auth().preemptive().basic(user, password).header("X-Forwarded-For", address)
                .get("/api/manage/campaigns").then();
    }
}
