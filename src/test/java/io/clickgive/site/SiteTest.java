package io.clickgive.site;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Distribution;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A douar's connectivity site from survey to live: every step in order and audited, the programme's rules (grid power,
 * a phase's planned count and budget), and the figures the report draws from them.
 */
@QuarkusTest
class SiteTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aSiteGoesFromSurveyToLiveAndEveryStepIsKept() {
        String site = site("douar", 350);
        int phase = phase(5, 125_000);
        survey(site, true).then().statusCode(200).body("status", equalTo("SURVEYED"));
        // A second survey before approval (the partner came back): allowed, kept.
        survey(site, true).then().statusCode(200).body("status", equalTo("SURVEYED"));
        change(site, "APPROVED", "Sur le réseau, école temporaire").then().statusCode(200);
        install(site, phase, 25_000).then().statusCode(200).body("status", equalTo("INSTALLED"))
                .body("phase", equalTo(phase)).body("bandwidthMbps", equalTo(40)).body("costMad", equalTo(25_000))
                .body("mastMeters", equalTo(6.0f)).body("wifiRangeMeters", equalTo(200));
        change(site, "LIVE", null).then().statusCode(200);
        change(site, "OFFLINE", "Coupure électrique").then().statusCode(200);
        change(site, "LIVE", "Courant revenu").then().statusCode(200);
        given().get("/api/manage/sites/{code}", site).then().statusCode(200).body("status", equalTo("LIVE"))
                .body("history", hasSize(7))
                .body("history.to", equalTo(List.of("SURVEYED", "SURVEYED", "APPROVED", "INSTALLED", "LIVE",
                        "OFFLINE", "LIVE")))
                .body("history[0].partner", equalTo("Association Tichka"))
                .body("history[3].kit", equalTo("Routeur 4G, antenne extérieure"))
                .body("history[5].note", equalTo("Coupure électrique"));
        given().get("/api/manage/sites/report").then().statusCode(200)
                .body("phases.find { it.number == " + phase + " }.installed", equalTo(1))
                .body("phases.find { it.number == " + phase + " }.live", equalTo(1))
                .body("phases.find { it.number == " + phase + " }.spentMad", equalTo(25_000))
                .body("phases.find { it.number == " + phase + " }.peopleCovered", equalTo(350));
    }

    @Test
    void aStepOutOfOrderIsRefusedAndChangesNothing() {
        String site = site("order", 120);
        int phase = phase(5, 125_000);
        install(site, phase, 15_000).then().statusCode(409).body("detail", containsString("survey comes first"));
        change(site, "LIVE", null).then().statusCode(409);
        survey(site, true).then().statusCode(200);
        install(site, phase, 15_000).then().statusCode(409)
                .body("detail", containsString("SURVEYED and cannot become INSTALLED"));
        change(site, "LIVE", null).then().statusCode(409);
        given().get("/api/manage/sites/{code}", site).then().body("status", equalTo("SURVEYED"))
                .body("history", hasSize(1));
        change(site, "APPROVED", null).then().statusCode(200);
        survey(site, true).then().statusCode(409).body("detail", containsString("APPROVED"));
        change(site, "SURVEYED", null).then().statusCode(400);

        // Off the grid: surveyed, never approved (the programme has no solar kit).
        String offGrid = site("offgrid", 90);
        survey(offGrid, false).then().statusCode(200);
        change(offGrid, "APPROVED", null).then().statusCode(409).body("detail", containsString("electricity grid"));
        // Not a site at all; no such beneficiary.
        String school = Distribution.beneficiary("MA-07", 40);
        survey(school, true).then().statusCode(409).body("detail", containsString("not a connectivity site"));
        survey("no-such-site", true).then().statusCode(404);
    }

    @Test
    void aPhaseKeepsToItsPlannedCountAndBudget() {
        int phase = phase(2, 40_000);
        String first = approved("p1", 100);
        String second = approved("p2", 100);
        String third = approved("p3", 100);
        install(first, phase, 25_000).then().statusCode(200);
        install(second, phase, 20_000).then().statusCode(409)
                .body("detail", containsString("spent 25000 MAD of its 40000"));
        install(second, phase, 15_000).then().statusCode(200);
        install(third, phase, 1_000).then().statusCode(409).body("detail", containsString("2 planned installations"));
        install(third, 999, 1_000).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("number", phase, "name", "Again", "budgetMad", 1,
                "plannedInstallations", 1)).post("/api/manage/sites/phases").then().statusCode(409);
        given().get("/api/manage/sites/report").then()
                .body("phases.find { it.number == " + phase + " }.costPerInstallationMad", equalTo(20_000));
    }

    @Test
    void badInputIsA400AndTheTrailIsAppendOnly() {
        String site = site("bad", 60);
        given().contentType(ContentType.JSON).body(Map.of("partner", "", "gridPower", true))
                .post("/api/manage/sites/{code}/survey", site).then().statusCode(400);
        Map<String, Object> future = survey(true);
        future.put("surveyedOn", LocalDate.now().plusDays(3).toString());
        given().contentType(ContentType.JSON).body(future).post("/api/manage/sites/{code}/survey", site)
                .then().statusCode(400).body("detail", containsString("in the future"));
        survey(site, true).then().statusCode(200);
        change(site, "APPROVED", null).then().statusCode(200);
        Map<String, Object> installation = installation(phase(5, 100_000), 15_000);
        installation.put("mastMeters", 90);
        given().contentType(ContentType.JSON).body(installation).post("/api/manage/sites/{code}/installation", site)
                .then().statusCode(400);
        assertThrows(SQLException.class, () -> {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE site_event SET note = 'rewritten'");
            }
        });
    }

    private static String site(String prefix, int people) {
        String code = Distribution.unique("site-" + prefix);
        given().contentType(ContentType.JSON).body(Map.of("code", code, "kind", "CONNECTIVITY_SITE",
                        "name", "Douar " + code, "region", "MA-07", "province", "Al Haouz", "peopleServed", people,
                        "bandwidthMbps", 40, "installationCost", 15_000, "phase", 1))
                .post("/api/manage/beneficiaries").then().statusCode(201);
        return code;
    }

    private static String approved(String prefix, int people) {
        String code = site(prefix, people);
        survey(code, true).then().statusCode(200);
        change(code, "APPROVED", null).then().statusCode(200);
        return code;
    }

    /** A new phase with a number no other test took: from 50 up, as the demo's are 1 and 2 (DemoTest shares the database). */
    private static int phase(int planned, long budget) {
        List<Integer> taken = given().get("/api/manage/sites/report").then().extract().path("phases.number");
        int number = Math.max(49, taken.stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
        given().contentType(ContentType.JSON).body(Map.of("number", number, "name", "Phase " + number,
                "budgetMad", budget, "plannedInstallations", planned)).post("/api/manage/sites/phases")
                .then().statusCode(201).body("planned", equalTo(planned));
        assertTrue(number <= 100, "phases left for the tests");
        return number;
    }

    private static Map<String, Object> survey(boolean grid) {
        return new HashMap<>(Map.of("partner", "Association Tichka", "surveyedOn", LocalDate.now().minusDays(20)
                .toString(), "gridPower", grid, "findings", "École temporaire sous tente, 120 élèves",
                "recommendedKit", "Mât de 6 m, WiFi extérieur"));
    }

    private static io.restassured.response.Response survey(String code, boolean grid) {
        return given().contentType(ContentType.JSON).body(survey(grid)).post("/api/manage/sites/{code}/survey", code);
    }

    private static Map<String, Object> installation(int phase, long cost) {
        return new HashMap<>(Map.of("phase", phase, "installedOn", LocalDate.now().minusDays(2).toString(),
                "kit", "Routeur 4G, antenne extérieure", "mastMeters", 6, "wifiRangeMeters", 200,
                "bandwidthMbps", 40, "costMad", cost));
    }

    private static io.restassured.response.Response install(String code, int phase, long cost) {
        return given().contentType(ContentType.JSON).body(installation(phase, cost))
                .post("/api/manage/sites/{code}/installation", code);
    }

    private static io.restassured.response.Response change(String code, String to, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("to", to));
        if (note != null) {
            body.put("note", note);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/manage/sites/{code}/status", code);
    }
}
