package io.clickgive.console;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.site.Sites;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A manager registers a site's router SIM, plans its monthly data and issues this month's, all in the console. */
@QuarkusTest
class SiteBundlePagesTest {

    @Test
    void aSitesMonthlyDataIsPlannedAndIssuedInTheConsole() {
        String slug = Fixtures.liveCampaign("site-console");
        Distribution.donate(slug, 100);                          // 1 000 MB
        String site = Sites.approved("console-sim");
        Sites.install(site);
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/sites/" + site + "?lang=fr");
        String iccid = Sites.iccid();
        String mistyped = iccid.substring(0, 18) + (char) ('0' + (iccid.charAt(18) - '0' + 5) % 10);
        manager.request().formParam("csrf", token).formParam("step", "device").formParam("iccid", mistyped)
                .formParam("msisdn", "0670123456").post("/console/sites/" + site).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("Luhn"));
        manager.request().formParam("csrf", token).formParam("step", "device").formParam("iccid", iccid)
                .formParam("msisdn", "0670123456").formParam("label", "Routeur de l'école")
                .post("/console/sites/" + site).then().statusCode(303);
        assertTrue(manager.page("/console/sites/" + site + "?lang=fr").contains(iccid));

        String page = "/console/campaigns/" + slug + "/site-bundles";
        String month = YearMonth.now(ZoneId.of("Africa/Casablanca")).toString();
        manager.request().formParam("csrf", token).formParam("action", "plan").formParam("site", site)
                .formParam("device", iccid).formParam("monthlyMegabytes", "600").formParam("firstMonth", month)
                .formParam("months", "6").post(page).then().statusCode(303);
        String issued = manager.request().formParam("csrf", token).formParam("action", "issue")
                .formParam("month", month).formParam("lang", "fr").post(page).then().statusCode(200).extract().asString();
        assertTrue(issued.contains("data-result=\"ISSUED\"") && issued.contains("émis"), issued);
        // Again: issued before, nothing more taken from the pool.
        String again = manager.request().formParam("csrf", token).formParam("action", "issue")
                .formParam("month", month).formParam("lang", "fr").post(page).then().statusCode(200).extract().asString();
        assertTrue(again.contains("data-result=\"ALREADY\""), again);
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("allocatedMegabytes", equalTo(600));
        assertTrue(manager.page(page + "?lang=ar").contains(site));
    }
}
