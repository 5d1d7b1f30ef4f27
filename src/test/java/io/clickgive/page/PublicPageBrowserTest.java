package io.clickgive.page;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Browser;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.clickgive.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public page in Debian's headless Chromium, driven through its chromedriver: a whole round played by tapping,
 * checked against the ledger; Arabic right to left; a batch sent while offline counted after reconnecting; a closed
 * campaign's message. Screenshots (ar and fr, phone and desktop) go to target/screenshots/.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class PublicPageBrowserTest {

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource db;

    @Inject
    TestClock clock;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open("--lang=fr");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRoundPlayedInTheBrowserEndsUpInTheLedger() throws Exception {
        String slug = Fixtures.liveCampaign(guarded("page-play"));
        open(slug, "fr", 390, 844);
        startRound();
        int taps = tapFor(Duration.ofSeconds(14), null);
        WebElement counted = await(By.cssSelector(".counted"), 25);
        int shown = number(counted.getText());
        // A busy CI machine slows the browser's clicks (once 16 in the round): enough taps to mean something, and each
        // one shown and in the ledger.
        assertTrue(taps >= 10, "tapped " + taps + " times");
        assertEquals(taps, shown, counted.getText());
        assertEquals(shown, new Ledger(db).awaitClicks(slug, shown, Duration.ofSeconds(10)));
        shoot("fr-phone-result");
    }

    @Test
    void aBatchSentWhileOfflineIsCountedAfterReconnecting() throws Exception {
        String slug = Fixtures.liveCampaign(guarded("page-offline"));
        open(slug, "en", 390, 844);
        startRound();
        boolean[] sawNotice = {false};
        boolean[] down = {false};
        // The network drops 1 to 5 s into the round (after the 3 s countdown) and comes back.
        int taps = tapFor(Duration.ofSeconds(14), elapsed -> {
            boolean shouldBeDown = elapsed > 4_000 && elapsed < 8_000;
            if (shouldBeDown != down[0]) {
                offline(shouldBeDown);
                down[0] = shouldBeDown;
            }
            if (down[0] && !sawNotice[0]) {
                sawNotice[0] = !browser.findElements(By.cssSelector(".offline:not([hidden])")).isEmpty();
                if (sawNotice[0]) {
                    shoot("en-phone-playing-offline");
                }
            }
        });
        offline(false);
        int shown = number(await(By.cssSelector(".counted"), 25).getText());
        assertTrue(sawNotice[0], "the page said it was offline while the network was down");
        assertEquals(taps, shown);
        assertEquals(shown, new Ledger(db).awaitClicks(slug, shown, Duration.ofSeconds(10)));
    }

    @Test
    void theArabicPageReadsRightToLeftAndScreenshotsAreTaken() throws Exception {
        String slug = Fixtures.liveCampaign(guarded("page-ar"));
        open(slug, "ar", 390, 844);
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("ar", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("ابدأ", browser.findElement(By.id("start")).getText());
        shoot("ar-phone");
        open(slug, "ar", 1280, 900);
        shoot("ar-desktop");
        open(slug, "fr", 1280, 900);
        assertEquals("ltr", browser.findElement(By.tagName("html")).getAttribute("dir"));
        shoot("fr-desktop");
        open(slug, "fr", 390, 844);
        shoot("fr-phone");
        // Switching language keeps the page (no reload): the region picked stays picked.
        browser.findElement(By.cssSelector("#region option[value='MA-07']")).click();
        browser.findElement(By.cssSelector("a[data-lang='ar']")).click();
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("MA-07", browser.findElement(By.id("region")).getAttribute("value"));
        assertEquals("ابدأ", browser.findElement(By.id("start")).getText());
    }

    @Test
    void theFrontDoorListsTheLiveCampaignAndLeadsToItsGame() {
        String slug = Fixtures.liveCampaign(guarded("door"));
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(root + "?lang=ar");
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        shoot("front-ar-phone");
        browser.get(root + "?lang=fr");
        shoot("front-fr-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root + "?lang=fr");
        shoot("front-fr-desktop");
        browser.findElement(By.cssSelector("li[data-slug='" + slug + "'] a.play")).click();
        await(By.cssSelector("#start:not([disabled])"), 10);
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    void aClosedCampaignShowsItsMessage() throws Exception {
        String slug = Fixtures.liveCampaign(guarded("page-closed"));
        Fixtures.setStatus(slug, "CLOSED");
        // The catalog the page reads refreshes every second in tests.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given()
                .get("/c/{slug}?lang=fr", slug).then().statusCode(200).body(containsString("Cette campagne est terminée")));
        load(slug, "fr", 390, 844);
        assertEquals("Cette campagne est terminée", browser.findElement(By.tagName("h1")).getText());
        shoot("fr-phone-closed");
        given().get("/c/{slug}?lang=en", "no-such-campaign").then().statusCode(404)
                .body(containsString("Campaign not found"));
    }

    @Test
    void thePageWeighsUnderFiftyKilobytesGzipped() throws Exception {
        long total = 0;
        for (String asset : new String[] {"/assets/game.js", "/assets/texts.js", "/assets/game.css", "/assets/pow.worker.js"}) {
            byte[] body = given().get(asset).then().statusCode(200).extract().asByteArray();
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
                gzip.write(body);
            }
            total += zipped.size();
        }
        assertTrue(total < 50 * 1024, "script and style weigh " + total + " bytes gzipped");
        System.out.printf("Public page: script, worker and style weigh %d bytes gzipped%n", total);
    }

    @Test
    void theReportPageShowsHowFarTheDonationsTravelled() {
        String slug = io.clickgive.Distribution.deliveredCampaign(400, 2);  // 4 GB donated, 2 GB delivered
        load(slug + "/report", "ar", 390, 844);
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("2", browser.findElement(By.cssSelector("[data-field='delivered']")).getText());
        shoot("ar-phone-report");
        load(slug + "/report", "fr", 1280, 900);
        assertEquals("4", browser.findElement(By.cssSelector("[data-field='confirmed']")).getText());
        assertEquals("2 tablettes livrées", browser.findElement(By.cssSelector("[data-field='tablets']")).getText());
        shoot("fr-desktop-report");
    }

    @Test
    void aDistributorConfirmsADeliveryInTheConsoleAndTheReportShowsIt() {
        io.clickgive.Distribution.Prepared prepared = io.clickgive.Distribution.assignedCampaign(300, 2);
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(root + "console/tablets?lang=fr");
        // Not signed in: the console sends the browser to its sign-in page first.
        await(By.name("j_username"), 10).sendKeys(prepared.user());
        browser.findElement(By.name("j_password")).sendKeys(io.clickgive.Distribution.USER_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        // Signed in, the browser comes back to the page it asked for.
        await(By.id("tablets-form"), 10);
        browser.findElement(By.cssSelector("input[value='" + prepared.serials().get(0) + "']")).click();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('input[name=deliveredOn]').value = arguments[0]",
                java.time.LocalDate.now().toString());
        browser.findElement(By.name("recipient")).sendKeys("Mme Ouali, directrice");
        shoot("fr-phone-console-tablets");
        browser.findElement(By.cssSelector("#tablets-form > fieldset:last-of-type button")).click();
        assertTrue(await(By.cssSelector("p.status"), 10).getText().startsWith("1 "));
        shoot("fr-phone-console-delivered");

        load(prepared.slug() + "/report", "fr", 1280, 900);
        assertEquals("1 tablettes livrées", browser.findElement(By.cssSelector("[data-field='tablets']")).getText());
        assertEquals("1", browser.findElement(By.cssSelector("[data-field='delivered']")).getText());
    }

    @Test
    void aManagerCreatesACampaignLaunchesItAndWatchesItsDashboardMove() throws Exception {
        String slug = Fixtures.uniqueSlug("console-live");
        String manager = io.clickgive.Distribution.manager();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root + "console/campaigns/new?lang=fr");
        await(By.name("j_username"), 10).sendKeys(manager);
        browser.findElement(By.name("j_password")).sendKeys(io.clickgive.Distribution.USER_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        await(By.name("slug"), 10).sendKeys(slug);
        browser.findElement(By.name("nameAr")).sendKeys("رمضان التضامني");
        browser.findElement(By.name("nameFr")).sendKeys("Ramadan solidaire");
        browser.findElement(By.name("nameEn")).sendKeys("Ramadan of solidarity");
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Africa/Casablanca"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('input[name=opensAt]').value = arguments[0];"
                        + "document.querySelector('input[name=closesAt]').value = arguments[1];",
                now.minusHours(1).withSecond(0).withNano(0).toString().substring(0, 16),
                now.plusDays(30).withSecond(0).withNano(0).toString().substring(0, 16));
        browser.findElement(By.name("goalGigabytes")).sendKeys("400");
        browser.findElement(By.name("guard")).click();     // off: the test's clicks are evenly spaced
        shoot("fr-desktop-console-new-campaign");
        browser.findElement(By.cssSelector("form.form button[type='submit']")).click();
        await(By.cssSelector("form[action='/console/campaigns/" + slug + "/status'] button"), 10).click();
        // The catalog sees the launch within a second: the public page is the game's.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given()
                .get("/c/{slug}", slug).then().statusCode(200).body(containsString("id=\"boot\"")));
        await(By.linkText(slug), 10).click();
        String before = Browser.text(browser, By.cssSelector(".goal"), 10);
        assertTrue(before.contains(" 0 clics"), before);
        // A player plays a round meanwhile; the dashboard refreshes itself.
        Fixtures.Session session = Fixtures.startSession(slug);
        // 3 s countdown, then the clicks must have happened: the campaign checks offsets against the service's clock,
        // moved on meanwhile (until the dashboard has shown them: its chart reads the minutes from the same clock).
        try (TestClock.Moved later = clock.advance(Duration.ofSeconds(4))) {
            Fixtures.sendBatch(session, 1, Fixtures.offsets(100, 12, 60)).then().statusCode(200)
                    .body("accepted", equalTo(12));
            Browser.textUntil(browser, By.cssSelector(".goal"), 15, text -> text.contains(" 12 clics"));
            assertTrue(Browser.text(browser, By.id("chart-summary"), 5).contains("12"));
        }
        shoot("fr-desktop-console-dashboard");
    }

    @Test
    void aManagerPreviewsAnAllocationAndImportsAFileInTheConsole() throws Exception {
        String slug = Fixtures.liveCampaign("console-alloc");
        io.clickgive.Distribution.donate(slug, 300);
        io.clickgive.Distribution.bundleSizes(slug, 500, 1_000);
        io.clickgive.Distribution.approvedRequest(slug, "MA-06", 120, 3);
        io.clickgive.Distribution.approvedRequest(slug, "MA-08", 60, 2);
        io.clickgive.Distribution.tablets(5);
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(root + "console/campaigns/" + slug + "/allocation?lang=ar");
        await(By.name("j_username"), 10).sendKeys(io.clickgive.SignedIn.ADMIN);
        browser.findElement(By.name("j_password")).sendKeys(io.clickgive.SignedIn.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        await(By.cssSelector("button[value='preview']"), 10).click();
        assertTrue(await(By.id("plan-summary"), 10).getText().contains("باقة"));
        shoot("ar-desktop-console-allocation");

        java.nio.file.Path csv = Files.createTempFile("tablets", ".csv");
        Files.writeString(csv, "serial,imei,model\n" + io.clickgive.Distribution.unique("TAB") + ","
                + io.clickgive.Distribution.imei() + ",Galaxy Tab A9\nBAD-1,123,Galaxy Tab A9\n");
        browser.get(root + "console/imports?lang=en");
        WebElement form = await(By.cssSelector("form[action='/console/imports/tablets']"), 10);
        form.findElement(By.name("file")).sendKeys(csv.toString());
        form.findElement(By.cssSelector("input[value='keep-valid']")).click();
        form.findElement(By.cssSelector("button[type='submit']")).click();
        String report = await(By.id("import-report"), 15).getText();
        assertTrue(report.contains("1 imported"), report);
        assertTrue(report.contains("imei"), report);
        shoot("en-desktop-console-import");
    }

    /** A campaign with the guard on at its lightest: the page solves a real proof of work in its worker. */
    private static Map<String, Object> guarded(String prefix) {
        Map<String, Object> guard = new HashMap<>();
        guard.put("enabled", true);
        guard.put("powDifficulty", 1000);
        return Fixtures.guardedDraft(Fixtures.uniqueSlug(prefix), guard);
    }

    /** Opens a live campaign's page and waits for its script to take over (the start button becomes enabled). */
    private void open(String slug, String lang, int width, int height) {
        load(slug, lang, width, height);
        await(By.cssSelector("#start:not([disabled])"), 10);
    }

    private void load(String slug, String lang, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        browser.get(root + "c/" + slug + "?lang=" + lang);
    }

    private void startRound() {
        browser.findElement(By.id("start")).click();
        await(By.id("tap"), 15);
    }

    /**
     * Taps like a person (every 110–260 ms, never evenly) until the round is over or the time is up; {@code during} is
     * called with the ms since the first tap. Returns the taps the page recorded.
     */
    private int tapFor(Duration limit, java.util.function.IntConsumer during) throws InterruptedException {
        return Browser.tapFor(browser, limit, during);
    }

    private void offline(boolean down) {
        Browser.offline(browser, down);
    }

    private static WebElement await(By what, int seconds) {
        return Browser.await(browser, what, seconds);
    }

    private static int number(String text) {
        return Integer.parseInt(text.replaceAll("[^0-9].*$", "").replaceAll("\\D", ""));
    }

    private static void shoot(String name) {
        Browser.shoot(browser, name);
    }
}
