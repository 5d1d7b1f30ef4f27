package io.clickgive.campaign;

import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CampaignResourceTest {

    @Test
    void createdCampaignStartsAsDraftWithTheProgrammesDefaults() {
        String slug = Fixtures.uniqueSlug("create");
        given().contentType(ContentType.JSON).body(Fixtures.draft(slug)).post("/api/manage/campaigns")
                .then().statusCode(201)
                .header("Location", endsWith("/api/manage/campaigns/" + slug))
                .body("status", equalTo("DRAFT"))
                .body("megabytesPerClick", equalTo(10))
                .body("sessionSeconds", equalTo(10))
                .body("maxClicksPerSession", equalTo(150))
                .body("gigabyteConvention", equalTo("1 GB = 1000 MB"))
                .body("names.ar", equalTo("رمضان"));
        given().get("/api/manage/campaigns/{slug}", slug).then().statusCode(200).body("slug", equalTo(slug));
        given().get("/api/manage/campaigns").then().statusCode(200).body("slug", hasItem(slug));
    }

    @Test
    void takenSlugIsAConflict() {
        String slug = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("taken")));
        given().contentType(ContentType.JSON).body(Fixtures.draft(slug)).post("/api/manage/campaigns")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("exists"));
    }

    @Test
    void invalidSettingsAreRefusedWithTheirReasons() {
        Map<String, Object> draft = new HashMap<>(Fixtures.draft("Bad Slug!"));
        draft.put("megabytesPerClick", 0);
        draft.remove("goalGigabytes");
        given().contentType(ContentType.JSON).body(draft).post("/api/manage/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("slug"))
                .body("detail", containsString("megabytesPerClick"))
                .body("detail", containsString("goalGigabytes"));

        Map<String, Object> backwards = new HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("backwards")));
        backwards.put("closesAt", backwards.get("opensAt"));
        given().contentType(ContentType.JSON).body(backwards).post("/api/manage/campaigns")
                .then().statusCode(400).body("detail", containsString("closesAt"));

        Map<String, Object> oddGigabyte = new HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("odd-gb")));
        oddGigabyte.put("megabytesPerGigabyte", 999);
        given().contentType(ContentType.JSON).body(oddGigabyte).post("/api/manage/campaigns")
                .then().statusCode(400).body("detail", containsString("1000 or 1024"));
    }

    @Test
    void malformedJsonIsABadRequestNotAnError() {
        given().contentType(ContentType.JSON).body("{\"slug\": ").post("/api/manage/campaigns")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("JSON"));
        given().contentType(ContentType.JSON).body("{\"slug\": \"x-y\", \"goalGigabytes\": \"many\"}").post("/api/manage/campaigns")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).post("/api/manage/campaigns").then().statusCode(400);
    }

    @Test
    void unknownCampaignIsNotFound() {
        given().get("/api/manage/campaigns/{slug}", "no-such-campaign").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void statusFollowsTheLifeCycle() {
        String slug = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("cycle")));
        move(slug, "PAUSED").statusCode(409).body("detail", containsString("DRAFT"));
        move(slug, "LIVE").statusCode(200).body("status", equalTo("LIVE"));
        move(slug, "PAUSED").statusCode(200).body("status", equalTo("PAUSED"));
        move(slug, "LIVE").statusCode(200);
        move(slug, "CLOSED").statusCode(200);
        move(slug, "LIVE").statusCode(409).body("detail", containsString("CLOSED"));
        move(slug, "NOT_A_STATUS").statusCode(400);
    }

    @Test
    void conversionIsFixedOnceLiveButOtherSettingsMayChange() {
        Map<String, Object> draft = new HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("fixed")));
        String slug = Fixtures.liveCampaign(draft);
        draft.put("goalGigabytes", 800);
        given().contentType(ContentType.JSON).body(draft).put("/api/manage/campaigns/{slug}", slug)
                .then().statusCode(200).body("goalGigabytes", equalTo(800));
        draft.put("megabytesPerClick", 20);
        given().contentType(ContentType.JSON).body(draft).put("/api/manage/campaigns/{slug}", slug)
                .then().statusCode(409).body("detail", containsString("megabytesPerClick"));
        given().get("/api/manage/campaigns/{slug}", slug).then().body("megabytesPerClick", equalTo(10));
    }

    private static io.restassured.response.ValidatableResponse move(String slug, String status) {
        return given().contentType(ContentType.JSON).body(Map.of("status", status))
                .post("/api/manage/campaigns/{slug}/status", slug).then();
    }
}
