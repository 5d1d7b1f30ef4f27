package io.clickgive.page;

import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The front door lists what the public may see: live campaigns with their game, closed ones with what they gave. */
@QuarkusTest
class FrontDoorTest {

    @Test
    void listsLiveAndClosedCampaignsButNeverADraft() {
        String live = Fixtures.liveCampaign("door-live");
        String closed = Fixtures.liveCampaign("door-closed");
        Fixtures.setStatus(closed, "CLOSED");
        String draft = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("door-draft")));
        given().get("/?lang=fr").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("href=\"/c/" + live + "?lang=fr\""))
                .body(containsString("href=\"/c/" + live + "/report?lang=fr\""))
                .body(containsString("data-slug=\"" + closed + "\""))
                .body(not(containsString("href=\"/c/" + closed + "?lang=fr\""))) // a closed one has no game
                .body(not(containsString(draft)))
                .body(containsString("href=\"/console\""));
    }

    @Test
    void speaksArabicRightToLeft() {
        Fixtures.liveCampaign("door-ar");
        given().header("Accept-Language", "ar-MA,ar;q=0.9").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("جارية الآن"));
    }
}
