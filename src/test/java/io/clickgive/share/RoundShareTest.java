package io.clickgive.share;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shared round says what the ledger recorded for it, never what the page claimed; its image is keyed by what it
 * says, so made-up sessions cost one drawing between them.
 */
@QuarkusTest
class RoundShareTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aSharedRoundShowsWhatTheLedgerRecorded() throws Exception {
        String slug = Fixtures.liveCampaign("round-share");
        Fixtures.Session session = Fixtures.startSession(slug, Map.of("region", "MA-07"));
        Fixtures.sendBatch(session, 1, Fixtures.offsets(100, 12, 120)).then().statusCode(200)
                .body("accepted", equalTo(12));
        assertEquals(12, new Ledger(db).awaitClicks(slug, 12, Duration.ofSeconds(10)));
        given().get("/c/{slug}/r/{session}?lang=fr", slug, session.id()).then().statusCode(200)
                .body(containsString("Je viens de donner 120 Mo"))
                .body(containsString("/c/" + slug + "/r/" + session.id() + "/image.png?lang=fr\">"))
                .body(containsString("href=\"/c/" + slug + "?lang=fr\""));
        byte[] given = given().get("/c/{slug}/r/{session}/image.png?lang=ar", slug, session.id()).then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        assertEquals(ShareImages.WIDTH, ImageIO.read(new ByteArrayInputStream(given)).getWidth());
        // Made-up sessions: 0 MB, one image between them; malformed ones: 404.
        byte[] one = given().get("/c/{slug}/r/{session}/image.png?lang=ar", slug, "madeup-0001").then()
                .statusCode(200).extract().asByteArray();
        byte[] two = given().get("/c/{slug}/r/{session}/image.png?lang=ar", slug, "madeup-0002").then()
                .statusCode(200).extract().asByteArray();
        assertTrue(Arrays.equals(one, two), "the same card, the same image");
        assertFalse(Arrays.equals(one, given), "a round that gave says so");
        given().get("/c/{slug}/r/{session}?lang=fr", slug, "madeup-0003").then().statusCode(200)
                .body(containsString("Je viens de donner 0 Mo"));
        given().get("/c/{slug}/r/{session}/image.png", slug, "x").then().statusCode(404);
        given().get("/c/{slug}/r/{session}/image.png", "no-such-campaign", session.id()).then().statusCode(404);
    }
}
