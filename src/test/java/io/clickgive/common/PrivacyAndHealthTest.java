package io.clickgive.common;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.Ledger;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PrivacyAndHealthTest {

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    /**
     * Invariant 6: neither the player's address, nor its identity (or the id inside it), nor a subscriber number is
     * stored in clear, in Redis or PostgreSQL.
     */
    @Test
    void noAddressOrIdentityIsStoredInClear() throws InterruptedException {
        String slug = Fixtures.liveCampaign("privacy");
        String address = "198.51.100.77";
        String identity = Fixtures.mintIdentity(address);
        String id = identity.split("\\.")[1];
        Session withIdentity = Fixtures.startSession(slug, Map.of("identity", identity), address);
        Session withoutIdentity = Fixtures.startSession(slug, Map.of(), "198.51.100.78");
        Fixtures.sendBatch(withIdentity, 1, Fixtures.offsets(0, 5, 100)).then().statusCode(200);
        Fixtures.sendBatch(withoutIdentity, 1, Fixtures.offsets(0, 6, 100)).then().statusCode(200);
        new Ledger(db).awaitClicks(slug, 11, Duration.ofSeconds(10));

        StringBuilder stored = new StringBuilder();
        for (String key : redis.key().scan(new KeyScanArgs().match("cg:*").count(1000)).toIterable()) {
            stored.append(key).append('\n').append(dump(key)).append('\n');
        }
        assertFalse(stored.isEmpty());
        for (String secret : new String[]{identity, id, address, "198.51.100.78", "127.0.0.1", "0:0:0:0:0:0:0:1"}) {
            assertFalse(stored.toString().contains(secret), "Redis holds " + secret);
            assertEquals(0, new Ledger(db).single("SELECT count(*) FROM donation WHERE player LIKE ? OR session_id LIKE ?",
                    "%" + secret + "%", "%" + secret + "%"), "the ledger holds " + secret);
        }
    }

    private String dump(String key) {
        return switch (redis.key().type(key)) {
            case HASH -> redis.hash(String.class).hgetall(key).toString();
            case STREAM -> redis.stream(String.class).xrange(key, io.quarkus.redis.datasource.stream.StreamRange.of("-", "+")).toString();
            default -> String.valueOf(redis.execute("DUMP", key));
        };
    }

    /** No client address in the app's logs: no access log, and no refusal or failure writes the address it saw. */
    @Test
    void noClientAddressReachesTheLogs() {
        assertFalse(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.access-log.enabled", Boolean.class).orElse(false), "no access log");
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                // The message, its parameters (printf-style ones are not formatted by JUL) and any failure's text.
                lines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                        + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            java.util.logging.Logger.getLogger("io.clickgive.probe").warning("probe");
            String address = "192.0.2.177";
            String slug = Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("logs"), Map.of()));
            String identity = Fixtures.mintIdentity(address);
            Session session = Fixtures.startSession(slug, Map.of("identity", identity), address);
            Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 5, 1)).then().statusCode(200); // too fast: refused clicks
            given().header("X-Forwarded-For", address).contentType("application/json").body(Map.of("identity", "forged"))
                    .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(401);
            given().header("X-Forwarded-For", address).contentType("application/json").body("{not json")
                    .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(400);
            given().header("X-Forwarded-For", address).contentType("application/json").body(Map.of("identity", identity))
                    .post("/api/campaigns/{slug}/sessions", "no-such-campaign").then().statusCode(404);
            given().header("X-Forwarded-For", address).auth().preemptive().basic("admin", "wrong-password")
                    .get("/api/manage/campaigns").then().statusCode(401);
            given().header("X-Forwarded-For", address).redirects().follow(false).formParam("j_username", "admin")
                    .formParam("j_password", "wrong").post("/j_security_check").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("probe")), "the capture sees the app's log");
        // The address in any spelling the code holds it in: dotted, or as the hex of its network blocks.
        for (String spelling : java.util.List.of("192.0.2.", "c00002")) {
            lines.forEach(line -> assertFalse(line.toLowerCase().contains(spelling), "logged: " + line));
        }
    }

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : java.util.List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/openapi?format=json")) {
            given().get(path).then().statusCode(404);
            Fixtures.management().get(path).then().statusCode(200);
        }
    }

    @Test
    void readinessPingsPostgresqlAndRedis() {
        Fixtures.management().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Redis connection health check"));
    }

    @Test
    void metricsCountClicksByOutcomeAndReasonOnce() {
        java.util.Map<String, Object> draft = new java.util.HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("metrics")));
        draft.put("maxClicksPerSession", 10);
        String slug = Fixtures.liveCampaign(draft);
        Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 14, 100)).then().statusCode(200);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 14, 100)).then().statusCode(200);
        String metrics = Fixtures.management().get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.matchesPattern(
                "(?s).*clickgive_clicks_total\\{campaign=\"" + slug + "\",outcome=\"accepted\"[^}]*} 10\\.0.*"));
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.matchesPattern(
                "(?s).*clickgive_clicks_total\\{campaign=\"" + slug + "\",outcome=\"rejected\",reason=\"CAP\"[^}]*} 4\\.0.*"));
    }
}
