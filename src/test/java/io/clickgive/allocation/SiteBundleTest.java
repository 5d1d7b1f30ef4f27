package io.clickgive.allocation;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.site.Sites;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A site's data month after month: its router SIM registered (the ICCID's check digit checked), a plan, and each
 * month's bundle issued from the pool once, only to an installed site, never beyond what the pool holds.
 */
@QuarkusTest
class SiteBundleTest {

    private static final String THIS_MONTH = YearMonth.now(ZoneId.of("Africa/Casablanca")).toString();

    @Test
    void aSitesRouterSimIsRegisteredWithItsCheckDigit() {
        String site = Sites.approved("sim");
        String iccid = Sites.iccid();
        String wrong = iccid.substring(0, 18) + (char) ('0' + (iccid.charAt(18) - '0' + 1) % 10);
        device(site, wrong, "0670000001").statusCode(400).body("detail", containsString("Luhn"));
        device(site, "12345", "0670000001").statusCode(400).body("detail", containsString("ICCID"));
        device(site, iccid, "0670000002").statusCode(201).body("kind", equalTo("ROUTER_SIM"));
        device(site, iccid, "0670000003").statusCode(409);
        String school = Distribution.beneficiary("MA-07", 40);
        device(school, Sites.iccid(), "0670000004").statusCode(409).body("detail", containsString("not a connectivity site"));
        given().get("/api/manage/sites/{code}/devices", site).then().statusCode(200).body("iccid", equalTo(List.of(iccid)));
    }

    @Test
    void eachMonthIsIssuedOnceToAnInstalledSiteAndNeverBeyondThePool() {
        String slug = Fixtures.liveCampaign("site-bundles");
        Distribution.donate(slug, 250);                         // 2 500 MB
        String site = Sites.approved("monthly");
        String sim = Sites.sim(site);
        String month = THIS_MONTH;
        String last = YearMonth.parse(month).minusMonths(1).toString();
        plan(slug, site, Sites.iccid(), 1_000, last, 12).statusCode(404);     // not this site's SIM
        plan(slug, site, sim, 1_000, "2026-13", 12).statusCode(400);
        plan(slug, site, sim, 1_000, last, 12).statusCode(201).body("site", equalTo(site));
        plan(slug, site, sim, 500, last, 12).statusCode(409);
        // Not installed yet: nothing for it.
        issue(slug, month).statusCode(200).body("outcomes[0].result", equalTo("NOT_INSTALLED"))
                .body("pool.allocatedMegabytes", equalTo(0));
        Sites.install(site);
        issue(slug, month).statusCode(200).body("outcomes[0].result", equalTo("ISSUED"))
                .body("pool.allocatedMegabytes", equalTo(1_000));
        issue(slug, month).statusCode(200).body("outcomes[0].result", equalTo("ALREADY"))
                .body("pool.allocatedMegabytes", equalTo(1_000));
        issue(slug, last).statusCode(200).body("outcomes[0].result", equalTo("ISSUED"))
                .body("pool.allocatedMegabytes", equalTo(2_000));
        issue(slug, YearMonth.parse(month).plusMonths(1).toString()).statusCode(400)
                .body("detail", containsString("has not begun"));
        // A second site in the same pool: 500 MB left, its 1 000 MB bundle is not made, and says why.
        String other = Sites.approved("short");
        Sites.install(other);
        plan(slug, other, Sites.sim(other), 1_000, month, 3).statusCode(201);
        issue(slug, month).statusCode(200)
                .body("outcomes.find { it.site == '" + other + "' }.result", equalTo("SHORT"))
                .body("outcomes.find { it.site == '" + other + "' }.detail", containsString("500 MB available"))
                .body("pool.allocatedMegabytes", equalTo(2_000));
        given().get("/api/manage/campaigns/{slug}/site-plans", slug).then().statusCode(200)
                .body("find { it.site == '" + site + "' }.issued", hasSize(2))
                .body("find { it.site == '" + site + "' }.issued[0].expiresOn", containsString(last + "-"));
    }

    private static ValidatableResponse device(String site, String iccid, String msisdn) {
        return given().contentType(ContentType.JSON).body(Map.of("iccid", iccid, "msisdn", msisdn))
                .post("/api/manage/sites/{code}/devices", site).then();
    }

    static ValidatableResponse plan(String slug, String site, String sim, int megabytes, String first, int months) {
        return given().contentType(ContentType.JSON).body(Map.of("device", sim, "monthlyMegabytes", megabytes,
                "firstMonth", first, "months", months)).put("/api/manage/campaigns/{slug}/site-plans/{code}", slug, site)
                .then();
    }

    static ValidatableResponse issue(String slug, String month) {
        return given().post("/api/manage/campaigns/{slug}/site-bundles?month={month}", slug, month).then();
    }
}
