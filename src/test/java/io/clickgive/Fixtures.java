package io.clickgive;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;

/** Test journeys through the public HTTP API: a campaign of one's own, sessions, batches. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A campaign with its guard off: the click engine's tests look at counting, and send evenly spaced test clicks the
     * guard would rightly call scripted. The guard's tests use {@link #guardedDraft}.
     */
    public static Map<String, Object> draft(String slug) {
        return Map.of(
                "slug", slug,
                "names", Map.of("ar", "رمضان", "fr", "Ramadan", "en", "Ramadan"),
                "opensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(),
                "goalGigabytes", 400,
                "guard", Map.of("enabled", false, "futureToleranceMs", LENIENT_FUTURE_MS));
    }

    /**
     * Tests send a session's batches at once rather than over its ten seconds; the clock check on offsets (FUTURE) is
     * relaxed for them, and tested on its own with the default tolerance.
     */
    public static final int LENIENT_FUTURE_MS = 600_000;

    /** A campaign with the guard on, its defaults changed by {@code guard}. */
    public static Map<String, Object> guardedDraft(String slug, Map<String, Object> guard) {
        Map<String, Object> draft = new java.util.HashMap<>(draft(slug));
        Map<String, Object> settings = new java.util.HashMap<>(guard);
        settings.putIfAbsent("futureToleranceMs", LENIENT_FUTURE_MS);
        draft.put("guard", settings);
        return draft;
    }

    public static String createCampaign(Map<String, Object> draft) {
        given().contentType(ContentType.JSON).body(draft).post("/api/manage/campaigns").then().statusCode(201);
        return (String) draft.get("slug");
    }

    public static String liveCampaign(String prefix) {
        return liveCampaign(draft(uniqueSlug(prefix)));
    }

    public static String liveCampaign(Map<String, Object> draft) {
        String slug = createCampaign(draft);
        setStatus(slug, "LIVE");
        return slug;
    }

    public static void setStatus(String slug, String status) {
        given().contentType(ContentType.JSON).body(Map.of("status", status))
                .post("/api/manage/campaigns/{slug}/status", slug).then().statusCode(200);
    }

    /** A granted session: its id and token. */
    public record Session(String id, String token) {
    }

    /** A session for a new player of its own network. */
    public static Session startSession(String slug) {
        String address = randomAddress();
        return startSession(slug, Map.of("identity", mintIdentity(address)), address);
    }

    /** A session for this request (a new player of its own network unless it names an identity). */
    public static Session startSession(String slug, Map<String, Object> request) {
        String address = randomAddress();
        Map<String, Object> asked = new java.util.HashMap<>(request);
        asked.putIfAbsent("identity", mintIdentity(address));
        return startSession(slug, asked, address);
    }

    /** A session from this address (passed on by our local proxy, as a load balancer would). */
    public static Session startSession(String slug, Map<String, Object> request, String address) {
        Map<String, Object> solved = new java.util.HashMap<>(request);
        solved.put("proof", solve(challenge(slug, request.get("identity"), address)));
        Response response = given().contentType(ContentType.JSON).body(solved).header("X-Forwarded-For", address)
                .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(201).extract().response();
        return new Session(response.path("sessionId"), response.path("token"));
    }

    /** A team the player creates on the campaign (the API's create, answered 201): its invite code. */
    public static String team(String slug, String identity, String address, String name, String region) {
        return given().contentType("application/json; charset=UTF-8").header("X-Forwarded-For", address)
                .body(Map.of("identity", identity, "name", name, "region", region))
                .post("/api/campaigns/{slug}/teams", slug).then().statusCode(201).extract().path("code");
    }

    /** A session for a new player, or null when the campaign refuses new rounds with a 409 (not open, purse spent). */
    public static Session startSessionOrNull(String slug) {
        String address = randomAddress();
        Map<String, Object> request = new java.util.HashMap<>(Map.of("identity", mintIdentity(address)));
        request.put("proof", solve(challenge(slug, request.get("identity"), address)));
        Response response = given().contentType(ContentType.JSON).body(request).header("X-Forwarded-For", address)
                .post("/api/campaigns/{slug}/sessions", slug).then().extract().response();
        if (response.statusCode() == 409) {
            return null;
        }
        return new Session(response.then().statusCode(201).extract().path("sessionId"), response.path("token"));
    }

    /** A challenge for the player the identity (or, without one on a campaign without guard, the address) names. */
    public static Map<String, Object> challenge(String slug, Object identity, String forwardedFor) {
        Map<String, Object> body = identity == null ? Map.of() : Map.of("identity", identity);
        return given().contentType(ContentType.JSON).body(body).header("X-Forwarded-For", forwardedFor)
                .post("/api/campaigns/{slug}/challenges", slug).then().statusCode(200).extract().path("$");
    }

    /** A new player identity, minted from this address the way the page does: ask the puzzle, solve it, pay. */
    public static String mintIdentity(String forwardedFor) {
        Map<String, Object> puzzle = given().header("X-Forwarded-For", forwardedFor)
                .post("/api/identities/challenges").then().statusCode(200).extract().path("$");
        return given().contentType(ContentType.JSON).body(Map.of("proof", solve(puzzle)))
                .header("X-Forwarded-For", forwardedFor).post("/api/identities")
                .then().statusCode(201).extract().path("identity");
    }

    /** Solves a challenge the way the page's worker does: tries every number until the hash matches. */
    public static Map<String, Object> solve(Map<String, Object> challenge) {
        String salt = (String) challenge.get("salt");
        long max = ((Number) challenge.get("maxNumber")).longValue();
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.util.HexFormat hex = java.util.HexFormat.of();
            for (long n = 0; n <= max; n++) {
                byte[] hash = sha.digest((salt + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (hex.formatHex(hash).equals(challenge.get("challenge"))) {
                    return Map.of("salt", salt, "number", n, "signature", challenge.get("signature"));
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("No number up to " + max + " solves " + challenge);
    }

    public static String randomAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public static Response sendBatch(Session session, int seq, List<Integer> offsets) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", session.token(), "seq", seq, "offsets", offsets))
                .post("/api/sessions/{id}/batches", session.id());
    }

    /** count offsets, evenly spread from {@code from} ms with {@code step} ms between clicks. */
    public static List<Integer> offsets(int from, int count, int step) {
        return IntStream.range(0, count).map(i -> from + i * step).boxed().toList();
    }

    /** Session refusals decided before Redis reach it at the next flush (every second): waits for them, 5 s at most. */
    public static io.restassured.response.ValidatableResponse awaitRefused(String slug, String reason, int expected) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(100)).untilAsserted(() -> refusals(slug)
                        .body("refusedSessions." + reason, org.hamcrest.Matchers.equalTo(expected)));
        return refusals(slug).body("refusedSessions." + reason, org.hamcrest.Matchers.equalTo(expected));
    }

    private static io.restassured.response.ValidatableResponse refusals(String slug) {
        forgetTotals(slug);
        return given().get("/api/manage/campaigns/{slug}/rejections", slug).then().statusCode(200);
    }

    /** Totals as the public sees them once the in-process cache (250 ms) has let go of older figures. */
    public static Response totals(String slug) {
        forgetTotals(slug);
        return given().get("/api/campaigns/{slug}/totals", slug).then().statusCode(200).extract().response();
    }

    /**
     * Lets go of the counters the service keeps for a few hundred ms (totals.TotalsService), as their time running out
     * would: the next read sees Redis as it is now.
     */
    public static void forgetTotals(String slug) {
        try {
            long id = io.quarkus.arc.Arc.container().instance(io.clickgive.campaign.CampaignCatalog.class).get()
                    .bySlug(slug).id();
            io.quarkus.arc.Arc.container().instance(io.clickgive.totals.TotalsService.class).get().forget(id);
        } catch (io.clickgive.web.ClientError unknown) {
            // nothing kept for a campaign the catalog does not know
        }
    }

    /**
     * A request to the management interface (health, metrics, OpenAPI): its own port, which the public never reaches.
     * Quarkus writes the port it bound (the test profile asks for any free one) back into the configuration.
     */
    public static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }
}
