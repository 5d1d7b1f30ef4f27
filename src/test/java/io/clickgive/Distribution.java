package io.clickgive;

import io.clickgive.distribution.Imei;
import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;

/** Test set-ups for allocation and distribution through the manager API: donations, beneficiaries, requests, tablets. */
public final class Distribution {

    private Distribution() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Donates {@code likes} × 10 MB to the campaign through the likes import, straight into the ledger. */
    public static void donate(String slug, int likes) {
        String batch = UUID.randomUUID().toString();
        List<Map<String, Object>> items = IntStream.range(0, likes)
                .mapToObj(i -> Map.<String, Object>of("externalId", batch + "-" + i)).toList();
        given().contentType(ContentType.JSON).body(Map.of("likes", items))
                .post("/api/manage/campaigns/{slug}/likes", slug).then().statusCode(200);
    }

    public static void bundleSizes(String slug, Integer... megabytes) {
        given().contentType(ContentType.JSON).body(Map.of("megabytes", List.of(megabytes)))
                .put("/api/manage/campaigns/{slug}/bundle-sizes", slug).then().statusCode(200);
    }

    /** Registers a school in the region; returns its code. */
    public static String beneficiary(String region, int people) {
        String code = unique("sch");
        given().contentType(ContentType.JSON).body(Map.of("code", code, "kind", "SCHOOL", "name", "مدرسة " + code,
                        "region", region, "province", "Al Haouz", "peopleServed", people))
                .post("/api/manage/beneficiaries").then().statusCode(201);
        return code;
    }

    public static int submit(String slug, String beneficiary, int people, int tablets) {
        return given().contentType(ContentType.JSON).body(Map.of("beneficiary", beneficiary, "purpose",
                        "Distance learning", "people", people, "place", "Douar Tikht", "tablets", tablets))
                .post("/api/manage/campaigns/{slug}/requests", slug).then().statusCode(201).extract().path("id");
    }

    public static void approve(int request) {
        given().contentType(ContentType.JSON).body(Map.of("decision", "APPROVED", "reason", "Eligible school"))
                .post("/api/manage/requests/{id}/review", request).then().statusCode(200);
    }

    /** An approved request of a new school; returns the request id. */
    public static int approvedRequest(String slug, String region, int people, int tablets) {
        int request = submit(slug, beneficiary(region, people), people, tablets);
        approve(request);
        return request;
    }

    public static String imei() {
        StringBuilder digits = new StringBuilder("35");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (digits.length() < 14) {
            digits.append(random.nextInt(10));
        }
        return digits.toString() + Imei.checkDigit(digits.toString());
    }

    /** Imports {@code count} new tablets; returns their serials. */
    public static List<String> tablets(int count) {
        List<String> serials = new ArrayList<>();
        StringBuilder csv = new StringBuilder("serial,imei,model\n");
        for (int i = 0; i < count; i++) {
            String serial = unique("TAB").toUpperCase();
            serials.add(serial);
            csv.append(serial).append(',').append(imei()).append(",Galaxy Tab A9\n");
        }
        given().contentType("text/csv").body(csv.toString()).post("/api/manage/tablets/import").then().statusCode(200);
        return serials;
    }

    public static final String USER_PASSWORD = "a-long-enough-password";

    /** A distributor user of the organisation, created by the admin; returns its user name. */
    public static String distributorUser(String distributor) {
        String username = distributor + "-user";
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", USER_PASSWORD,
                "role", "distributor", "distributor", distributor)).post("/api/admin/users").then().statusCode(201);
        return username;
    }

    /** A manager user; returns its user name. */
    public static String manager() {
        String username = unique("manager");
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", USER_PASSWORD,
                "role", "manager")).post("/api/admin/users").then().statusCode(201);
        return username;
    }

    /** A campaign with tablets on their way: shipped to {@code distributor}, assigned to {@code school}. */
    public record Prepared(String slug, String school, String distributor, String user, List<String> serials) {
    }

    /**
     * {@code likes} × 10 MB donated, one school in MA-07 allocated {@code tablets} bundles of 1 000 MB, the tablets
     * preloaded, shipped to a distributor and assigned to the school by the distributor's user.
     */
    public static Prepared assignedCampaign(int likes, int tablets) {
        Allocated allocated = allocatedCampaign("delivered", likes, tablets);
        String slug = allocated.slug();
        String school = allocated.school();
        List<String> serials = allocated.serials();
        int allocation = allocated.allocation();
        String distributor = distributor("MA-07");
        String user = distributorUser(distributor);
        given().contentType(ContentType.JSON).body(Map.of("serials", serials, "allocation", allocation))
                .post("/api/manage/tablets/preload").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("serials", serials, "distributor", distributor))
                .post("/api/manage/tablets/ship").then().statusCode(200);
        given().auth().preemptive().basic(user, USER_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("serials", serials, "beneficiary", school))
                .post("/api/distribute/{d}/tablets/assign", distributor).then().statusCode(200);
        return new Prepared(slug, school, distributor, user, serials);
    }

    /** A campaign whose one request (a school in MA-07) was allocated bundles of 1 000 MB, and tablets in stock. */
    public record Allocated(String slug, String school, List<String> serials, int allocation) {
    }

    /** {@code likes} × 10 MB donated, a school's request for {@code tablets} approved and allocated, as many tablets. */
    public static Allocated allocatedCampaign(String prefix, int likes, int tablets) {
        String slug = Fixtures.liveCampaign(prefix);
        donate(slug, likes);
        bundleSizes(slug, 1_000);
        String school = beneficiary("MA-07", 80);
        approve(submit(slug, school, 80, tablets));
        List<String> serials = tablets(tablets);
        int allocation = given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 1_000))
                .post("/api/manage/campaigns/{slug}/allocations", slug).then().statusCode(201)
                .extract().path("allocations[0].id");
        return new Allocated(slug, school, serials, allocation);
    }

    /** Like {@link #assignedCampaign}, with the tablets delivered. Returns the campaign's slug. */
    public static String deliveredCampaign(int likes, int tablets) {
        Prepared prepared = assignedCampaign(likes, tablets);
        given().auth().preemptive().basic(prepared.user(), USER_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("deliveries", prepared.serials().stream().map(s -> Map.of("serial", s, "deliveredOn",
                        java.time.LocalDate.now().minusDays(1).toString(), "recipient", "Directrice")).toList()))
                .post("/api/distribute/{d}/tablets/deliver", prepared.distributor()).then().statusCode(200);
        return prepared.slug();
    }

    public static String distributor(String... regions) {
        String code = unique("dist").toLowerCase();
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Association " + code,
                "regions", List.of(regions))).post("/api/manage/distributors").then().statusCode(201);
        return code;
    }
}
