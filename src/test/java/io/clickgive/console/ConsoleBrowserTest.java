package io.clickgive.console;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Browser;
import io.clickgive.Count;
import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.demo.DemoLoader;
import io.clickgive.page.BrowserProfile;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in Debian's headless Chromium: the demo's dashboard; a manager reviewing a request and shipping its
 * tablets; a distributor going offline, confirming two deliveries with photo and signature, and coming back online,
 * after which the ledger of tablet events holds each delivery once. Screenshots go to target/screenshots/.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class ConsoleBrowserTest {

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource db;

    @Inject
    DemoLoader demo;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDemosDashboardShowsItsDonations() {
        demo.load();
        signIn("manager", "dev-manager-password", 1280);
        browser.get(root + "console/campaigns/" + DemoLoader.LIVE + "?lang=fr");
        assertEquals("Ramadan solidaire", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector("svg rect")).size() > 5, "the chart has bars");
        shoot("console-demo-dashboard-fr");
        browser.get(root + "console/campaigns/" + DemoLoader.LIVE + "/requests?lang=ar");
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        shoot("console-demo-requests-ar");
        signOut();
    }

    @Test
    void aManagerReviewsARequestAndShipsItsTablets() {
        String slug = Fixtures.liveCampaign("browser-review");
        Distribution.donate(slug, 1_000);
        Distribution.bundleSizes(slug, 1_000);
        String school = Distribution.beneficiary("MA-07", 80);
        int request = Distribution.submit(slug, school, 80, 2);
        List<String> serials = Distribution.tablets(2);
        String distributor = Distribution.distributor("MA-07");
        signIn(Distribution.manager(), Distribution.USER_PASSWORD, 390);

        browser.get(root + "console/campaigns/" + slug + "/requests?lang=fr&step=SUBMITTED");
        browser.findElement(By.linkText("#" + request)).click();
        new Select(browser.findElement(By.name("decision"))).selectByValue("APPROVED");
        browser.findElement(By.name("reason")).sendKeys("École du douar, projet clair");
        shoot("console-review-fr-phone");
        browser.findElement(By.cssSelector("#review-form button[type=submit]")).click();
        assertEquals("Acceptée", await(By.id("request-status")).getText());

        int allocation = given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 1_000))
                .post("/api/manage/campaigns/{slug}/allocations", slug).then().statusCode(201)
                .extract().path("allocations[0].id");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root + "console/stock?lang=fr&status=IN_STOCK");
        serials.forEach(s -> browser.findElement(By.id("s-" + s)).click());
        new Select(browser.findElement(By.name("allocation"))).selectByValue(String.valueOf(allocation));
        browser.findElement(By.cssSelector("button[formaction='/console/stock/preload']")).click();
        await(By.cssSelector("p.status"));
        browser.get(root + "console/stock?lang=fr&status=PRELOADED");
        serials.forEach(s -> browser.findElement(By.id("s-" + s)).click());
        new Select(browser.findElement(By.cssSelector("#stock-form select[name=distributor]"))).selectByValue(distributor);
        shoot("console-ship-fr-desktop");
        browser.findElement(By.cssSelector("button[formaction='/console/stock/ship']")).click();
        await(By.cssSelector("p.status"));
        for (String serial : serials) {
            given().get("/api/manage/tablets/{serial}", serial).then().body("status", equalTo("SHIPPED"))
                    .body("distributor", equalTo(distributor));
        }
        browser.get(root + "console/stock/" + serials.get(0) + "?lang=fr");
        shoot("console-tablet-history-fr");
        browser.get(root + "console/stock/labels?lang=ar&serial=" + serials.get(0) + "&serial=" + serials.get(1));
        assertEquals(2, browser.findElements(By.cssSelector(".labels .tablet-label svg path")).size());
        shoot("console-labels-ar");
        signOut();
    }

    @Test
    void aManagerTakesASiteFromSurveyToLive() {
        String code = Distribution.unique("site-browser");
        given().contentType(ContentType.JSON).body(Map.of("code", code, "kind", "CONNECTIVITY_SITE",
                        "name", "Douar Tassa", "region", "MA-07", "province", "Al Haouz", "peopleServed", 310,
                        "bandwidthMbps", 40, "installationCost", 15_000, "phase", 1))
                .post("/api/manage/beneficiaries").then().statusCode(201);
        List<Integer> taken = given().get("/api/manage/sites/report").then().extract().path("phases.number");
        int phase = Math.max(89, taken.stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
        given().contentType(ContentType.JSON).body(Map.of("number", phase, "name", "Phase du test", "budgetMad", 30_000,
                "plannedInstallations", 2)).post("/api/manage/sites/phases").then().statusCode(201);
        signIn(Distribution.manager(), Distribution.USER_PASSWORD, 390);

        browser.get(root + "console/sites/" + code + "?lang=fr");
        browser.findElement(By.name("partner")).sendKeys("Association Tichka");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('[name=surveyedOn]').value = arguments[0]", LocalDate.now().minusDays(10).toString());
        browser.findElement(By.name("gridPower")).click();
        browser.findElement(By.name("findings")).sendKeys("École sous tente, réseau à 50 m");
        shoot("site-survey-fr-phone");
        browser.findElement(By.cssSelector("#survey-form button[type=submit]")).click();
        statusBecomes("Visité");
        browser.findElement(By.cssSelector("#change-form button[value=APPROVED]")).click();
        statusBecomes("Approuvé");
        browser.findElement(By.name("phase")).sendKeys(String.valueOf(phase));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('[name=installedOn]').value = arguments[0]", LocalDate.now().toString());
        browser.findElement(By.name("kit")).sendKeys("Routeur 4G, antenne extérieure");
        browser.findElement(By.name("bandwidthMbps")).sendKeys("40");
        browser.findElement(By.name("costMad")).sendKeys("15000");
        shoot("site-installation-fr-phone");
        browser.findElement(By.cssSelector("#installation-form button[type=submit]")).click();
        statusBecomes("Installé");
        browser.findElement(By.cssSelector("#change-form button[value=LIVE]")).click();
        statusBecomes("En service");
        shoot("site-live-fr-phone");
        given().get("/api/manage/sites/{code}", code).then().body("status", equalTo("LIVE"))
                .body("history.to", equalTo(List.of("SURVEYED", "APPROVED", "INSTALLED", "LIVE")));
        signOut();
    }

    @Test
    void aDistributorDeliversTwoTabletsOfflineAndEachArrivesOnce() throws Exception {
        Distribution.Prepared all = Distribution.assignedCampaign(1_000, 3);
        // Two delivered offline; the third is also delivered offline, but the manager recalls it meanwhile.
        Distribution.Prepared prepared = new Distribution.Prepared(all.slug(), all.school(), all.distributor(),
                all.user(), all.serials().subList(0, 2));
        String recalled = all.serials().get(2);
        Path photo = Browser.SHOTS.resolve("delivery-photo.jpg");
        BufferedImage picture = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D paint = picture.createGraphics();
        paint.setColor(new java.awt.Color(0xf3efe6)); // a pale photo, so that the screenshot shows its preview
        paint.fillRect(0, 0, 1600, 1200);
        paint.dispose();
        for (int x = 0; x < 1600; x++) {
            picture.setRGB(x, (x * 3) % 1200, 0x2a7a4b);
        }
        ImageIO.write(picture, "jpeg", photo.toFile());
        signIn(prepared.user(), Distribution.USER_PASSWORD, 390);
        browser.get(root + "console/field/app?lang=fr");
        await(By.cssSelector("button[data-deliver='" + prepared.serials().get(0) + "']"));
        shoot("field-online-fr-phone");

        offline(true);
        given().contentType(ContentType.JSON).body(Map.of("serials", List.of(recalled), "note", "Rappelée"))
                .post("/api/manage/tablets/return").then().statusCode(200);
        for (String serial : all.serials()) {
            browser.findElement(By.cssSelector("button[data-deliver='" + serial + "']")).click();
            browser.findElement(By.name("recipient")).sendKeys("Directrice de l'école");
            browser.findElement(By.name("photo")).sendKeys(photo.toAbsolutePath().toString());
            await(By.cssSelector("#photo-preview:not([hidden])"));
            WebElement pad = browser.findElement(By.id("signature"));
            // Scrolled to the top of the dialog, as a thumb would: the dialog's buttons stay in sight at its foot.
            browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", pad);
            new Actions(browser).moveToElement(pad, -60, 0).clickAndHold().moveByOffset(40, 15).moveByOffset(40, -20)
                    .moveByOffset(30, 10).release().perform();
            shoot("field-deliver-" + serial);
            browser.findElement(By.id("confirm-delivery")).click();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("deliver-dialog"))
                    .isDisplayed());
        }
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElements(
                By.cssSelector("#queue li[data-state='waiting']")).size() == 3);
        shoot("field-offline-queued-fr-phone");
        for (String serial : prepared.serials()) {
            given().get("/api/manage/tablets/{serial}", serial).then().body("status", equalTo("ASSIGNED"));
        }

        offline(false);
        browser.findElement(By.id("send-now")).click();
        // The two arrive; the recalled one is refused with the reason, shown in the queue until dismissed.
        WebElement refused = new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(
                By.cssSelector("#queue li[data-state='waiting']")).isEmpty()
                ? d.findElement(By.cssSelector("#queue li[data-state='refused']")) : null);
        assertTrue(refused.getText().contains("la tablette a changé d'état entre-temps")
                && refused.getText().contains("cannot become DELIVERED"), refused.getText()); // in French, with why
        shoot("field-back-online-fr-phone");
        given().get("/api/manage/tablets/{serial}", recalled).then().body("status", equalTo("RETURNED"));
        assertEquals(0, count("SELECT count(*) FROM delivery_proof p JOIN tablet t ON t.id = p.tablet_id "
                + "WHERE t.serial = ?", recalled), "nothing of the refused delivery kept");
        refused.findElement(By.cssSelector("button[data-dismiss]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElements(
                By.cssSelector("#queue li[data-state]")).isEmpty());
        for (String serial : prepared.serials()) {
            assertEquals(1, count("SELECT count(*) FROM tablet_event e JOIN tablet t ON t.id = e.tablet_id "
                    + "WHERE t.serial = ? AND e.to_status = 'DELIVERED'", serial), serial + " delivered once");
            assertEquals(1, count("SELECT count(*) FROM delivery_proof p JOIN tablet t ON t.id = p.tablet_id "
                    + "WHERE t.serial = ? AND p.photo IS NOT NULL", serial), serial + ": its proof, with the photo");
            assertEquals(1, count("SELECT count(*) FROM field_action a WHERE a.serial = ? AND a.outcome = 'DONE'",
                    serial));
        }
        // Sending again (a second tab, a lost answer) moves nothing.
        browser.findElement(By.id("send-now")).click();
        assertEquals(2, count("SELECT count(*) FROM tablet_event e JOIN tablet t ON t.id = e.tablet_id "
                + "WHERE t.serial IN (?, ?) AND e.to_status = 'DELIVERED'", prepared.serials().toArray(String[]::new)));
        signOut();
    }

    /** Waits for the site's page to say it stands at {@code words} (the post redirects back to it). */
    private static void statusBecomes(String words) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("site-status")).stream()
                .anyMatch(e -> {
                    try {
                        return e.getText().equals(words);
                    } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                        return false;
                    }
                }));
    }

    @org.junit.jupiter.api.AfterEach
    void backOnline() {
        offline(false); // a test that failed offline leaves the next one its network
    }

    @Test
    void anAssociationAppliesInArabicFromAPhoneAndAManagerAcceptsIt() {
        String slug = io.clickgive.call.Applicants.campaignWithCall("call-browser");
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 900));
        browser.get(root + "c/" + slug + "/apply?lang=ar");
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        shoot("apply-ar-phone-form");
        String organisation = "جمعية تيفاوين " + Distribution.unique("b").substring(2);
        browser.findElement(By.name("organisation")).sendKeys(organisation);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("kind"))).selectByValue("ASSOCIATION");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("region"))).selectByValue("MA-07");
        browser.findElement(By.name("province")).sendKeys("الحوز");
        browser.findElement(By.name("peopleServed")).sendKeys("20");
        browser.findElement(By.name("purpose")).sendKeys("دروس الدعم عن بعد لتلاميذ الدواوير");
        browser.findElement(By.name("tablets")).sendKeys("10");
        browser.findElement(By.name("answer0")).sendKeys("تقرير كل ثلاثة أشهر");
        browser.findElement(By.name("answer1")).sendKeys("في شتنبر");
        browser.findElement(By.name("contactName")).sendKeys("خديجة");
        browser.findElement(By.name("contactPhone")).sendKeys("06 61 " + (100_000 + System.nanoTime() % 900_000));
        browser.findElement(By.cssSelector("#apply button[type=submit]")).click();
        // Too few people for this call: the form again, in Arabic, with what was typed.
        String problems = await(By.id("problems")).getText();
        assertTrue(problems.contains("يجب ألا يقل عن 50"), problems);
        assertEquals(organisation, browser.findElement(By.name("organisation")).getAttribute("value"));
        shoot("apply-ar-phone-problems");
        browser.findElement(By.name("peopleServed")).clear();
        browser.findElement(By.name("peopleServed")).sendKeys("140");
        browser.findElement(By.cssSelector("#apply button[type=submit]")).click();
        WebElement status = await(By.id("application-status"));
        assertEquals("SUBMITTED", status.getAttribute("data-status"));
        String link = browser.getCurrentUrl();
        String reference = browser.findElement(By.id("reference")).getText();
        shoot("apply-ar-phone-sent");

        signIn(Distribution.manager(), Distribution.USER_PASSWORD, 1280);
        browser.get(root + "console/campaigns/" + slug + "/call?lang=fr");
        shoot("call-fr-desktop");
        browser.findElement(By.linkText(reference)).click();
        await(By.id("accept-form")).findElement(By.cssSelector("button[type=submit]")).click();
        Browser.textUntil(browser, By.id("application-status"), 10, text -> text.equals("Acceptée"));
        assertTrue(browser.findElement(By.id("request-link")).isDisplayed());
        shoot("application-accepted-fr-desktop");
        signOut();

        browser.manage().window().setSize(new Dimension(390, 900));
        browser.get(link);
        assertEquals("ACCEPTED", await(By.id("application-status")).getAttribute("data-status"));
        shoot("apply-ar-phone-accepted");
        given().get("/api/manage/beneficiaries/{code}", reference).then().statusCode(200)
                .body("kind", equalTo("ASSOCIATION")).body("name", equalTo(organisation));
        assertEquals(2, count("SELECT count(*) FROM application_event e JOIN application a ON a.id = e.application_id "
                + "WHERE a.reference = ?", reference));
    }

    private void signIn(String user, String password, int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(root + "console/login?lang=fr");
        browser.findElement(By.name("j_username")).sendKeys(user);
        browser.findElement(By.name("j_password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await(By.cssSelector("ul.menu"));
    }

    private void signOut() {
        browser.get(root + "console/logout");
    }

    private static void offline(boolean down) {
        Browser.offline(browser, down);
    }

    private static WebElement await(By what) {
        return Browser.await(browser, what, 10);
    }

    private long count(String sql, String... serials) {
        return new Count(db).of(sql, serials);
    }

    private static void shoot(String name) {
        Browser.shoot(browser, name);
    }
}
