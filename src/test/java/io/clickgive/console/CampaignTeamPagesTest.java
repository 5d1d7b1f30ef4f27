package io.clickgive.console;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager's view of players and sponsors in the console: the teams page hides a name with its reason and shows it
 * again; the dashboard and the report show the leading teams, the sponsor's purse and the matching hours.
 */
@QuarkusTest
class CampaignTeamPagesTest {

    @Test
    void aManagerHidesATeamAndSeesTeamsPurseAndWindowsOnTheDashboard() {
        String slug = Fixtures.liveCampaign("console-teams");
        String address = Fixtures.randomAddress();
        String code = Fixtures.team(slug, Fixtures.mintIdentity(address), address, "Club Insulte", "MA-02");
        given().contentType(ContentType.JSON).body(Map.of("name", "Atlas Mobile", "purseMegabytes", 5000))
                .put("/api/manage/campaigns/{slug}/sponsor", slug).then().statusCode(200);
        Instant hour = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        given().contentType(ContentType.JSON).body(Map.of("startsAt", hour.toString(),
                "endsAt", hour.plusSeconds(3600).toString(), "rate", 2))
                .post("/api/manage/campaigns/{slug}/matching", slug).then().statusCode(201);

        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String dashboard = manager.page("/console/campaigns/" + slug + "?lang=fr");
        assertTrue(dashboard.contains("id=\"dashboard-teams\"") && dashboard.contains("Club Insulte"), dashboard);
        assertTrue(dashboard.contains("id=\"dashboard-purse\"") && dashboard.contains("Atlas Mobile"), dashboard);
        assertTrue(dashboard.contains("data-state=\"COMING\"") && dashboard.contains("×2"), dashboard);
        String report = manager.page("/console/campaigns/" + slug + "/report?lang=ar");
        assertTrue(report.contains("id=\"dashboard-purse\"") && report.contains("Club Insulte"), report);

        String page = "/console/campaigns/" + slug + "/teams";
        String token = manager.token(page + "?lang=fr");
        long id = ((Number) given().get("/api/manage/teams?campaign={slug}", slug).then().extract()
                .path("find { it.code == '" + code + "' }.id")).longValue();
        manager.request().formParam("csrf", token).formParam("action", "hide").formParam("reason", " ")
                .formParam("lang", "fr").post(page + "/" + id).then().statusCode(400);
        manager.request().formParam("csrf", token).formParam("action", "hide")
                .formParam("reason", "Un nom qui insulte").formParam("lang", "fr").post(page + "/" + id)
                .then().statusCode(303);
        String hidden = manager.page(page + "?lang=fr");
        assertTrue(hidden.contains("Un nom qui insulte") && hidden.contains("hidden-team"), hidden);
        given().get("/api/campaigns/{slug}/teams/{code}", slug, code).then().statusCode(404);
        manager.request().formParam("csrf", token).formParam("action", "show").formParam("lang", "fr")
                .post(page + "/" + id).then().statusCode(303);
        given().get("/api/campaigns/{slug}/teams/{code}", slug, code).then().statusCode(200)
                .body("name", equalTo("Club Insulte"));
    }
}
