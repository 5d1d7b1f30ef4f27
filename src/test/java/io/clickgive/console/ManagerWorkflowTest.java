package io.clickgive.console;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The manager's whole workflow in the console — beneficiaries, distributors, requests, the tablet inventory — through
 * the same services as the API: what a form does is what the API then shows, and a refused form comes back filled in
 * with each problem and changes nothing.
 */
@QuarkusTest
class ManagerWorkflowTest {

    @Test
    void beneficiariesAreRegisteredFilteredAndEdited() {
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/beneficiaries/new?lang=fr");
        String code = Distribution.unique("douar");
        // A connectivity site with its bandwidth but no phase or cost: refused, typed values kept, nothing stored.
        manager.request().formParams(site(code, token, "")).post("/console/beneficiaries").then().statusCode(400)
                .body(containsString("class=\"problems\"")).body(containsString("Douar Ighil"))
                .body(containsString("bandwidthMbps, installationCost and phase all together or none yet"));
        given().get("/api/manage/beneficiaries/{code}", code).then().statusCode(404);
        manager.request().formParams(site(code, token, "abc")).post("/console/beneficiaries").then().statusCode(400)
                .body(containsString("phase: a whole number"));

        manager.request().formParams(site(code, token, "2")).post("/console/beneficiaries").then().statusCode(303);
        given().get("/api/manage/beneficiaries/{code}", code).then().statusCode(200)
                .body("kind", equalTo("CONNECTIVITY_SITE")).body("bandwidthMbps", equalTo(40))
                .body("installationCost", equalTo(15000)).body("phase", equalTo(2));
        String sites = manager.page("/console/beneficiaries?lang=fr&kind=CONNECTIVITY_SITE&region=MA-07");
        org.junit.jupiter.api.Assertions.assertTrue(sites.contains(code), "the filtered list shows the site");
        String schools = manager.page("/console/beneficiaries?lang=fr&kind=SCHOOL");
        org.junit.jupiter.api.Assertions.assertFalse(schools.contains(code), "a site is not a school");

        Map<String, Object> edited = site(code, token, "2");
        edited.put("peopleServed", "640");
        manager.request().formParams(edited).post("/console/beneficiaries/{code}", code).then().statusCode(303);
        given().get("/api/manage/beneficiaries/{code}", code).then().body("peopleServed", equalTo(640));
    }

    @Test
    void distributorsAreRegisteredWithTheirRegionsAndUsers() {
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/distributors/new?lang=fr");
        String code = Distribution.unique("relais").toLowerCase();
        // No region: refused with the page filled in.
        manager.request().formParam("csrf", token).formParam("code", code).formParam("name", "Relais du Sud")
                .post("/console/distributors").then().statusCode(400).body(containsString("Relais du Sud"))
                .body(containsString("regions"));
        manager.request().formParam("csrf", token).formParam("code", code).formParam("name", "Relais du Sud")
                .formParam("region", "MA-08").formParam("region", "MA-09").post("/console/distributors")
                .then().statusCode(303);
        given().get("/api/manage/distributors/{code}", code).then().statusCode(200)
                .body("regions", equalTo(List.of("MA-08", "MA-09")));
        manager.request().formParam("csrf", token).formParam("name", "Relais du Sud").formParam("region", "MA-10")
                .post("/console/distributors/{code}", code).then().statusCode(303);
        given().get("/api/manage/distributors/{code}", code).then().body("regions", equalTo(List.of("MA-10")));
        String user = Distribution.distributorUser(code);
        org.junit.jupiter.api.Assertions.assertTrue(manager.page("/console/distributors").contains(user),
                "the list names the distributor's users");
    }

    @Test
    void aRequestIsReviewedCorrectedAndItsUsageReported() {
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String slug = Fixtures.liveCampaign("console-requests");
        int id = Distribution.submit(slug, Distribution.beneficiary("MA-07", 90), 90, 6);
        String page = "/console/campaigns/" + slug + "/requests/" + id;
        String token = manager.token(page + "?lang=fr");
        org.junit.jupiter.api.Assertions.assertTrue(manager.page("/console/campaigns/{slug}/requests?step=SUBMITTED",
                slug).contains("#" + id));

        // PARTLY_APPROVED without the number of tablets: the API's 400, the reason kept.
        manager.request().formParam("csrf", token).formParam("decision", "PARTLY_APPROVED")
                .formParam("reason", "Trois pour commencer").post(page + "/review").then().statusCode(400)
                .body(containsString("PARTLY_APPROVED needs approvedTablets"))
                .body(containsString("Trois pour commencer"));
        given().get("/api/manage/requests/{id}", id).then().body("status", equalTo("SUBMITTED"));
        manager.request().formParam("csrf", token).formParam("decision", "PARTLY_APPROVED")
                .formParam("approvedTablets", "3").formParam("reason", "Trois pour commencer")
                .post(page + "/review").then().statusCode(303);
        // A second review corrects the first and names it.
        manager.request().formParam("csrf", token).formParam("decision", "APPROVED")
                .formParam("reason", "Budget trouvé").post(page + "/review").then().statusCode(303);
        given().get("/api/manage/requests/{id}", id).then().body("status", equalTo("APPROVED"))
                .body("approvedTablets", equalTo(6)).body("steps[2].corrects", equalTo(
                        given().get("/api/manage/requests/{id}", id).then().extract().path("steps[1].id")));
        org.junit.jupiter.api.Assertions.assertTrue(manager.page(page + "?lang=fr").contains("Budget trouvé"));

        // Usage before delivery: the API's 409, on the page, nothing recorded.
        manager.request().formParam("csrf", token).formParam("summary", "Cours du soir")
                .formParam("peopleReached", "40").formParam("gigabytesUsed", "3").post(page + "/usage")
                .then().statusCode(409).body(containsString("once its tablets are delivered"));
        // Another campaign's request is unknown here.
        manager.request().formParam("csrf", token).formParam("decision", "DECLINED").formParam("reason", "x")
                .post("/console/campaigns/" + Fixtures.liveCampaign("other") + "/requests/" + id + "/review")
                .then().statusCode(404);
    }

