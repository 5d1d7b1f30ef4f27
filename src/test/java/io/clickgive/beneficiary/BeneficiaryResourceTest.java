package io.clickgive.beneficiary;

import io.clickgive.Distribution;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class BeneficiaryResourceTest {

    @Test
    void aConnectivitySiteHasItsInstallationDetailsAllOrNone() {
        String code = Distribution.unique("douar");
        Map<String, Object> site = Map.of("code", code, "kind", "CONNECTIVITY_SITE", "name", "دوار إيجوكاك",
                "region", "MA-07", "province", "Al Haouz", "peopleServed", 640);
        Map<String, Object> half = new java.util.HashMap<>(site);
        half.put("bandwidthMbps", 40);
        given().contentType(ContentType.JSON).body(half).post("/api/manage/beneficiaries").then().statusCode(400)
                .body("detail", containsString("all together or none yet"));
        Map<String, Object> school = new java.util.HashMap<>(half);
        school.putAll(Map.of("kind", "SCHOOL", "code", code + "-s", "installationCost", 1000, "phase", 1));
        given().contentType(ContentType.JSON).body(school).post("/api/manage/beneficiaries").then().statusCode(400)
                .body("detail", containsString("other kinds have none"));
        Map<String, Object> notYetInstalled = new java.util.HashMap<>(site);
        notYetInstalled.put("code", code + "-n");
        given().contentType(ContentType.JSON).body(notYetInstalled).post("/api/manage/beneficiaries").then()
                .statusCode(201).body("bandwidthMbps", org.hamcrest.Matchers.nullValue());
        Map<String, Object> complete = new java.util.HashMap<>(site);
        complete.putAll(Map.of("bandwidthMbps", 50, "installationCost", 38000, "phase", 1));
        given().contentType(ContentType.JSON).body(complete).post("/api/manage/beneficiaries").then().statusCode(201)
                .header("Location", containsString(code)).body("name", equalTo("دوار إيجوكاك"))
                .body("bandwidthMbps", equalTo(50));
        given().contentType(ContentType.JSON).body(complete).post("/api/manage/beneficiaries").then().statusCode(409);
        given().get("/api/manage/beneficiaries/{code}", code).then().statusCode(200).body("region", equalTo("MA-07"));
        given().get("/api/manage/beneficiaries/nope-" + code).then().statusCode(404);
        given().get("/api/manage/beneficiaries?region=MA-07&kind=connectivity_site").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItem(code));
        given().get("/api/manage/beneficiaries?kind=PLANET").then().statusCode(400)
                .body("detail", containsString("ASSOCIATION"));
    }

    @Test
    void badFieldsAreRefusedWithTheirNames() {
        given().contentType(ContentType.JSON).body(Map.of("code", "x y", "kind", "SCHOOL", "name", "",
                        "region", "MA-13", "province", "P", "peopleServed", 0))
                .post("/api/manage/beneficiaries").then().statusCode(400)
                .body("detail", containsString("code")).body("detail", containsString("region"))
                .body("detail", containsString("peopleServed")).body("detail", containsString("name"));
    }

    @Test
    void csvImportKeepsGoodRowsAndReportsBadOnesWhenAskedTo() {
        String a = Distribution.unique("a");
        String b = Distribution.unique("b");
        String csv = "code,kind,name,region,province,people_served,bandwidth_mbps,installation_cost,phase\n"
                + a + ",association,جمعية الأمل,MA-07,Al Haouz,120,,,\n"
                + "bad-1,SCHOOL,École,MA-99,Taroudant,80,,,\n"
                + b + ",CONNECTIVITY_SITE,\"Douar Tinmel, site 2\",ma-07,Al Haouz,300,20,41000,2\n"
                + "bad-2,SCHOOL,École,MA-09,Taroudant,many,,,\n"
                + a + ",SCHOOL,Again,MA-07,Al Haouz,10,,,\n";
        // All or nothing (the default): refused, nothing imported.
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/manage/beneficiaries/import").then().statusCode(422)
                .body("refused", equalTo(true)).body("imported", equalTo(0)).body("errors", hasSize(3))
                .body("errors[0].line", equalTo(3)).body("errors[0].message", containsString("region"))
                .body("errors[1].line", equalTo(5)).body("errors[1].message", containsString("'many' is not a whole number"))
                .body("errors[2].line", equalTo(6)).body("errors[2].message", containsString("earlier line"));
        given().get("/api/manage/beneficiaries/{code}", a).then().statusCode(404);

        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/manage/beneficiaries/import?mode=keep-valid").then().statusCode(200)
                .body("rows", equalTo(5)).body("imported", equalTo(2)).body("errors", hasSize(3));
        given().get("/api/manage/beneficiaries/{code}", a).then().statusCode(200).body("name", equalTo("جمعية الأمل"))
                .body("kind", equalTo("ASSOCIATION"));
        given().get("/api/manage/beneficiaries/{code}", b).then().statusCode(200).body("name", equalTo("Douar Tinmel, site 2"))
                .body("phase", equalTo(2)).body("region", equalTo("MA-07"));

        // Sent again: what was imported is skipped, not doubled.
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/manage/beneficiaries/import?mode=keep-valid").then().statusCode(200)
                .body("imported", equalTo(0)).body("skipped", equalTo(2));
    }

    @Test
    void aFileThatIsNotUtf8CsvWithTheRightHeaderIsRefused() {
        byte[] latin1 = "code,kind,name,region,province,people_served\nx,SCHOOL,École,MA-01,P,1\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("text/csv").body(latin1).post("/api/manage/beneficiaries/import").then().statusCode(400)
                .body("detail", containsString("UTF-8"));
        given().contentType("text/csv").body("code,name\nx,y\n").post("/api/manage/beneficiaries/import").then()
                .statusCode(400).body("detail", containsString("Missing columns"));
        given().contentType("text/csv").body("").post("/api/manage/beneficiaries/import").then().statusCode(400);
        given().contentType("text/csv").body("code,kind,name,region,province,people_served\n\"x,SCHOOL\n")
                .post("/api/manage/beneficiaries/import").then().statusCode(400).body("detail", containsString("CSV"));
        given().contentType("text/csv").body("code,kind,name,region,province,people_served\nx,SCHOOL,n,MA-01,p,1\n")
                .post("/api/manage/beneficiaries/import?mode=some").then().statusCode(400);
    }
}
