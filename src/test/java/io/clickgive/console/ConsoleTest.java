package io.clickgive.console;

import io.clickgive.Distribution;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console signs in with a form; its posts need the CSRF token; the API keeps answering 401, not a redirect. */
@QuarkusTest
class ConsoleTest {

    @Test
    void aDistributorSignsInAndConfirmsADeliveryWithTheFormToken() {
        Distribution.Prepared prepared = Distribution.assignedCampaign(300, 2);
        given().auth().none().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", containsString("/console/login"));
        given().auth().none().get("/api/manage/campaigns").then().statusCode(401);

        String cookie = signIn(prepared.user(), Distribution.USER_PASSWORD);
        String page = given().auth().none().cookie("clickgive-console", cookie).get("/console/tablets?lang=fr").then()
                .statusCode(200).body(containsString(prepared.serials().get(0))).body(containsString("Mes tablettes"))
                .extract().asString();
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find(), "the form carries a token");

        String serial = prepared.serials().get(0);
        // Without the token, or with a wrong one: refused, nothing delivered.
        deliver(cookie, null, serial).then().statusCode(403);
        deliver(cookie, "forged", serial).then().statusCode(403);
        given().get("/api/manage/tablets/{s}", serial).then().body("status", org.hamcrest.Matchers.equalTo("ASSIGNED"));

        deliver(cookie, token.group(1), serial).then().statusCode(303)
                .header("Location", containsString("/console/tablets"));
        given().get("/api/manage/tablets/{s}", serial).then().body("status", org.hamcrest.Matchers.equalTo("DELIVERED"))
                .body("history[-1].actor", org.hamcrest.Matchers.equalTo(prepared.user()));
    }

    @Test
    void theConsoleFormsRefuseWhatTheApiRefuses() {
        Distribution.Prepared prepared = Distribution.assignedCampaign(300, 1);
        String serial = prepared.serials().get(0);
        String cookie = signIn(prepared.user(), Distribution.USER_PASSWORD);
        String page = given().auth().none().cookie("clickgive-console", cookie).get("/console/tablets?lang=en").then()
                .statusCode(200).extract().asString();
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find());
        String tooLong = "x".repeat(201);

        given().auth().none().redirects().follow(false).cookie("clickgive-console", cookie).formParam("csrf", token.group(1))
                .formParam("serial", serial).formParam("deliveredOn", LocalDate.now().toString())
                .formParam("recipient", tooLong).formParam("note", "n".repeat(2001)).formParam("lang", "en")
                .post("/console/tablets/deliver").then().statusCode(400)
                .body(containsString("recipient: size must be between 0 and 200"))
                .body(containsString("note: size must be between 0 and 2000"));
        given().auth().preemptive().basic(prepared.user(), Distribution.USER_PASSWORD).contentType("application/json")
                .body(java.util.Map.of("deliveries", java.util.List.of(java.util.Map.of("serial", serial,
                        "deliveredOn", LocalDate.now().toString(), "recipient", tooLong))))
                .post("/api/distribute/{d}/tablets/deliver", prepared.distributor()).then().statusCode(400)
                .body("violations", org.hamcrest.Matchers.hasItem("deliveries[0].recipient: size must be between 0 and 200"));
        given().get("/api/manage/tablets/{s}", serial).then().body("status", org.hamcrest.Matchers.equalTo("ASSIGNED"));

        given().auth().none().redirects().follow(false).cookie("clickgive-console", cookie).formParam("csrf", token.group(1))
                .formParam("beneficiary", "  ").formParam("lang", "en").post("/console/tablets/assign").then()
                .statusCode(400).body(containsString("serials: must not be empty"))
                .body(containsString("beneficiary: must not be blank"));
    }

    @Test
    void aManagerLaunchesACampaignFromTheConsoleAndSeesItsDashboard() {
        String slug = io.clickgive.Fixtures.createCampaign(io.clickgive.Fixtures.draft(
                io.clickgive.Fixtures.uniqueSlug("console")));
        String cookie = signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String page = given().auth().none().cookie("clickgive-console", cookie).get("/console/campaigns?lang=fr").then()
                .statusCode(200).body(containsString(slug)).body(containsString("Lancer")).extract().asString();
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find());
        given().auth().none().redirects().follow(false).cookie("clickgive-console", cookie).formParam("status", "LIVE")
                .post("/console/campaigns/{slug}/status", slug).then().statusCode(403);
        given().get("/api/manage/campaigns/{slug}", slug).then().body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
        given().auth().none().redirects().follow(false).cookie("clickgive-console", cookie).formParam("status", "LIVE")
                .formParam("csrf", token.group(1)).post("/console/campaigns/{slug}/status", slug).then().statusCode(303);
        given().get("/api/manage/campaigns/{slug}", slug).then().body("status", org.hamcrest.Matchers.equalTo("LIVE"));
        given().auth().none().cookie("clickgive-console", cookie).get("/console/campaigns/{slug}?lang=en", slug).then()
                .statusCode(200).body(containsString("Live")).body(containsString("TOO_FAST"));
    }

    @Test
    void wrongPasswordsAndOtherRolesAreTurnedAway() {
        given().auth().none().redirects().follow(false).formParam("j_username", "admin")
                .formParam("j_password", "not-the-password").post("/j_security_check").then().statusCode(302)
                .header("Location", containsString("error"));
        String manager = Distribution.manager();
        String cookie = signIn(manager, Distribution.USER_PASSWORD);
        given().auth().none().cookie("clickgive-console", cookie).get("/console/tablets").then().statusCode(403);
        given().auth().none().cookie("clickgive-console", cookie).get("/console").then().statusCode(200);
        String distributor = Distribution.distributorUser(Distribution.distributor("MA-02"));
        String theirs = signIn(distributor, Distribution.USER_PASSWORD);
        given().auth().none().cookie("clickgive-console", theirs).get("/console/campaigns").then().statusCode(403);
        given().auth().none().get("/console/login?lang=ar").then().statusCode(200)
                .body(containsString("dir=\"rtl\"")).body(containsString("تسجيل الدخول"));
    }

    private static String signIn(String user, String password) {
        return ConsoleClient.signIn(user, password).cookie();
    }

    private static Response deliver(String cookie, String token, String serial) {
        var request = given().auth().none().redirects().follow(false).cookie("clickgive-console", cookie)
                .formParam("serial", serial).formParam("deliveredOn", LocalDate.now().toString())
                .formParam("recipient", "M. Amrani").formParam("lang", "fr");
        if (token != null) {
            request = request.formParam("csrf", token);
        }
        return request.post("/console/tablets/deliver");
    }
}
