package io.clickgive.console;

import io.clickgive.Distribution;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A manager takes a douar's site from survey to live in the console; a step refused comes back with its reason. */
@QuarkusTest
class SitePagesTest {

    @Test
    void aSiteIsTakenFromSurveyToLiveInTheConsole() {
        String code = Distribution.unique("site-console");
        given().contentType(ContentType.JSON).body(Map.of("code", code, "kind", "CONNECTIVITY_SITE", "name", "Douar Aït Ali",
                        "region", "MA-07", "province", "Al Haouz", "peopleServed", 240, "bandwidthMbps", 40,
                        "installationCost", 15_000, "phase", 1))
                .post("/api/manage/beneficiaries").then().statusCode(201);
        List<Integer> taken = given().get("/api/manage/sites/report").then().extract().path("phases.number");
        int phase = Math.max(79, taken.stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/sites?lang=fr");
        manager.request().formParam("csrf", token).formParam("number", String.valueOf(phase))
                .formParam("name", "Phase d'essai").formParam("budgetMad", "30000").formParam("planned", "2")
                .post("/console/sites/phases").then().statusCode(303);
        String page = "/console/sites/" + code;

        // No findings: refused with the page and what was typed.
        manager.request().formParam("csrf", token).formParam("step", "survey").formParam("partner", "Association Tichka")
                .formParam("surveyedOn", LocalDate.now().minusDays(9).toString()).formParam("gridPower", "on")
                .post(page).then().statusCode(400).body(containsString("Association Tichka"))
                .body(containsString("findings"));
        manager.request().formParam("csrf", token).formParam("step", "survey").formParam("partner", "Association Tichka")
                .formParam("surveyedOn", LocalDate.now().minusDays(9).toString()).formParam("gridPower", "on")
                .formParam("findings", "École sous tente, réseau électrique à 50 m").post(page).then().statusCode(303);
        // An installation before approval: the reason on the page, nothing changed.
        manager.request().formParam("csrf", token).formParam("step", "installation")
                .formParam("phase", String.valueOf(phase)).formParam("installedOn", LocalDate.now().toString())
                .formParam("kit", "Routeur 4G").formParam("mastMeters", "6").formParam("wifiRangeMeters", "200")
                .formParam("bandwidthMbps", "40").formParam("costMad", "15000").post(page).then().statusCode(409)
                .body(containsString("SURVEYED and cannot become INSTALLED"));
        manager.request().formParam("csrf", token).formParam("step", "change").formParam("to", "APPROVED")
                .post(page).then().statusCode(303);
        manager.request().formParam("csrf", token).formParam("step", "installation")
                .formParam("phase", String.valueOf(phase)).formParam("installedOn", LocalDate.now().toString())
                .formParam("kit", "Routeur 4G").formParam("mastMeters", "6,5").formParam("wifiRangeMeters", "200")
                .formParam("bandwidthMbps", "40").formParam("costMad", "15000").post(page).then().statusCode(303);
        manager.request().formParam("csrf", token).formParam("step", "change").formParam("to", "LIVE")
                .post(page).then().statusCode(303);
        given().get("/api/manage/sites/{code}", code).then().body("status", equalTo("LIVE"))
                .body("mastMeters", equalTo(6.5f)).body("phase", equalTo(phase));
        String shown = manager.page(page + "?lang=fr");
        assertTrue(shown.contains("En service") && shown.contains("Association Tichka"), "the page tells its way");
        assertTrue(manager.page("/console/sites?lang=ar").contains(code), "the list shows it");
    }
}
