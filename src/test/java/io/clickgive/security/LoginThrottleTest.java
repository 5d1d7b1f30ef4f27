package io.clickgive.security;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Semaphore;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password guessing, through the console's form and the API's Basic sign-in alike. */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    RedisDataSource redis;

    @Inject
    LoginThrottle throttle;

    @Test
    void theFormIsThrottledPerAccountBeforeAnyPasswordCheck() throws InterruptedException {
        String manager = Distribution.manager();
        String address = Fixtures.randomAddress();
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            form(manager, "wrong-password-" + i, address).then().statusCode(302)
                    .header("Location", containsString("/console/login?error"));
        }
        awaitCounted(accountKey(manager), LoginThrottle.PER_USER);
        // The right password is not even checked now: the sign-in page says how long to wait.
        Response refused = form(manager, Distribution.USER_PASSWORD, address);
        refused.then().statusCode(303).header("Retry-After", notNullValue())
                .header("Location", containsString("/console/login?wait="));
        assertNull(refused.getCookie("clickgive-console"), "no session for a throttled sign-in");
        given().auth().none().get(refused.getHeader("Location") + "&lang=en").then().statusCode(200)
                .body(containsString("Too many failed sign-ins; try again in"));
        // The same account from elsewhere, and another account from here, still sign in.
        form(manager, Distribution.USER_PASSWORD, Fixtures.randomAddress()).then().statusCode(302)
                .header("Location", endsWith("/console"));
        form(Distribution.manager(), Distribution.USER_PASSWORD, address).then().statusCode(302)
                .header("Location", endsWith("/console"));
    }

    @Test
    void anAccountGuessedFromManyAddressesIsThrottledEverywhere() throws InterruptedException {
        String manager = Distribution.manager();
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            // Alternating the form and Basic: one count for both.
            String address = Fixtures.randomAddress();
            if (i % 2 == 0) {
                form(manager, "wrong-" + i, address).then().statusCode(302);
            } else {
                basic(manager, "wrong-" + i, address).then().statusCode(401);
            }
        }
        awaitCounted(accountKey(manager), LoginThrottle.PER_ACCOUNT);
        basic(manager, Distribution.USER_PASSWORD, Fixtures.randomAddress()).then().statusCode(429)
                .header("Retry-After", notNullValue()).contentType("application/problem+json")
                .body("detail", containsString("failed sign-ins"));
        form(manager, Distribution.USER_PASSWORD, Fixtures.randomAddress()).then().statusCode(303);
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottled() throws InterruptedException {
        String address = Fixtures.randomAddress();
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            basic("nobody-" + i, "wrong", address).then().statusCode(401);
        }
        awaitCounted(addressKey(address), LoginThrottle.PER_ADDRESS);
        // Refused before the body is read or a name is known: the form too.
        basic(Distribution.manager(), Distribution.USER_PASSWORD, address).then().statusCode(429);
        form("nobody", "wrong", address).then().statusCode(303).header("Location", containsString("wait="));
    }

    /** In Redis, so every replica sees them; keyed hashes of fixed length, never a name; gone with their window. */
    @Test
    void failuresAreCountedInRedisUnderKeyedHashesThatExpire() throws InterruptedException {
        String name = "someone-with-a-very-long-name-" + "x".repeat(500);
        String address = Fixtures.randomAddress();
        basic(name, "wrong", address).then().statusCode(401);
        awaitCounted(addressKey(address), 1);
        List<String> keys = redis.key().keys("cg:{sign-in}:*");
        assertFalse(keys.isEmpty(), "failures counted in Redis");
        for (String key : keys) {
            assertTrue(key.length() < 80, "fixed-length key: " + key);
            assertFalse(key.contains("someone") || key.contains(address), "no name or address in clear: " + key);
            long ttl = redis.key().pttl(key);
            assertTrue(ttl > 0 && ttl <= LoginThrottle.WINDOW_MS, key + " expires within the window: " + ttl);
        }
    }

    /** Beyond the configured concurrent password checks, a sign-in is refused at once. */
    @Test
    void concurrentPasswordChecksAreCapped() throws InterruptedException {
        String manager = Distribution.manager();
        Semaphore checks = throttle.checks();
        int all = checks.availablePermits();
        checks.acquire(all); // as if that many checks were under way
        try {
            basic(manager, Distribution.USER_PASSWORD, Fixtures.randomAddress()).then().statusCode(429)
                    .header("Retry-After", equalTo("1")).body("detail", containsString("at once"));
            Response busy = form(manager, Distribution.USER_PASSWORD, Fixtures.randomAddress());
            busy.then().statusCode(303).header("Retry-After", equalTo("1"))
                    .header("Location", endsWith("/console/login?busy=1"));
            assertNull(busy.getCookie("clickgive-console"), "no session for a sign-in never checked");
            given().auth().none().get(busy.getHeader("Location") + "&lang=en").then().statusCode(200)
                    .body(containsString("Too many sign-ins at once; try again in a moment."));
        } finally {
            checks.release(all);
        }
        basic(manager, Distribution.USER_PASSWORD, Fixtures.randomAddress()).then().statusCode(200);
        // Each check gave its share back, signed in or not.
        basic(manager, "wrong", Fixtures.randomAddress()).then().statusCode(401);
        assertEquals(all, checks.availablePermits());
    }

    /**
     * Guesses already over a limit are refused without taking a password check: a flood of them from one address leaves
     * the checks free for everyone else.
     */
    @Test
    void refusedGuessesTakeNoPasswordCheck() throws InterruptedException {
        String manager = Distribution.manager();
        String address = Fixtures.randomAddress();
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            basic(manager, "wrong-" + i, address).then().statusCode(401);
        }
        awaitCounted(accountKey(manager), LoginThrottle.PER_USER);
        Semaphore checks = throttle.checks();
        int all = checks.availablePermits();
        checks.acquire(all);
        try {
            // Not "busy": the limit answers first, and it needs no check.
            basic(manager, "wrong", address).then().statusCode(429).body("detail", containsString("failed sign-ins"));
            form(manager, "wrong", address).then().statusCode(303).header("Location", containsString("wait="));
        } finally {
            checks.release(all);
        }
        assertEquals(all, checks.availablePermits());
    }

    /**
     * A failure is counted as its answer leaves: waits until the counter in Redis holds {@code failures} (the one the
     * throttle itself reads), at most 5 s.
     */
    private void awaitCounted(String key, int failures) {
        org.awaitility.Awaitility.await(key + " reaches " + failures + " failures").atMost(java.time.Duration.ofSeconds(5))
                .pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(10)).until(() -> {
                    String count = redis.value(String.class).get(key);
                    return count != null && Integer.parseInt(count) >= failures;
                });
    }

    private String accountKey(String user) {
        return "cg:{sign-in}:u:" + throttle.accountOf(user);
    }

    private String addressKey(String address) {
        return "cg:{sign-in}:a:" + throttle.addressOf(address);
    }

    private static Response form(String user, String password, String address) {
        return given().auth().none().redirects().follow(false).header("X-Forwarded-For", address)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }

    private static Response basic(String user, String password, String address) {
        return given().auth().preemptive().basic(user, password).header("X-Forwarded-For", address)
                .get("/api/manage/campaigns");
    }
}
