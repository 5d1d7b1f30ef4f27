package io.clickgive;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

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

    public static Map<String, Object> draft(String slug) {
        return Map.of(
                "slug", slug,
                "names", Map.of("ar", "رمضان", "fr", "Ramadan", "en", "Ramadan"),
                "opensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(),
                "goalGigabytes", 400);
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

    public static Session startSession(String slug) {
        return startSession(slug, Map.of("fingerprint", UUID.randomUUID().toString()));
    }

    /** A session for a player of its own network (a random documentation address, passed on by our local proxy). */
    public static Session startSession(String slug, Map<String, Object> request) {
        Response response = given().contentType(ContentType.JSON).body(request).header("X-Forwarded-For", randomAddress())
                .post("/api/campaigns/{slug}/sessions", slug).then().statusCode(201).extract().response();
        return new Session(response.path("sessionId"), response.path("token"));
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

    /** Totals as the public sees them once the in-process cache (250 ms) has let go of older figures. */
    public static Response totals(String slug) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return given().get("/api/campaigns/{slug}/totals", slug).then().statusCode(200).extract().response();
    }
}
