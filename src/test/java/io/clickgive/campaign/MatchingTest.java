package io.clickgive.campaign;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MatchingTest {

    @Inject
    AgroalDataSource db;

    @Inject
    CampaignCatalog catalog;

    private static ValidatableResponse schedule(String slug, Instant from, Instant to, Object rate) {
        return given().contentType(ContentType.JSON).body(Map.of("startsAt", from.toString(), "endsAt", to.toString(),
                "rate", rate)).post("/api/manage/campaigns/{slug}/matching", slug).then();
    }

    @Test
    void windowsAreScheduledAheadWithinTheCampaignAtAllowedRatesAndNeverOverlap() {
        String slug = Fixtures.liveCampaign("matching-rules");
        Instant hour = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        schedule(slug, Instant.now().minusSeconds(60), hour, 2).statusCode(400)
                .body("violations", hasItem(containsString("in the past")));
        schedule(slug, Instant.now().plusSeconds(20), hour, 2).statusCode(400)
                .body("violations", hasItem(containsString("at least a minute")));
        schedule(slug, hour, hour.plusSeconds(3600), 6).statusCode(400).body("violations", hasItem(containsString("1.1 to 5")));
        schedule(slug, hour, hour.plusSeconds(3600), 1).statusCode(400).body("violations", hasItem(containsString("1.1 to 5")));
        schedule(slug, hour, hour.plusSeconds(3600), 1.25).statusCode(400).body("violations", hasItem(containsString("tenths")));
        schedule(slug, hour, hour.minusSeconds(60), 2).statusCode(400).body("violations", hasItem(containsString("after startsAt")));
        schedule(slug, hour, hour.plus(Duration.ofDays(40)), 2).statusCode(400)
                .body("violations", hasItem(containsString("within the campaign")));
        int first = schedule(slug, hour, hour.plusSeconds(3600), 2).statusCode(201).body("state", equalTo("COMING"))
                .body("rate", equalTo(2)).extract().path("id");
        schedule(slug, hour.plusSeconds(1800), hour.plusSeconds(5400), 1.5).statusCode(400)
                .body("violations", hasItem(containsString("overlaps")));
        schedule(slug, hour.plusSeconds(3600), hour.plusSeconds(5400), 1.5).statusCode(201); // back to back is fine

        // A window that has not started may be cancelled; then its hour is free again.
        String other = Fixtures.liveCampaign("matching-other");
        given().post("/api/manage/campaigns/{slug}/matching/{id}/cancel", other, first).then().statusCode(404);
        given().post("/api/manage/campaigns/{slug}/matching/{id}/cancel", slug, first).then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        schedule(slug, hour.plusSeconds(600), hour.plusSeconds(1200), 3).statusCode(201);

        long started = startedWindow(slug, 20);
        given().post("/api/manage/campaigns/{slug}/matching/{id}/cancel", slug, started).then().statusCode(409)
                .body("detail", containsString("stays"));
        given().get("/api/manage/campaigns/{slug}/matching", slug).then().statusCode(200)
                .body("state", hasItem("ON")).body("state", hasItem("CANCELLED"));
    }

    @Test
    void clicksInAWindowCountAtItsRateEverywhere() throws InterruptedException {
        String slug = Fixtures.liveCampaign("matching-count");
        Fixtures.Session plain = Fixtures.startSession(slug);
        Fixtures.sendBatch(plain, 1, Fixtures.offsets(100, 5, 200)).then().statusCode(200)
                .body("sessionMegabytes", equalTo(50));
        startedWindow(slug, 20);
        Fixtures.Session doubled = Fixtures.startSession(slug, Map.of("region", "MA-06"));
        Fixtures.sendBatch(doubled, 1, Fixtures.offsets(100, 20, 200)).then().statusCode(200)
                .body("sessionMegabytes", equalTo(400));
        Fixtures.sendBatch(doubled, 2, Fixtures.offsets(5000, 3, 200)).then().statusCode(200)
                .body("sessionMegabytes", equalTo(460));
        Fixtures.sendBatch(doubled, 2, Fixtures.offsets(5000, 3, 200)).then().statusCode(200)
                .body("sessionMegabytes", equalTo(460)); // a replay: its first answer

        Fixtures.totals(slug).then().body("clicks", equalTo(28)).body("megabytes", equalTo(510))
                .body("regions.find { it.code == 'MA-06' }.megabytes", equalTo(460));
        Ledger ledger = new Ledger(db);
        ledger.awaitClicks(slug, 28, Duration.ofSeconds(10));
        assertEquals(510, ledger.single("SELECT sum(d.megabytes) FROM donation d JOIN campaign c ON c.id = d.campaign_id"
                + " WHERE c.slug = ?", slug));
        assertEquals(23, ledger.single("SELECT sum(d.units) FROM donation d JOIN campaign c ON c.id = d.campaign_id"
                + " WHERE c.slug = ? AND d.rate_tenths = 20", slug), "each donation records the rate that applied");
        given().get("/api/manage/campaigns/{slug}/report", slug).then().body("total.donatedMegabytes", equalTo(510));
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("donatedMegabytes", equalTo(510));
        given().post("/api/manage/campaigns/{slug}/reconcile", slug).then().statusCode(200).body("balanced", equalTo(true));

        // Redis forgets the matched megabytes: the reconcile puts them back from the ledger.
        io.quarkus.arc.Arc.container().instance(io.quarkus.redis.datasource.RedisDataSource.class).get()
                .execute("DEL", "cg:{c" + catalog.bySlug(slug).id() + ".s" + 0 + "}:totals");
        for (int shard = 1; shard < 8; shard++) {
            io.quarkus.arc.Arc.container().instance(io.quarkus.redis.datasource.RedisDataSource.class).get()
                    .execute("DEL", "cg:{c" + catalog.bySlug(slug).id() + ".s" + shard + "}:totals");
        }
        given().post("/api/manage/campaigns/{slug}/reconcile", slug).then().statusCode(200).body("balanced", equalTo(false));
        Fixtures.totals(slug).then().body("megabytes", equalTo(510));
    }

    @Test
    void thePageAnnouncesAWindowOnOrComing() {
        String slug = Fixtures.liveCampaign("matching-page");
        Instant hour = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        given().get("/c/{slug}?lang=fr", slug).then().body(org.hamcrest.Matchers.not(containsString("id=\"matching\"")));
        schedule(slug, hour, hour.plusSeconds(3600), 2).statusCode(201);
        catalog.refresh();
        given().get("/c/{slug}?lang=fr", slug).then().body(containsString("À venir : chaque clic comptera ×2"));
        startedWindow(slug, 30);
        given().get("/c/{slug}?lang=ar", slug).then().body(containsString("ساعة المضاعفة: كل نقرة تُحسب ×3"));
    }

    /** A window on now, as one scheduled a while ago would be: written directly, then read into the catalog. */
    private long startedWindow(String slug, int rateTenths) {
        long campaign = catalog.bySlug(slug).id();
        long id = new Ledger(db).single("INSERT INTO matching_window (campaign_id, starts_at, ends_at, rate_tenths, "
                + "created_by, created_at) VALUES (?, now() - interval '5 minutes', now() + interval '10 minutes', ?, "
                + "'test', now() - interval '1 hour') RETURNING id", campaign, rateTenths);
        catalog.refresh();
        return id;
    }
}
