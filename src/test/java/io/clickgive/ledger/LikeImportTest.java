package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Likes from a partner platform become donations at the campaign's rate, each like once. */
@QuarkusTest
class LikeImportTest {

    @Inject
    AgroalDataSource db;

    @Test
    void likesAreConvertedOnceEvenWhenResent() {
        String slug = Fixtures.liveCampaign("likes");
        List<Map<String, Object>> likes = IntStream.range(0, 250)
                .mapToObj(i -> Map.<String, Object>of("externalId", "ig-" + i, "region", i % 2 == 0 ? "MA-06" : "MA-01"))
                .toList();
        importLikes(slug, likes).statusCode(200)
                .body("received", equalTo(250)).body("imported", equalTo(250)).body("duplicates", equalTo(0))
                .body("megabytes", equalTo(2500));
        List<Map<String, Object>> resent = new java.util.ArrayList<>(likes.subList(200, 250));
        resent.add(Map.of("externalId", "ig-new"));
        importLikes(slug, resent).statusCode(200)
                .body("received", equalTo(51)).body("imported", equalTo(1)).body("duplicates", equalTo(50));

        Fixtures.totals(slug).then().body("likes", equalTo(251)).body("megabytes", equalTo(2510))
                .body("regions.find { it.code == 'MA-06' }.likes", equalTo(125));
        assertEquals(251, new Ledger(db).single(
                "SELECT likes FROM ledger_total t JOIN campaign c ON c.id = t.campaign_id WHERE c.slug = ?", slug));
        given().post("/api/manage/campaigns/{slug}/reconcile", slug).then().body("balanced", equalTo(true));
        assertEquals(0L, new Ledger(db).sumsAdrift(slug), "running sums = counted rows, duplicates skipped");
    }

    @Test
    void likesAreRefusedOutsideALiveOrPausedCampaign() {
        String draft = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("likes-draft")));
        importLikes(draft, List.of(Map.of("externalId", "a"))).statusCode(409).body("detail", containsString("draft"));
        String closed = Fixtures.liveCampaign("likes-closed");
        Fixtures.setStatus(closed, "CLOSED");
        importLikes(closed, List.of(Map.of("externalId", "a"))).statusCode(409);
        importLikes("no-such-campaign", List.of(Map.of("externalId", "a"))).statusCode(404);
    }

    @Test
    void malformedLikesAreRefusedAndNothingIsImported() {
        String slug = Fixtures.liveCampaign("likes-bad");
        importLikes(slug, List.of(Map.of("externalId", "ok-1"), Map.of("externalId", " "))).statusCode(400)
                .body("detail", containsString("externalId"));
        importLikes(slug, List.of(Map.of("externalId", "ok-1"), Map.of("externalId", "x", "region", "MA-99"))).statusCode(400)
                .body("detail", containsString("MA-99"));
        importLikes(slug, List.of(Map.of("externalId", "x", "likedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())))
                .statusCode(400).body("detail", containsString("future"));
        importLikes(slug, List.of()).statusCode(400);
        given().contentType(ContentType.JSON).body("{\"likes\": [{\"externalId\": 3").post("/api/manage/campaigns/{slug}/likes", slug)
                .then().statusCode(400);
        assertEquals(0, new Ledger(db).rows(slug));
        Fixtures.totals(slug).then().body("likes", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse importLikes(String slug, List<Map<String, Object>> likes) {
        return given().contentType(ContentType.JSON).body(Map.of("likes", likes))
                .post("/api/manage/campaigns/{slug}/likes", slug).then();
    }
}
