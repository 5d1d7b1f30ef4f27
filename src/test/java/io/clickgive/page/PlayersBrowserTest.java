package io.clickgive.page;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Browser;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.clickgive.campaign.CampaignCatalog;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Players and sponsors in Debian's headless Chromium: joining a team by its link and watching its figures move, a team's
 * share image in Arabic, a matching hour announced and counted, and a sponsor's purse running out during a round.
 * Screenshots go to target/screenshots/.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class PlayersBrowserTest {

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource db;

    @Inject
    CampaignCatalog catalog;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open("--lang=ar");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPlayerJoinsATeamByItsLinkAndSeesItMove() throws Exception {
        String slug = Fixtures.liveCampaign("browser-team");
        String address = Fixtures.randomAddress();
        String founder = Fixtures.mintIdentity(address);
        String code = Fixtures.team(slug, founder, address, "مدرسة الأمل", "MA-07");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(root + "c/" + slug + "/t/" + code + "?lang=ar");
        Browser.await(browser, By.cssSelector("#team-join:not([disabled])"), 10).click();
        Browser.await(browser, By.id("team-joined"), 10);
        Browser.textUntil(browser, By.id("team-members"), 10, text -> text.startsWith("2"));
        // The founder plays: the page, kept live, shows the team's megabytes move.
        Fixtures.Session session = Fixtures.startSession(slug, Map.of("identity", founder), address);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(100, 12, 150)).then().statusCode(200);
        new Ledger(db).awaitClicks(slug, 12, Duration.ofSeconds(10));
        Browser.textUntil(browser, By.id("team-megabytes"), 15, text -> text.contains("120"));
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        Browser.shoot(browser, "team-ar-phone");

        byte[] png = given().get("/c/{slug}/t/{code}/image.png?lang=ar", slug, code).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        Files.createDirectories(Browser.SHOTS);
        Files.write(Browser.SHOTS.resolve("team-share-ar.png"), png);
    }

    @Test
    void aMatchingHourIsAnnouncedAndCountedOnThePage() throws Exception {
        String slug = Fixtures.liveCampaign("browser-matching");
        new Ledger(db).single("INSERT INTO matching_window (campaign_id, starts_at, ends_at, rate_tenths, created_by, "
                + "created_at) VALUES (?, now() - interval '1 minute', now() + interval '20 minutes', 20, 'test', "
                + "now() - interval '1 hour') RETURNING id", catalog.bySlug(slug).id());
        catalog.refresh();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root + "c/" + slug + "?lang=fr");
        String line = Browser.text(browser, By.id("matching"), 10);
        assertTrue(line.contains("×2"), line);
        Browser.await(browser, By.cssSelector("#start:not([disabled])"), 10).click();
        Browser.await(browser, By.id("tap"), 15);
        int taps = Browser.tapFor(browser, Duration.ofSeconds(14), null);
        assertTrue(taps >= 5, "tapped " + taps);
        new Ledger(db).awaitClicks(slug, taps, Duration.ofSeconds(10));
        assertEquals(taps * 20L, new Ledger(db).single("SELECT sum(d.megabytes) FROM donation d JOIN campaign c "
                + "ON c.id = d.campaign_id WHERE c.slug = ?", slug));
        Browser.shoot(browser, "matching-fr-desktop");
    }

    @Test
    void theSponsorsPurseRunsOutDuringARound() throws Exception {
        String slug = Fixtures.liveCampaign("browser-purse");
        given().contentType(ContentType.JSON).body(Map.of("name", "Atlas Mobile", "link", "https://example.org",
                "purseMegabytes", 60)).put("/api/manage/campaigns/{slug}/sponsor", slug).then().statusCode(200);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(root + "c/" + slug + "?lang=ar");
        Browser.text(browser, By.id("purse-line"), 10);
        Browser.shoot(browser, "purse-ar-phone-before");
        Browser.await(browser, By.cssSelector("#start:not([disabled])"), 10).click();
        Browser.await(browser, By.id("tap"), 15);
        int taps = Browser.tapFor(browser, Duration.ofSeconds(14), null);
        assertTrue(taps > 6, "tapped " + taps + " times, more than the purse's 6 clicks");
        String result = Browser.text(browser, By.cssSelector(".rejected"), 25);
        assertTrue(result.contains("نفدت هدية الراعي"), result);
        Browser.shoot(browser, "purse-ar-phone-result");
        assertEquals(60, new Ledger(db).single("SELECT coalesce(sum(d.megabytes), 0) FROM donation d JOIN campaign c "
                + "ON c.id = d.campaign_id WHERE c.slug = ?", slug));
        // The page, loaded again once the keeper read the purse, thanks the players, and a new round is refused.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> given()
                .get("/api/campaigns/{slug}/sponsor", slug).then().extract().<Boolean>path("spent"));
        browser.get(root + "c/" + slug + "?lang=ar");
        String thanks = Browser.text(browser, By.id("purse-line"), 10);
        assertTrue(thanks.contains("شكرًا"), thanks);
        Browser.await(browser, By.cssSelector("#start:not([disabled])"), 10).click();
        String refused = Browser.text(browser, By.cssSelector(".error, .status"), 15);
        Browser.shoot(browser, "purse-ar-phone-spent");
        assertTrue(refused.contains("شكرًا"), refused);
    }
}
