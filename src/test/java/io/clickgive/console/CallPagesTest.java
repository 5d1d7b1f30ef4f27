package io.clickgive.console;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.TestClock;
import io.clickgive.call.Applicants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager opens a call in the console, an organisation applies from the public page (the form as a phone posts it,
 * with its proof), a refused form comes back filled in with each problem in the applicant's language, and the manager
 * answers in the console.
 */
@QuarkusTest
class CallPagesTest {

    @jakarta.inject.Inject
    TestClock clock;

    /** What a browser sends from a UTF-8 page (RestAssured would otherwise encode the Arabic as ISO-8859-1). */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Test
    void aCallIsOpenedInTheConsoleAndAnApplicationFromThePageIsAnswered() {
        String slug = Fixtures.liveCampaign("call-console");
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String page = "/console/campaigns/" + slug + "/call";
        String token = manager.token(page + "?lang=fr");
        String deadline = LocalDateTime.now().plusDays(20).withSecond(0).withNano(0).toString().substring(0, 16);
        // No kind ticked: refused, the form comes back with what was typed.
        manager.request().formParam("csrf", token).formParam("title", "Écoles du Souss")
                .formParam("minPeople", "30").formParam("deadline", deadline).post(page).then().statusCode(400)
                .body(containsString("Écoles du Souss")).body(containsString("kinds"));
        manager.request().formParam("csrf", token).formParam("title", "Écoles du Souss").formParam("kind", "SCHOOL")
                .formParam("kind", "ASSOCIATION").formParam("region", "MA-09").formParam("minPeople", "30")
                .formParam("questions", "Comment rendrez-vous compte de l'usage ?\n\nQuel calendrier ?")
                .formParam("deadline", deadline).post(page).then().statusCode(303);
        given().get("/api/campaigns/{slug}/call", slug).then().statusCode(200)
                .body("questions.size()", equalTo(2)).body("regions", equalTo(java.util.List.of("MA-09")));

        // The public form, in Arabic: the call's rules, only its region and kinds.
        String form = given().get("/c/{slug}/apply?lang=ar", slug).then().statusCode(200).extract().asString();
        assertTrue(form.contains("dir=\"rtl\"") && form.contains("Écoles du Souss") && form.contains("سوس ماسة")
                && !form.contains("value=\"MA-07\"") && !form.contains("CONNECTIVITY_SITE"), form);
        // Sent with problems (too few people, a question unanswered): the form again, in Arabic, filled in.
        String address = Fixtures.randomAddress();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("lang", "ar", "organisation", "جمعية الأمل",
                "kind", "ASSOCIATION", "region", "MA-09", "province", "Tiznit", "peopleServed", "12",
                "purpose", "دروس الدعم", "tablets", "8", "contactName", "Fatima", "contactPhone", "0612345678"));
        fields.put("answer0", "تقرير كل ثلاثة أشهر");
        String refused = given().contentType(FORM).formParams(fields).header("X-Forwarded-For", address).post("/c/{slug}/apply", slug)
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("عدد المستفيدين: يجب ألا يقل عن 30") && refused.contains("وعددها 2")
                && refused.contains("value=\"جمعية الأمل\"") && refused.contains("تقرير كل ثلاثة أشهر"), refused);
        // Corrected, with the proof the page's script pays: see-other to the applicant's page.
        fields.put("peopleServed", "140");
        fields.put("answer1", "سبتمبر");
        Map<String, Object> proof = Fixtures.solve(Applicants.challenge(slug, address));
        fields.put("powSalt", (String) proof.get("salt"));
        fields.put("powNumber", String.valueOf(proof.get("number")));
        fields.put("powSignature", (String) proof.get("signature"));
        Response sent = given().contentType(FORM).redirects().follow(false).formParams(fields).header("X-Forwarded-For", address)
                .post("/c/{slug}/apply", slug);
        sent.then().statusCode(303);
        String link = sent.header("Location");
        assertTrue(link.contains("/c/" + slug + "/apply/AP-") && link.contains("key="), link);
        String applicant = given().get(link).then().statusCode(200).extract().asString();
        assertTrue(applicant.contains("أُرسل") && applicant.contains("جمعية الأمل"), applicant);
        // The same again (a second tap): a duplicate, said in Arabic, nothing more stored.
        Map<String, Object> again = Fixtures.solve(Applicants.challenge(slug, address));
        fields.put("powSalt", (String) again.get("salt"));
        fields.put("powNumber", String.valueOf(again.get("number")));
        fields.put("powSignature", (String) again.get("signature"));
        given().contentType(FORM).formParams(fields).header("X-Forwarded-For", address).post("/c/{slug}/apply", slug).then()
                .statusCode(409).body(containsString("سبق لهذه المنظمة"));

        // The manager sees it, asks for more; the applicant replies on their page; the manager accepts.
        String reference = link.substring(link.indexOf("/apply/") + 7, link.indexOf('?'));
        assertTrue(manager.page(page + "?lang=fr&status=SUBMITTED").contains(reference));
        String review = "/console/applications/" + reference;
        manager.request().formParam("csrf", token).formParam("action", "ask").formParam("message", "")
                .post(review).then().statusCode(400);
        manager.request().formParam("csrf", token).formParam("action", "ask")
                .formParam("message", "Combien d'élèves par groupe ?").post(review).then().statusCode(303);
        String asked = given().get(link).then().statusCode(200).extract().asString();
        assertTrue(asked.contains("élèves par groupe ?") && asked.contains("name=\"message\""), asked);
        given().contentType(FORM).redirects().follow(false).formParam("message", "خمسة عشر").formParam("lang", "ar")
                .post(link.replace("?", "/reply?")).then().statusCode(303);
        manager.request().formParam("csrf", token).formParam("action", "accept").post(review).then().statusCode(303);
        String accepted = manager.page(review + "?lang=fr");
        assertTrue(accepted.contains("Acceptée") && accepted.contains("خمسة عشر") && accepted.contains("id=\"request-link\""),
                accepted);
        given().get(link).then().statusCode(200).body(containsString("مقبول"));
        // The front door links to the open call (what it knows of open calls is at most ten seconds old).
        try (TestClock.Moved later = clock.advance(java.time.Duration.ofSeconds(11))) {
            given().get("/?lang=fr").then().statusCode(200).body(containsString("/c/" + slug + "/apply?lang=fr"));
        }
    }
}
