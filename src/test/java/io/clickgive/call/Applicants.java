package io.clickgive.call;

import io.clickgive.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Calls for projects the way their users meet them: a manager opens one, organisations apply as the page does. */
public final class Applicants {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Applicants() {
    }

    /** A live campaign with an open call: associations, schools and sites, Souss-Massa and Marrakech-Safi, 50 people. */
    public static String campaignWithCall(String prefix) {
        String slug = Fixtures.liveCampaign(prefix);
        openCall(slug, Instant.now().plus(30, ChronoUnit.DAYS)).then().statusCode(200);
        return slug;
    }

    public static Response openCall(String slug, Instant deadline) {
        return given().contentType(ContentType.JSON).body(Map.of("title", "Appel 2027 : écoles et douars",
                        "kinds", List.of("ASSOCIATION", "SCHOOL", "CONNECTIVITY_SITE"),
                        "regions", List.of("MA-07", "MA-09"), "minPeople", 50,
                        "questions", List.of("Comment rendrez-vous compte de l'usage ?", "Quel calendrier ?"),
                        "deadline", deadline.toString()))
                .put("/api/manage/campaigns/{slug}/call", slug);
    }

    /** A valid school's application, with its own name and phone (so that it is never a duplicate). */
    public static Map<String, Object> school() {
        int n = NEXT.incrementAndGet() + (int) (System.nanoTime() % 100_000) * 100;
        Map<String, Object> application = new HashMap<>();
        application.put("organisation", "École Tafraout " + n);
        application.put("kind", "SCHOOL");
        application.put("region", "MA-09");
        application.put("province", "Tiznit");
        application.put("peopleServed", 120);
        application.put("purpose", "Cours de soutien en ligne");
        application.put("tablets", 12);
        application.put("contactName", "Fatima Zahra");
        application.put("contactPhone", "06 12 " + String.format("%06d", n % 1_000_000));
        application.put("answers", List.of("Un rapport chaque trimestre", "Rentrée de septembre"));
        return application;
    }

    public static Map<String, Object> challenge(String slug, String address) {
        return given().header("X-Forwarded-For", address).post("/api/campaigns/{slug}/call/challenges", slug)
                .then().statusCode(200).extract().path("$");
    }

    /** Applies as the page does: asks the network's puzzle, solves it, sends the application with it. */
    public static Response apply(String slug, Map<String, Object> application, String address) {
        return send(slug, application, Fixtures.solve(challenge(slug, address)), address);
    }

    public static Response send(String slug, Map<String, Object> application, Map<String, Object> proof,
                                String address) {
        Map<String, Object> body = new HashMap<>();
        body.put("application", application);
        if (proof != null) {
            body.put("proof", proof);
        }
        return given().contentType(ContentType.JSON).body(body).header("X-Forwarded-For", address)
                .post("/api/campaigns/{slug}/call/applications", slug);
    }
}