    @Test
    void aDeliveredRequestsUsageIsReported() {
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String slug = Distribution.deliveredCampaign(1_000, 2);
        int id = given().get("/api/manage/campaigns/{slug}/requests", slug).then().extract().path("[0].id");
        String page = "/console/campaigns/" + slug + "/requests/" + id;
        String token = manager.token(page);
        manager.request().formParam("csrf", token).formParam("summary", "Cours du soir")
                .formParam("peopleReached", "40").formParam("gigabytesUsed", "x").post(page + "/usage")
                .then().statusCode(400).body(containsString("gigabytesUsed: a whole number"));
        manager.request().formParam("csrf", token).formParam("summary", "Cours du soir")
                .formParam("peopleReached", "40").formParam("gigabytesUsed", "1").post(page + "/usage")
                .then().statusCode(303);
        given().get("/api/manage/requests/{id}", id).then().body("status", equalTo("USAGE_REPORTED"));
    }

    @Test
    void tabletsArePreloadedShippedAndMovedFromTheInventory() {
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        Distribution.Allocated allocated = Distribution.allocatedCampaign("console-stock", 1_000, 2);
        List<String> serials = allocated.serials();
        int allocation = allocated.allocation();
        String north = Distribution.distributor("MA-01");
        String south = Distribution.distributor("MA-07");
        String token = manager.token("/console/stock?status=IN_STOCK");
        org.junit.jupiter.api.Assertions.assertTrue(manager.page("/console/stock?status=IN_STOCK")
                .contains("value=\"" + allocation + "\""), "the allocation is offered for preloading");

        manager.request().formParam("csrf", token).formParam("serial", serials.get(0))
                .formParam("serial", serials.get(1)).formParam("allocation", String.valueOf(allocation))
                .formParam("status", "IN_STOCK").post("/console/stock/preload").then().statusCode(303);
        // To a distributor that does not serve MA-07: refused, the same tablets still ticked, nothing shipped.
        String refused = manager.request().formParam("csrf", token).formParam("serial", serials.get(0))
                .formParam("serial", serials.get(1)).formParam("distributor", north).post("/console/stock/ship")
                .then().statusCode(409).body(containsString("No tablet was shipped"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("value=\"" + serials.get(1) + "\" id=\"s-"
                + serials.get(1) + "\" aria-label=\"" + serials.get(1) + "\" checked"), "the selection is kept");
        given().get("/api/manage/tablets/{serial}", serials.get(0)).then().body("status", equalTo("PRELOADED"));
        manager.request().formParam("csrf", token).formParam("serial", serials.get(0))
                .formParam("serial", serials.get(1)).formParam("distributor", south).post("/console/stock/ship")
                .then().statusCode(303);
        given().get("/api/manage/tablets?distributor={d}", south).then().body("serial", hasItem(serials.get(1)));

        manager.request().formParam("csrf", token).formParam("serial", serials.get(1)).formParam("to", "RETURNED")
                .formParam("note", "Écran fissuré").post("/console/stock/move").then().statusCode(303);
        manager.request().formParam("csrf", token).formParam("serial", serials.get(1)).formParam("to", "IN_STOCK")
                .post("/console/stock/move").then().statusCode(303);
        manager.request().formParam("csrf", token).formParam("serial", serials.get(1)).formParam("to", "GONE")
                .post("/console/stock/move").then().statusCode(400);
        String history = manager.page("/console/stock/{serial}?lang=fr", serials.get(1));
        for (String step : List.of("Importée", "Préchargée", "Forfait #", "Expédiée", "Retournée", "En stock",
                "Écran fissuré")) {
            org.junit.jupiter.api.Assertions.assertTrue(history.contains(step), "the history shows " + step);
        }
        // In the page's language: the audit's own English words ("imported", "to …") stay in the API.
        org.junit.jupiter.api.Assertions.assertFalse(history.contains(">imported<") || history.contains("to " + south),
                "the history speaks French");
        // Nothing ticked: the API's 400, on the page.
        manager.request().formParam("csrf", token).formParam("distributor", south).post("/console/stock/ship")
                .then().statusCode(400).body(containsString("class=\"problems\""));
        // A distributor cannot reach the inventory.
        String user = Distribution.distributorUser(south);
        ConsoleClient field = ConsoleClient.signIn(user, Distribution.USER_PASSWORD);
        field.request().get("/console/stock").then().statusCode(403);
        given().get("/api/manage/tablets/{serial}", serials.get(0)).then().body("status", not(equalTo("LOST")));
    }

    private static Map<String, Object> site(String code, String token, String phase) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("csrf", token, "lang", "fr", "code", code,
                "kind", "CONNECTIVITY_SITE", "name", "Douar Ighil", "region", "MA-07", "province", "Al Haouz",
                "peopleServed", "420"));
        form.put("bandwidthMbps", "40");
        if (!phase.isEmpty()) {
            form.put("phase", phase);
            form.put("installationCost", "15000");
        }
        return form;
    }
}
