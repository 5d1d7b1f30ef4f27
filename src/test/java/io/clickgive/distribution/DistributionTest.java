package io.clickgive.distribution;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tablets from stock to a beneficiary's hands, through one state machine; every refused move changes nothing. */
@QuarkusTest
class DistributionTest {

    @Inject
    AgroalDataSource db;

    /** A campaign with one allocation of {@code bundles} bundles to a school in MA-07; returns [slug, school, allocation, request]. */
    private static Object[] allocated(int bundles) {
        String slug = Fixtures.liveCampaign("delivery");
        Distribution.donate(slug, 100 * bundles);
        Distribution.bundleSizes(slug, 1_000);
        String school = Distribution.beneficiary("MA-07", 120);
        int request = Distribution.submit(slug, school, 120, bundles);
        Distribution.approve(request);
        Distribution.tablets(bundles);
        int allocation = given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 1_000))
                .post("/api/manage/campaigns/{slug}/allocations", slug).then().statusCode(201)
                .body("allocations", hasSize(1)).body("allocations[0].bundles", equalTo(bundles))
                .extract().path("allocations[0].id");
        return new Object[] {slug, school, allocation, request};
    }

    @Test
    void aTabletGoesFromStockToABeneficiaryAndTheRequestFollows() {
        Object[] setup = allocated(2);
        String school = (String) setup[1];
        int allocation = (int) setup[2];
        int request = (int) setup[3];
        List<String> serials = Distribution.tablets(2);
        String distributor = Distribution.distributor("MA-07", "MA-08");
        String user = Distribution.distributorUser(distributor);

        post("/api/manage/tablets/preload", Map.of("serials", serials, "allocation", allocation)).statusCode(200)
                .body("status", everyItem(equalTo("PRELOADED"))).body("bundleMegabytes", everyItem(equalTo(1_000)));
        post("/api/manage/tablets/ship", Map.of("serials", serials, "distributor", distributor)).statusCode(200)
                .body("distributor", everyItem(equalTo(distributor)));
        as(user).get("/api/distribute/{d}/tablets?status=SHIPPED", distributor).then().statusCode(200)
                .body("serial", hasItem(serials.get(0))).body("", hasSize(2));
        post(user, "/api/distribute/" + distributor + "/tablets/assign", Map.of("serials", serials, "beneficiary", school))
                .statusCode(200).body("beneficiary", everyItem(equalTo(school)));
        post(user, "/api/distribute/" + distributor + "/tablets/deliver", Map.of("deliveries", List.of(
                Map.of("serial", serials.get(0), "deliveredOn", LocalDate.now().minusDays(1).toString(),
                        "recipient", "Mme Aït Lahcen, directrice", "note", "Salle informatique"))))
                .statusCode(200).body("[0].status", equalTo("DELIVERED"));
        given().get("/api/manage/requests/{id}", request).then().body("status", equalTo("ALLOCATED"));
        post(user, "/api/distribute/" + distributor + "/tablets/deliver", Map.of("deliveries", List.of(
                Map.of("serial", serials.get(1), "deliveredOn", LocalDate.now().toString(), "recipient", "M. Idrissi"))))
                .statusCode(200);
        given().get("/api/manage/requests/{id}", request).then().body("status", equalTo("DELIVERED"));
        post("/api/manage/requests/" + request + "/usage", Map.of("summary", "Cours à distance pour 3 classes",
                "peopleReached", 96, "gigabytesUsed", 2)).statusCode(200).body("status", equalTo("USAGE_REPORTED"));

        given().get("/api/manage/tablets/{serial}", serials.get(0)).then().statusCode(200)
                .body("recipient", equalTo("Mme Aït Lahcen, directrice"))
                .body("history.to", equalTo(List.of("IN_STOCK", "PRELOADED", "SHIPPED", "ASSIGNED", "DELIVERED")))
                .body("history[4].actor", equalTo(user)).body("history[1].actor", equalTo("admin"))
                .body("history[3].beneficiary", equalTo(school));

        // The report follows the data from the ledger to the school; the likes came without a region.
        String slug = (String) setup[0];
        given().get("/api/manage/campaigns/{slug}/report", slug).then().statusCode(200)
                .body("total.donatedMegabytes", equalTo(2_000)).body("total.allocatedMegabytes", equalTo(2_000))
                .body("total.tabletsDelivered", equalTo(2)).body("total.peopleReached", equalTo(120))
                .body("regions.find { it.region == 'MA-07' }.tabletsShipped", equalTo(2))
                .body("regions.find { it.region == 'MA-07' }.beneficiariesReached", equalTo(1))
                .body("regions.find { it.region == 'MA-07' }.allocatedGigabytes", equalTo(2.0f))
                .body("regions.find { it.region == 'MA-08' }.tabletsPreloaded", equalTo(0))
                .body("regions.find { it.region == null }.donatedMegabytes", equalTo(2_000));
        String csv = given().get("/api/manage/campaigns/{slug}/report/csv", slug).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(15, lines.size(), csv);                  // header, 12 regions, unknown, total
        assertEquals("MA-07,0,0.000,2000,2.000,2,2,2,2000,2.000,1,120,0,0,0.000,0", lines.get(7));
        assertEquals("total,2000,2.000,2000,2.000,2,2,2,2000,2.000,1,120,0,0,0.000,0", lines.get(14));
    }

    @Test
    void illegalMovesAreRefusedWithTheirReasonAndChangeNothing() {
        Object[] setup = allocated(3);
        String school = (String) setup[1];
        int allocation = (int) setup[2];
        List<String> serials = Distribution.tablets(3);
        String here = Distribution.distributor("MA-07");
        String elsewhere = Distribution.distributor("MA-01");
        String farSchool = Distribution.beneficiary("MA-01", 10);
        String a = serials.get(0);
        String b = serials.get(1);
        String c = serials.get(2);

        // Ship before preloading.
        post("/api/manage/tablets/ship", Map.of("serials", List.of(a), "distributor", here)).statusCode(409)
                .body("detail", containsString("IN_STOCK cannot become SHIPPED"));
        post("/api/manage/tablets/preload", Map.of("serials", List.of(a, b), "allocation", allocation)).statusCode(200);
        long bundle = ((Number) given().get("/api/manage/tablets/{s}", a).path("bundle")).longValue();
        // Preload a bundle twice.
        post("/api/manage/tablets/preload", Map.of("serials", List.of(c), "bundle", bundle)).statusCode(409)
                .body("detail", containsString("on tablet '" + a + "' already"));
        // Ship to a distributor that does not serve the school's region: nothing shipped, not even the good one.
        post("/api/manage/tablets/ship", Map.of("serials", List.of(a, b), "distributor", elsewhere)).statusCode(409)
                .body("violations", hasSize(2)).body("detail", containsString("does not serve"));
        given().get("/api/manage/tablets/{s}", a).then().body("status", equalTo("PRELOADED"));
        // Deliver before shipping: the tablet is not the distributor's (404, nothing revealed).
        post("/api/distribute/" + here + "/tablets/deliver", Map.of("deliveries", List.of(Map.of("serial", a,
                "deliveredOn", LocalDate.now().toString(), "recipient", "x")))).statusCode(404);
        post("/api/manage/tablets/ship", Map.of("serials", List.of(a, b), "distributor", here)).statusCode(200);
        // Deliver before assigning.
        post("/api/distribute/" + here + "/tablets/deliver", Map.of("deliveries", List.of(Map.of("serial", a,
                "deliveredOn", LocalDate.now().toString(), "recipient", "x")))).statusCode(409)
                .body("detail", containsString("SHIPPED cannot become DELIVERED"));
        // Assign outside the distributor's regions.
        post("/api/distribute/" + here + "/tablets/assign", Map.of("serials", List.of(a), "beneficiary", farSchool))
                .statusCode(409).body("detail", containsString("serves [MA-07]"));
        // Another distributor reaching these tablets.
        post("/api/distribute/" + elsewhere + "/tablets/assign", Map.of("serials", List.of(a), "beneficiary", school))
                .statusCode(404);
        post("/api/distribute/" + here + "/tablets/assign", Map.of("serials", List.of(a), "beneficiary", school))
                .statusCode(200);
        // Assign twice: once alone, once in a batch with a good tablet — the batch is refused whole.
        post("/api/distribute/" + here + "/tablets/assign", Map.of("serials", List.of(a), "beneficiary", school))
                .statusCode(409).body("detail", containsString("assigned already to '" + school + "'"));
        post("/api/distribute/" + here + "/tablets/assign", Map.of("serials", List.of(b, a), "beneficiary", school))
                .statusCode(409);
        given().get("/api/manage/tablets/{s}", b).then().body("status", equalTo("SHIPPED"));
        // A delivery dated tomorrow.
        post("/api/distribute/" + here + "/tablets/deliver", Map.of("deliveries", List.of(Map.of("serial", a,
                "deliveredOn", LocalDate.now().plusDays(2).toString(), "recipient", "x")))).statusCode(409)
                .body("detail", containsString("future"));
        post("/api/manage/tablets/preload", Map.of("serials", List.of(c))).statusCode(400);
        given().get("/api/distribute/{d}/tablets?status=FLYING", here).then().statusCode(400)
                .body("detail", containsString("DELIVERED"));
        post("/api/manage/tablets/ship", Map.of("serials", List.of(a, a), "distributor", here)).statusCode(400);

        // Every refusal above left no event: a's history is import, preload, ship, assign.
        assertEquals(4L, new Ledger(db).single("SELECT count(*) FROM tablet_event e JOIN tablet t ON t.id = e.tablet_id "
                + "WHERE t.serial = ?", a));
        assertEquals(1L, new Ledger(db).single("SELECT count(*) FROM tablet WHERE bundle_id = ?", bundle));
    }

    @Test
    void aReturnedTabletIsRestockedEmptyAndItsBundleCanGoOnAnother() {
        Object[] setup = allocated(1);
        int allocation = (int) setup[2];
        List<String> serials = Distribution.tablets(2);
        post("/api/manage/tablets/preload", Map.of("serials", List.of(serials.get(0)), "allocation", allocation))
                .statusCode(200);
        post("/api/manage/tablets/preload", Map.of("serials", List.of(serials.get(1)), "allocation", allocation))
                .statusCode(409).body("detail", containsString("0 bundles left"));
        post("/api/manage/tablets/restock", Map.of("serials", List.of(serials.get(0)))).statusCode(409);
        post("/api/manage/tablets/return", Map.of("serials", List.of(serials.get(0)), "note", "Screen cracked"))
                .statusCode(200).body("[0].status", equalTo("RETURNED"));
        post("/api/manage/tablets/restock", Map.of("serials", List.of(serials.get(0)))).statusCode(200)
                .body("[0].status", equalTo("IN_STOCK")).body("[0].bundle", equalTo(null));
        post("/api/manage/tablets/preload", Map.of("serials", List.of(serials.get(1)), "allocation", allocation))
                .statusCode(200);
        post("/api/manage/tablets/lost", Map.of("serials", List.of(serials.get(0)))).statusCode(200);
        post("/api/manage/tablets/restock", Map.of("serials", List.of(serials.get(0)))).statusCode(409)
                .body("detail", containsString("final"));
    }

    @Test
    void tabletImportChecksImeisAndSerials() {
        String good = Distribution.unique("T").toUpperCase();
        String imei = Distribution.imei();
        String badCheck = imei.substring(0, 14) + ((imei.charAt(14) - '0' + 1) % 10);
        String csv = "serial,imei,model\n" + good + "," + imei + ",Lenovo Tab M10\n"
                + Distribution.unique("T").toUpperCase() + "," + badCheck + ",Lenovo Tab M10\n"
                + "x," + Distribution.imei() + ",Lenovo\n"
                + Distribution.unique("T").toUpperCase() + "," + imei + ",Lenovo\n";
        given().contentType("text/csv").body(csv).post("/api/manage/tablets/import").then().statusCode(422)
                .body("errors", hasSize(3)).body("errors[0].message", containsString("check digit"));
        given().get("/api/manage/tablets/{s}", good).then().statusCode(404);
        given().contentType("text/csv").body(csv).post("/api/manage/tablets/import?mode=keep-valid").then()
                .statusCode(200).body("imported", equalTo(1));
        given().contentType("text/csv").body("serial,imei,model\n" + good + "," + imei + ",Lenovo Tab M10\n")
                .post("/api/manage/tablets/import").then().statusCode(200).body("skipped", equalTo(1));
        given().contentType("text/csv").body("serial,imei,model\n" + good + "," + Distribution.imei() + ",Lenovo\n")
                .post("/api/manage/tablets/import").then().statusCode(422)
                .body("errors[0].message", containsString("another IMEI"));
    }

    private static io.restassured.response.ValidatableResponse post(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** As a signed-in distributor user rather than the admin. */
    private static io.restassured.response.ValidatableResponse post(String user, String path, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, Distribution.USER_PASSWORD);
    }
}
