package io.clickgive.usage;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Count;
import io.clickgive.Distribution;
import io.clickgive.TestClock;
import io.clickgive.console.ConsoleClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validity and use: a bundle's validity per campaign and size, no report of more than was delivered, the use report
 * (delivered, used, lapsed, not reported, per region and kind; reports due), and the beneficiary's own report through
 * the link it receives with its delivery, with a photo.
 */
@QuarkusTest
class UsageTest {

    /** The smallest PNG there is: 1 × 1 pixel. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Inject
    AgroalDataSource db;

    @Inject
    TestClock clock;

    @Test
    void validityIsSetPerCampaignAndSizeAndTheUseReportTellsUsedLapsedAndDue() {
        String slug = Distribution.deliveredCampaign(500, 3);        // 3 tablets × 1 000 MB, delivered yesterday
        validity(slug, Map.of("days", 30, "bySize", Map.of("700", 10))).statusCode(400)
                .body("detail", containsString("[700] MB are not among the campaign's bundle sizes"));
        validity(slug, Map.of("days", 0)).statusCode(400);
        validity(slug, Map.of("days", 30, "bySize", Map.of("1000", 10))).statusCode(200)
                .body("days", equalTo(30)).body("bySize.1000", equalTo(10));
        int request = request(slug);
        usage(request, 4).statusCode(409).body("detail", equalTo("Request " + request + " was delivered 3000 MB "
                + "(3 GB); a report of 4 GB used is more than that"));
        given().get("/api/manage/campaigns/{slug}/use-report", slug).then().statusCode(200)
                .body("total.deliveredMegabytes", equalTo(3_000)).body("total.unreportedMegabytes", equalTo(3_000))
                .body("total.lapsedMegabytes", equalTo(0)).body("due", hasSize(0));
        // Eleven days on, the 1 000 MB bundles (valid 10 days) are no longer valid: a report is due.
        try (TestClock.Moved later = clock.advance(Duration.ofDays(11))) {
            given().get("/api/manage/campaigns/{slug}/use-report", slug).then().statusCode(200)
                    .body("due.request", equalTo(List.of(request))).body("total.lapsedMegabytes", equalTo(0));
            usage(request, 2).statusCode(200);
            given().get("/api/manage/campaigns/{slug}/use-report", slug).then().statusCode(200)
                    .body("total.usedMegabytes", equalTo(2_000)).body("total.lapsedMegabytes", equalTo(1_000))
                    .body("total.unreportedMegabytes", equalTo(0)).body("due", hasSize(0))
                    .body("regions.find { it.key == 'MA-07' }.lapsedMegabytes", equalTo(1_000))
                    .body("kinds.find { it.key == 'SCHOOL' }.usedMegabytes", equalTo(2_000));
            given().get("/c/{slug}/report?lang=fr", slug).then().statusCode(200)
                    .body(containsString("data-field=\"used\">2</strong>"))
                    .body(containsString("data-field=\"lapsed\">1</strong>"));
        }
    }

    @Test
    void theBeneficiaryReportsThroughItsLinkWithAPhotoAndAForgedOrOldLinkOpensNothing() {
        String slug = Distribution.deliveredCampaign(500, 2);        // 2 000 MB
        int request = request(slug);
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String page = manager.page("/console/campaigns/" + slug + "/requests/" + request + "?lang=fr");
        int at = page.indexOf("id=\"usage-link\" dir=\"ltr\" href=\"");
        assertTrue(at > 0, page);
        String link = page.substring(at + 32, page.indexOf('"', at + 32)).replace("&amp;", "&");
        assertTrue(link.startsWith("/c/" + slug + "/usage/" + request + "?key="), link);
        given().get(link + "&lang=ar").then().statusCode(200).body(containsString("كيف استعملتم البيانات"))
                .body(containsString("2 ")).body(containsString("dir=\"rtl\""));
        String forged = link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA");
        given().get(forged).then().statusCode(404);
        given().get(link.replace("/usage/" + request, "/usage/" + (request + 1))).then().statusCode(404);

        // More than delivered: refused with the numbers, the form kept.
        form(link, "3").then().statusCode(409).body(containsString("delivered 2000 MB"))
                .body(containsString("Cours en ligne"));
        long before = new Count(db).of("SELECT count(*) FROM usage_photo");
        Response sent = form(link, "1");
        sent.then().statusCode(303);
        given().get(link + "&lang=fr&done=1").then().statusCode(200).body(containsString("Merci"))
                .body(containsString("Cours en ligne pour 40 élèves"));
        assertEquals(before + 1, new Count(db).of("SELECT count(*) FROM usage_photo"));
        given().get("/api/manage/requests/{id}", request).then().body("status", equalTo("USAGE_REPORTED"))
                .body("steps.find { it.kind == 'USAGE_REPORTED' }.actor", equalTo("(beneficiary)"));
        // The managers see the report with its photo, served as the PNG it is.
        String shown = manager.page("/console/campaigns/" + slug + "/requests/" + request + "?lang=fr");
        int img = shown.indexOf("class=\"usage-photo\" src=\"");
        assertTrue(img > 0, shown);
        String src = shown.substring(img + 25, shown.indexOf('"', img + 25));
        org.junit.jupiter.api.Assertions.assertArrayEquals(PNG, manager.request().get(src).then().statusCode(200)
                .contentType("image/png").extract().asByteArray());
        // Not an image: 400 with the reason.
        given().redirects().follow(false).multiPart("peopleReached", "40").multiPart("gigabytesUsed", "1")
                .multiPart("summary", "x").multiPart("photo", "p.png", "not an image".getBytes(), "image/png")
                .post(link).then().statusCode(400).body(containsString("not the image/png image"));
        try (TestClock.Moved later = clock.advance(Duration.ofDays(366))) {
            given().get(link).then().statusCode(404);
        }
    }

    private static Response form(String link, String gigabytes) {
        return given().redirects().follow(false)
                .multiPart("lang", "fr").multiPart("peopleReached", "40").multiPart("gigabytesUsed", gigabytes)
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder("Cours en ligne pour 40 élèves")
                        .controlName("summary").charset("UTF-8").build())
                .multiPart("photo", "classe.png", PNG, "image/png").post(link);
    }

    private static int request(String slug) {
        return given().get("/api/manage/campaigns/{slug}/requests", slug).then().extract().path("[0].id");
    }

    private static io.restassured.response.ValidatableResponse usage(int request, int gigabytes) {
        return given().contentType(ContentType.JSON).body(Map.of("summary", "Cours", "peopleReached", 40,
                "gigabytesUsed", gigabytes)).post("/api/manage/requests/{id}/usage", request).then();
    }

    private static io.restassured.response.ValidatableResponse validity(String slug, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/manage/campaigns/{slug}/bundle-validity", slug)
                .then();
    }
}
