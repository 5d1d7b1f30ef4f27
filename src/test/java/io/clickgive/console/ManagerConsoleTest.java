package io.clickgive.console;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The managers' and the admin's console pages: every form does what the API does, and a refused one changes nothing. */
@QuarkusTest
class ManagerConsoleTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource db;


    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    @Test
    void aManagerCreatesAndEditsACampaignAndABadFormComesBackFilledIn() {
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/campaigns/new?lang=fr");
        String slug = Fixtures.uniqueSlug("form");
        LocalDateTime opens = LocalDateTime.now(MOROCCO).withSecond(0).withNano(0);

        // Closing before opening, and no English name: refused with both reasons, typed values kept, nothing created.
        manager.request().formParam("csrf", token).formParam("lang", "fr").formParam("slug", slug)
                .formParam("nameAr", "رمضان").formParam("nameFr", "Ramadan solidaire").formParam("nameEn", "")
                .formParam("opensAt", opens.format(INPUT)).formParam("closesAt", opens.minusDays(1).format(INPUT))
                .formParam("goalGigabytes", "400").formParam("guard", "on")
                .post("/console/campaigns").then().statusCode(400)
                .body(containsString("class=\"problems\"")).body(containsString("Ramadan solidaire"));
        given().get("/api/manage/campaigns/{slug}", slug).then().statusCode(404);
        manager.request().formParam("csrf", token).formParam("lang", "fr").formParam("slug", slug)
                .formParam("nameAr", "رمضان").formParam("nameFr", "Ramadan").formParam("nameEn", "Ramadan")
                .formParam("opensAt", opens.format(INPUT)).formParam("closesAt", opens.plusDays(30).format(INPUT))
                .formParam("goalGigabytes", "abc").post("/console/campaigns").then().statusCode(400)
                .body(containsString("goalGigabytes"));
        given().get("/api/manage/campaigns/{slug}", slug).then().statusCode(404);

        manager.request().formParam("csrf", token).formParam("lang", "fr").formParam("slug", slug)
                .formParam("nameAr", "رمضان").formParam("nameFr", "Ramadan").formParam("nameEn", "Ramadan")
                .formParam("opensAt", opens.format(INPUT)).formParam("closesAt", opens.plusDays(30).format(INPUT))
                .formParam("goalGigabytes", "400").formParam("guard", "on")
                .post("/console/campaigns").then().statusCode(303)
                .header("Location", containsString("/console/campaigns?lang=fr"));
        given().get("/api/manage/campaigns/{slug}", slug).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("goalGigabytes", equalTo(400)).body("megabytesPerClick", equalTo(10))
                .body("guard.enabled", equalTo(true))
                .body("opensAt", equalTo(opens.atZone(MOROCCO).toInstant().toString()));

        String edit = manager.page("/console/campaigns/{slug}/edit?lang=en", slug);
        assertTrue(edit.contains("value=\"" + opens.format(INPUT) + "\""), "the form shows Morocco's time");
        manager.request().formParam("csrf", token).formParam("lang", "en").formParam("slug", "another-slug")
                .formParam("nameAr", "رمضان").formParam("nameFr", "Ramadan").formParam("nameEn", "Ramadan 2027")
                .formParam("opensAt", opens.format(INPUT)).formParam("closesAt", opens.plusDays(30).format(INPUT))
                .formParam("goalGigabytes", "900").post("/console/campaigns/{slug}", slug).then().statusCode(303);
        given().get("/api/manage/campaigns/{slug}", slug).then().statusCode(200).body("goalGigabytes", equalTo(900))
                .body("names.en", equalTo("Ramadan 2027")).body("guard.enabled", equalTo(false));
        given().get("/api/manage/campaigns/another-slug").then().statusCode(404);
    }

    @Test
    void theDashboardChartsClicksPerMinuteAndShowsTheLedgerLagAndReasonsInWords() {
        String slug = Fixtures.liveCampaign("chart");
        Fixtures.Session session = Fixtures.startSession(slug);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 12, 200)).then().statusCode(200);
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String page = manager.page("/console/campaigns/{slug}?lang=fr", slug);
        Matcher bars = Pattern.compile("<rect ").matcher(page);
        int count = 0;
        while (bars.find()) {
            count++;
        }
        assertEquals(CampaignPages.CHART_MINUTES, count, "one bar per minute");
        assertTrue(page.contains("en tout : 12"), "the chart counts the round's 12 clicks");
        assertTrue(page.contains("Retard du registre"), "ledger lag shown");
        String words = io.clickgive.page.PageTexts.bundle("console", "fr").get("rule.TOO_FAST").replace("'", "&#39;");
        assertTrue(page.contains(words + " (TOO_FAST)"), "rules in the console's words, with their code");
    }

    /** A network with many identities is flagged on the dashboard, and its clicks are voided from there. */
    @Test
    void aFlaggedNetworkIsVoidedFromTheDashboard() throws InterruptedException {
        String slug = Fixtures.liveCampaign("flagged");
        String address = "203.0.113.71";
        for (int i = 0; i < 20; i++) { // twenty identities from one address: a script's rotation, or a busy carrier
            Fixtures.sendBatch(Fixtures.startSession(slug, java.util.Map.of("identity", Fixtures.mintIdentity(address)),
                    address), 1, Fixtures.offsets(0, 5, 100)).then().statusCode(200);
        }
        new io.clickgive.Ledger(db).awaitClicks(slug, 100, java.time.Duration.ofSeconds(10));
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String page = manager.page("/console/campaigns/{slug}?lang=en", slug);
        Matcher flagged = Pattern.compile("name=\"hash\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(flagged.find(), "the network is flagged with its void form");
        assertTrue(page.contains("<td>20</td>"), "its 20 identities shown");
        String token = manager.token("/console/campaigns/" + slug + "?lang=en");
        manager.request().formParam("csrf", token).formParam("lang", "en").formParam("target", "NETWORK")
                .formParam("hash", flagged.group(1)).formParam("reason", "twenty identities in a minute")
                .post("/console/campaigns/{slug}/voids", slug).then().statusCode(303);
        Fixtures.totals(slug).then().body("clicks", equalTo(0)); // "hold only" left unticked: a void
        given().get("/api/manage/campaigns/{slug}/voids", slug).then().body("size()", equalTo(1))
                .body("[0].kind", equalTo("VOID")).body("[0].clicks", equalTo(100))
                .body("[0].reason", equalTo("twenty identities in a minute"));
        // A refused order comes back as the page with its problem: nothing left to void.
        String again = manager.request().formParam("csrf", token).formParam("lang", "en").formParam("target", "NETWORK")
                .formParam("hash", flagged.group(1)).formParam("reason", "again")
                .post("/console/campaigns/{slug}/voids", slug).then().statusCode(409).extract().asString();
        assertTrue(again.contains("Nothing to void"), again);
    }

    @Test
    void importsReportEachBadLineAndARefusedFileChangesNothing() {
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/imports?lang=en");
        String good = Distribution.unique("imp");
        String csv = "code,kind,name,region,province,people_served\n"
                + good + ",SCHOOL,École " + good + ",MA-07,Al Haouz,120\n"
                + Distribution.unique("imp") + ",SCHOOL,Bad,MA-99,Al Haouz,-3\n";
        manager.request().multiPart("csrf", token).multiPart("lang", "en").multiPart("mode", "all-or-nothing")
                .multiPart("file", "schools.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/imports/beneficiaries").then().statusCode(422)
                .body(containsString("File refused")).body(containsString("<th scope=\"row\">3</th>"));
        given().get("/api/manage/beneficiaries/{code}", good).then().statusCode(404);
        manager.request().multiPart("csrf", token).multiPart("lang", "en").multiPart("mode", "keep-valid")
                .multiPart("file", "schools.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/imports/beneficiaries").then().statusCode(200)
                .body(containsString("1 imported")).body(containsString("<th scope=\"row\">3</th>"));
        given().get("/api/manage/beneficiaries/{code}", good).then().statusCode(200).body("peopleServed", equalTo(120));

        // A partner's likes, sent twice: counted once.
        String slug = Fixtures.liveCampaign("likes-csv");
        String likes = "externalId,region\nlike-1-" + good + ",MA-07\nlike-2-" + good + ",\n";
        for (int round = 0; round < 2; round++) {
            manager.request().multiPart("csrf", token).multiPart("lang", "en").multiPart("campaign", slug)
                    .multiPart("file", "likes.csv", likes.getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/console/imports/likes").then().statusCode(200)
                    .body(containsString(round == 0 ? "2 imported" : "2 already known"));
        }
        Fixtures.totals(slug).then().body("likes", equalTo(2));
        // Without a file, or without the form token: refused.
        manager.request().multiPart("csrf", token).multiPart("lang", "en").multiPart("mode", "keep-valid")
                .post("/console/imports/tablets").then().statusCode(400).body(containsString("Choose a CSV file"));
        manager.request().multiPart("lang", "en")
                .multiPart("file", "likes.csv", likes.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("campaign", slug).post("/console/imports/likes").then().statusCode(403);
    }

    @Test
    void aManagerPreviewsThenCommitsExactlyThePreviewedAllocation() {
        String slug = Fixtures.liveCampaign("alloc-console");
        Distribution.donate(slug, 100); // 1 000 MB in the ledger
        Distribution.bundleSizes(slug, 100);
        Distribution.approvedRequest(slug, "MA-06", 50, 4);
        Distribution.approvedRequest(slug, "MA-07", 150, 10);
        Distribution.tablets(14); // the plan also needs tablets in stock to carry its bundles
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/campaigns/{slug}/allocation?lang=en", slug);

        String preview = manager.request().formParam("csrf", token).formParam("lang", "en")
                .formParam("bundleMegabytes", "100").formParam("action", "preview")
                .post("/console/campaigns/{slug}/allocation", slug).then().statusCode(200)
                .body(containsString("10 bundles")).body(containsString("value=\"commit\"")).extract().asString();
        Matcher digest = Pattern.compile("name=\"digest\" value=\"([0-9a-f]{64})\"").matcher(preview);
        assertTrue(digest.find(), "the preview carries its digest");
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("allocatedMegabytes", equalTo(0));

        // More donations arrive: the previewed plan is no longer the plan, so its commit is refused, nothing written.
        Distribution.donate(slug, 100);
        manager.request().formParam("csrf", token).formParam("lang", "en").formParam("bundleMegabytes", "100")
                .formParam("digest", digest.group(1)).formParam("action", "commit")
                .post("/console/campaigns/{slug}/allocation", slug).then().statusCode(409)
                .body(containsString("class=\"problems\""));
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("allocatedMegabytes", equalTo(0));

        String again = manager.request().formParam("csrf", token).formParam("lang", "en")
                .formParam("bundleMegabytes", "100").formParam("action", "preview")
                .post("/console/campaigns/{slug}/allocation", slug).then().statusCode(200).extract().asString();
        Matcher fresh = Pattern.compile("name=\"digest\" value=\"([0-9a-f]{64})\"").matcher(again);
        assertTrue(fresh.find());
        manager.request().formParam("csrf", token).formParam("lang", "en").formParam("bundleMegabytes", "100")
                .formParam("digest", fresh.group(1)).formParam("action", "commit")
                .post("/console/campaigns/{slug}/allocation", slug).then().statusCode(200)
                .body(containsString("id=\"committed\""));
        given().get("/api/manage/campaigns/{slug}/pool", slug).then().body("allocatedMegabytes", equalTo(1400));
        String report = manager.page("/console/campaigns/{slug}/report?lang=en", slug);
        assertTrue(report.contains("MA-07") && report.contains("<tfoot>"), "the report has the region and a total row");
    }

    @Test
    void theAdminAddsAndRemovesUsersAndABadUserIsRefusedWithItsReason() {
        ConsoleClient admin = ConsoleClient.signIn(SignedIn.ADMIN, SignedIn.ADMIN_PASSWORD);
        String token = admin.token("/console/users?lang=en");
        String name = Distribution.unique("mgr");
        admin.request().formParam("csrf", token).formParam("lang", "en").formParam("username", name)
                .formParam("password", "short").formParam("role", "manager").post("/console/users").then()
                .statusCode(400).body(containsString("password: 12 to 200 characters"));
        admin.request().formParam("csrf", token).formParam("lang", "en").formParam("username", name)
                .formParam("password", Distribution.USER_PASSWORD).formParam("role", "distributor")
                .post("/console/users").then().statusCode(400).body(containsString("names its distributor"));
        given().get("/api/admin/users").then().body("username", not(org.hamcrest.Matchers.hasItem(name)));
        admin.request().formParam("csrf", token).formParam("lang", "en").formParam("username", name)
                .formParam("password", Distribution.USER_PASSWORD).formParam("role", "manager")
                .post("/console/users").then().statusCode(303);
        String list = admin.page("/console/users?lang=en");
        assertTrue(list.contains(name) && !list.contains(Distribution.USER_PASSWORD), "listed, password never shown");
        ConsoleClient.signIn(name, Distribution.USER_PASSWORD);
        admin.request().formParam("csrf", token).formParam("lang", "en")
                .post("/console/users/{u}/delete", SignedIn.ADMIN).then().statusCode(409);
        admin.request().formParam("csrf", token).formParam("lang", "en").post("/console/users/{u}/delete", name)
                .then().statusCode(303);
        given().get("/api/admin/users").then().body("username", not(org.hamcrest.Matchers.hasItem(name)));
    }

    @Test
    void aDistributorSeesItsProgress() {
        Distribution.Prepared prepared = Distribution.assignedCampaign(300, 3);
        ConsoleClient distributor = ConsoleClient.signIn(prepared.user(), Distribution.USER_PASSWORD);
        String page = distributor.page("/console/tablets?lang=en");
        assertTrue(page.contains("0 delivered of 3"), "progress: nothing delivered yet");
        assertTrue(page.contains("<span class=\"count\">3</span> Assigned"), "three assigned");
    }

    /**
     * The console's downloads come from its own session: a link to the Basic-protected API would have the browser
     * prompt for the password and keep it. And the API's imports take no text/plain, the one body another site's form
     * can post with a browser's kept credentials.
     */
    @Test
    void downloadsComeFromTheConsoleAndImportsTakeNoPlainText() {
        String slug = Fixtures.liveCampaign("downloads");
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        for (String page : new String[]{"/console/campaigns/{slug}?lang=fr", "/console/campaigns/{slug}/report?lang=ar"}) {
            String html = manager.page(page, slug);
            assertFalse(html.contains("href=\"/api/"), page + " links to the console's downloads, not the API");
            assertTrue(html.contains("href=\"/console/campaigns/" + slug + "/report.csv\""), page + " has the CSV");
        }
        manager.request().get("/console/campaigns/{slug}/report.csv", slug).then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .body(startsWith("region,"));
        manager.request().get("/console/campaigns/{slug}/flags.json", slug).then().statusCode(200)
                .contentType(containsString("application/json")).body("networks", notNullValue());
        manager.request().get("/console/campaigns/{slug}/voids.json", slug).then().statusCode(200)
                .body("size()", equalTo(0));
        manager.request().get("/console/campaigns/{slug}/report.csv", "no-such-campaign").then().statusCode(404);
        // Without the console's session: to the sign-in page, never a Basic challenge.
        given().auth().none().redirects().follow(false).get("/console/campaigns/{slug}/report.csv", slug).then()
                .statusCode(302).header("Location", containsString("/console/login"))
                .header("WWW-Authenticate", nullValue());

        String beneficiaries = "code,kind,name,region,province,people_served\nPLAIN-1,SCHOOL,École,MA-01,Tanger,30\n";
        for (String path : new String[]{"/api/manage/beneficiaries/import", "/api/manage/tablets/import",
                "/api/manage/campaigns/" + slug + "/likes/import"}) {
            given().contentType("text/plain").body(beneficiaries).post(path).then().statusCode(415);
        }
        given().get("/api/manage/beneficiaries/PLAIN-1").then().statusCode(404);
    }
}
