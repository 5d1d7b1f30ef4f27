package io.clickgive.call;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Count;
import io.clickgive.Fixtures;
import io.clickgive.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Calls for projects through the API: the call's rules (every problem listed, nothing stored), the applicant's link,
 * duplicates and the limit on open applications, the proof of work and the network's limit, and the review.
 */
@QuarkusTest
class CallTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TestClock clock;

    @Test
    void anApplicationOutsideTheCallsRulesListsEveryProblemAndStoresNothing() {
        String slug = Applicants.campaignWithCall("call-rules");
        Map<String, Object> wrong = Applicants.school();
        wrong.put("region", "MA-01");          // not one of the call's
        wrong.put("peopleServed", 20);         // under its minimum
        wrong.put("answers", List.of("Un rapport chaque trimestre"));   // one of two questions
        wrong.put("contactPhone", "call me");
        wrong.remove("purpose");
        long before = applications();
        Applicants.apply(slug, wrong, Fixtures.randomAddress()).then().statusCode(400)
                .body("violations", hasItems("region: is not one of the regions this call is for",
                        "peopleServed: must be at least 50: the call is for organisations serving that many people",
                        "answers: must answer each of the call's 2 questions", "purpose: is required",
                        "contactPhone: must be a phone number: digits, spaces, '+', '(', ')' and '-'"))
                .body("violations", hasSize(5));
        Map<String, Object> dataOnly = Applicants.school();
        dataOnly.put("tablets", 0);
        dataOnly.put("gigabytes", 50);
        Applicants.apply(slug, dataOnly, Fixtures.randomAddress()).then().statusCode(400)
                .body("violations", equalTo(List.of("gigabytes: data without tablets goes to a village site's router: "
                        + "only a connectivity site asks for it")));
        Map<String, Object> site = Applicants.school();
        site.put("kind", "CONNECTIVITY_SITE");
        Applicants.apply(slug, site, Fixtures.randomAddress()).then().statusCode(400)
                .body("violations", equalTo(List.of("siteFacts: a village site says whether it is on the electricity "
                        + "grid and what is there")));
        assertEquals(before, applications(), "a refused application stores nothing");
        // A campaign without a call, and a call whose deadline passed.
        String none = Fixtures.liveCampaign("call-none");
        given().get("/api/campaigns/{slug}/call", none).then().statusCode(404);
        Map<String, Object> valid = Applicants.school();
        String address = Fixtures.randomAddress();
        Map<String, Object> proof = Fixtures.solve(Applicants.challenge(slug, address));
        try (TestClock.Moved later = clock.advance(Duration.ofDays(31))) {
            given().header("X-Forwarded-For", address).post("/api/campaigns/{slug}/call/challenges", slug)
                    .then().statusCode(410);
            Applicants.send(slug, valid, proof, address).then().statusCode(400)
                    .body("violations", equalTo(List.of("deadline: the call closed at its deadline")));
        }
        Applicants.openCall(slug, Instant.now().minusSeconds(60)).then().statusCode(400)
                .body("detail", containsString("deadline: must be in the future"));
    }

    @Test
    void anApplicantFollowsTheirApplicationThroughItsSignedLinkOnly() {
        String slug = Applicants.campaignWithCall("call-link");
        Response receipt = Applicants.apply(slug, Applicants.school(), Fixtures.randomAddress());
        receipt.then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .body("page", containsString("/c/" + slug + "/apply/"));
        String reference = receipt.path("reference");
        String key = receipt.path("key");
        given().get("/api/campaigns/{slug}/call/applications/{ref}?key={key}", slug, reference, key).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("replyAwaited", equalTo(false))
                .body("steps", hasSize(1));
        String[] parts = key.split("\\.");
        String forged = parts[0] + "." + (parts[1].charAt(0) == 'A' ? 'B' : 'A') + parts[1].substring(1);
        String extended = (Long.parseLong(parts[0]) + 1000) + "." + parts[1];
        for (String bad : List.of(forged, extended, "", "x.y", parts[1])) {
            given().get("/api/campaigns/{slug}/call/applications/{ref}?key={key}", slug, reference, bad).then()
                    .statusCode(404);
        }
        String other = Applicants.apply(slug, Applicants.school(), Fixtures.randomAddress()).path("reference");
        given().get("/api/campaigns/{slug}/call/applications/{ref}?key={key}", slug, other, key).then().statusCode(404);
        given().get("/c/{slug}/apply/{ref}?key={key}&lang=fr", slug, reference, key).then().statusCode(200)
                .body(containsString(reference)).body(containsString("Envoyée"));
        given().get("/c/{slug}/apply/{ref}?key={key}", slug, reference, forged).then().statusCode(404);
        // A year later (the link's validity), the same key opens nothing.
        try (TestClock.Moved later = clock.advance(Duration.ofDays(367))) {
            given().get("/api/campaigns/{slug}/call/applications/{ref}?key={key}", slug, reference, key).then()
                    .statusCode(404);
        }
    }

    @Test
    void oneOrganisationAppliesOnceToACallAndHoldsFewOpenApplications() {
        String slug = Applicants.campaignWithCall("call-dup");
        Map<String, Object> first = Applicants.school();
        Applicants.apply(slug, first, Fixtures.randomAddress()).then().statusCode(201);
        // The same organisation, written another way; then another name with the same phone.
        Map<String, Object> respelled = Applicants.school();
        respelled.put("organisation", "  ECOLE  tafraout-" + ((String) first.get("organisation")).split(" ")[2] + " ");
        Applicants.apply(slug, respelled, Fixtures.randomAddress()).then().statusCode(409)
                .body("detail", containsString("already applied to this call"));
        Map<String, Object> samePhone = Applicants.school();
        samePhone.put("contactPhone", "+212 " + ((String) first.get("contactPhone")).substring(1));
        Applicants.apply(slug, samePhone, Fixtures.randomAddress()).then().statusCode(409)
                .body("detail", containsString("already applied to this call"));
        // Two open at most (clickgive.calls.max-open): a third call's application waits for an answer.
        String second = Applicants.campaignWithCall("call-dup2");
        String third = Applicants.campaignWithCall("call-dup3");
        Map<String, Object> again = new HashMap<>(first);
        again.put("contactPhone", "0700000" + (System.nanoTime() % 1000));
        String open = Applicants.apply(second, again, Fixtures.randomAddress()).then().statusCode(201)
                .extract().path("reference");
        Applicants.apply(third, again, Fixtures.randomAddress()).then().statusCode(409)
                .body("detail", containsString("at most 2 may be open at once"));
        given().contentType(ContentType.JSON).body(Map.of("message", "Hors des provinces de cette édition"))
                .post("/api/manage/applications/{ref}/decline", open).then().statusCode(200);
        Applicants.apply(third, again, Fixtures.randomAddress()).then().statusCode(201);
    }

    @Test
    void anApplicationCostsAProofOfWorkAndANetworkHasALimit() {
        String slug = Applicants.campaignWithCall("call-pow");
        String address = Fixtures.randomAddress();
        Applicants.send(slug, Applicants.school(), null, address).then().statusCode(400)
                .body("detail", containsString("proof-of-work solution"));
        Map<String, Object> proof = Fixtures.solve(Applicants.challenge(slug, address));
        Applicants.send(slug, Applicants.school(), proof, address).then().statusCode(201);
        Applicants.send(slug, Applicants.school(), proof, address).then().statusCode(403);
        // Another network's puzzle does not pay for this one's application.
        Map<String, Object> elsewhere = Fixtures.solve(Applicants.challenge(slug, Fixtures.randomAddress()));
        Applicants.send(slug, Applicants.school(), elsewhere, address).then().statusCode(403);
        // The price doubles every two applications; past six (clickgive.calls.limit) the network waits, told how long.
        long firstPrice = ((Number) Applicants.challenge(slug, address).get("maxNumber")).longValue();
        for (int i = 2; i <= 6; i++) {
            Applicants.apply(slug, Applicants.school(), address).then().statusCode(201);
        }
        given().header("X-Forwarded-For", address).post("/api/campaigns/{slug}/call/challenges", slug)
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body("detail", containsString("try again in"));
        assertNotEquals(0, firstPrice);
        // Another network is not held back by this one.
        Applicants.apply(slug, Applicants.school(), Fixtures.randomAddress()).then().statusCode(201);
    }

    @Test
    void aManagerAsksForMoreTheApplicantRepliesAndTheAcceptanceMakesTheBeneficiaryAndItsRequest() {
        String slug = Applicants.campaignWithCall("call-review");
        Map<String, Object> school = Applicants.school();
        Response receipt = Applicants.apply(slug, school, Fixtures.randomAddress());
        String reference = receipt.path("reference");
        String key = receipt.path("key");
        String path = "/api/campaigns/{slug}/call/applications/{ref}/replies?key={key}";
        given().contentType(ContentType.JSON).body(Map.of("message", "Premier message"))
                .post(path, slug, reference, key).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("message", ""))
                .post("/api/manage/applications/{ref}/ask", reference).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("message", "Combien d'élèves par classe ?"))
                .post("/api/manage/applications/{ref}/ask", reference).then().statusCode(200)
                .body("status", equalTo("MORE_ASKED"));
        given().get("/api/campaigns/{slug}/call/applications/{ref}?key={key}", slug, reference, key).then()
                .body("replyAwaited", equalTo(true)).body("steps[1].message", equalTo("Combien d'élèves par classe ?"))
                .body("steps[1].byApplicant", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("message", "Trente, en deux groupes"))
                .post(path, slug, reference, key).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("steps[2].byApplicant", equalTo(true));
        given().get("/api/manage/campaigns/{slug}/call/applications?status=submitted", slug).then().statusCode(200)
                .body("reference", hasItems(reference));
        // Linking to a beneficiary of another kind is refused; accepting creates one from the application.
        String association = io.clickgive.Distribution.unique("asso");
        given().contentType(ContentType.JSON).body(Map.of("code", association, "kind", "ASSOCIATION",
                "name", "Association " + association, "region", "MA-09", "province", "Tiznit", "peopleServed", 80))
                .post("/api/manage/beneficiaries").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("beneficiary", association))
                .post("/api/manage/applications/{ref}/accept", reference).then().statusCode(409)
                .body("detail", containsString("ASSOCIATION"));
        given().contentType(ContentType.JSON).body(Map.of("note", "Bienvenue"))
                .post("/api/manage/applications/{ref}/accept", reference).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("beneficiary", equalTo(reference))
                .body("request", notNullValue()).body("steps", hasSize(4));
        given().get("/api/manage/beneficiaries/{code}", reference).then().statusCode(200)
                .body("kind", equalTo("SCHOOL")).body("name", equalTo(school.get("organisation")))
                .body("bandwidthMbps", nullValue());
        given().get("/api/manage/campaigns/{slug}/requests", slug).then().statusCode(200)
                .body("find { it.beneficiary == '" + reference + "' }.tablets", equalTo(12))
                .body("find { it.beneficiary == '" + reference + "' }.status", equalTo("SUBMITTED"));
        given().contentType(ContentType.JSON).body(Map.of("message", "Finalement non"))
                .post("/api/manage/applications/{ref}/decline", reference).then().statusCode(409)
                .body("detail", containsString("final"));
        assertEquals(4, new Count(db).of("SELECT count(*) FROM application_event e JOIN application a "
                + "ON a.id = e.application_id WHERE a.reference = ?", reference));
    }

    private long applications() {
        return new Count(db).of("SELECT count(*) FROM application");
    }
}
