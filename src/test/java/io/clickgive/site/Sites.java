package io.clickgive.site;

import io.clickgive.Distribution;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Connectivity sites as the programme makes them, for the tests of what reaches them: surveyed, installed, SIMs. */
public final class Sites {

    private Sites() {
    }

    /** A douar's site, surveyed and approved, not installed yet. */
    public static String approved(String prefix) {
        String code = Distribution.unique("douar-" + prefix);
        given().contentType(ContentType.JSON).body(Map.of("code", code, "kind", "CONNECTIVITY_SITE",
                        "name", "Douar " + code, "region", "MA-07", "province", "Al Haouz", "peopleServed", 300))
                .post("/api/manage/beneficiaries").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("partner", "Association Tichka",
                        "surveyedOn", LocalDate.now().minusDays(20).toString(), "gridPower", true,
                        "findings", "École temporaire sous tente")).post("/api/manage/sites/{code}/survey", code)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("to", "APPROVED"))
                .post("/api/manage/sites/{code}/status", code).then().statusCode(200);
        return code;
    }

    /** Installs an approved site in a phase of its own (numbers from 70, up to the programme's 100). */
    public static void install(String code) {
        List<Integer> taken = given().get("/api/manage/sites/report").then().extract().path("phases.number");
        int phase = Math.max(69, taken.stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
        given().contentType(ContentType.JSON).body(Map.of("number", phase, "name", "Phase " + phase,
                "budgetMad", 100_000, "plannedInstallations", 5)).post("/api/manage/sites/phases").then()
                .statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("phase", phase, "installedOn",
                        LocalDate.now().minusDays(2).toString(), "kit", "Routeur 4G", "mastMeters", 6,
                        "wifiRangeMeters", 200, "bandwidthMbps", 40, "costMad", 15_000))
                .post("/api/manage/sites/{code}/installation", code).then().statusCode(200);
    }

    /** A valid ICCID (89, Morocco's 212, random digits, its Luhn check digit): 19 digits. */
    public static String iccid() {
        StringBuilder digits = new StringBuilder("89212");
        while (digits.length() < 18) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = digits.charAt(i) - '0';
            if (k % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    /** Registers a router SIM on the site; returns its ICCID. */
    public static String sim(String code) {
        String iccid = iccid();
        given().contentType(ContentType.JSON).body(Map.of("iccid", iccid, "msisdn",
                        "0670" + iccid.substring(iccid.length() - 6), "label", "Routeur de l'école"))
                .post("/api/manage/sites/{code}/devices", code).then().statusCode(201);
        return iccid;
    }
}
