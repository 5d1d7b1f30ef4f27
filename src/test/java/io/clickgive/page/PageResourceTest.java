package io.clickgive.page;

import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's shell as the server renders it, before any script: language, direction, sharing tags, boot data. */
@QuarkusTest
class PageResourceTest {

    @Test
    void theShellCarriesLanguageDirectionAndSharingTags() {
        String slug = Fixtures.liveCampaign("shell");
        given().get("/c/{slug}?lang=ar", slug).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("<meta property=\"og:title\" content=\"رمضان\">"))
                .body(containsString("<meta property=\"og:locale\" content=\"ar_MA\">"))
                .body(containsString("كل نقرة تهدي 10 ميغابايت"))
                .body(containsString("<a href=\"?lang=fr\" lang=\"fr\" data-lang=\"fr\">Français</a>"));
        given().get("/c/{slug}", slug).then()
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY");
        given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").get("/c/{slug}", slug).then().statusCode(200)
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("<title>Ramadan · clickgive</title>"));
        given().header("Accept-Language", "de, *;q=0.1").get("/c/{slug}?lang=xx", slug).then().statusCode(200)
                .body(containsString("<html lang=\"ar\""));
        // A header no browser sends is refused by the HTTP layer with a problem, not a 500.
        given().header("Accept-Language", ";;;").get("/c/{slug}", slug).then().statusCode(400)
                .body(containsString("Malformed"));
    }

    @Test
    void theBootDataCannotCloseItsScriptElement() {
        String slug = Fixtures.liveCampaign(Map.of(
                "slug", Fixtures.uniqueSlug("shell-xss"),
                "names", Map.of("ar", "</script><script>alert(1)</script>", "fr", "F", "en", "E"),
                "opensAt", java.time.Instant.now().minusSeconds(3600).toString(),
                "closesAt", java.time.Instant.now().plusSeconds(86_400).toString(),
                "goalGigabytes", 10));
        String html = given().get("/c/{slug}?lang=fr", slug).then().statusCode(200).extract().asString();
        Matcher boot = Pattern.compile("<script type=\"application/json\" id=\"boot\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(boot.find(), "boot data present");
        assertTrue(!boot.group(1).contains("<"), "no '<' inside the boot JSON");
        assertTrue(boot.group(1).contains("\\u003c/script>"), boot.group(1).substring(0, 200));
        given().get("/c/{slug}?lang=ar", slug).then()
                .body(not(containsString("<title></script>")))
                .body(containsString("&lt;/script&gt;"));
    }

    @Test
    void unknownDraftPausedAndClosedCampaignsGetAPageThatSaysSo() throws InterruptedException {
        given().get("/c/no-such-campaign?lang=fr").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Campagne introuvable"));
        String draft = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("shell-draft")));
        String paused = Fixtures.liveCampaign("shell-paused");
        String closed = Fixtures.liveCampaign("shell-closed");
        Fixtures.setStatus(paused, "PAUSED");
        Fixtures.setStatus(closed, "CLOSED");
        // The catalog the pages read refreshes every second in tests.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                given().get("/c/{slug}?lang=ar", closed).then().statusCode(200).body(containsString("انتهت هذه الحملة")));
        given().get("/c/{slug}?lang=fr", draft).then().statusCode(404).body(containsString("Campagne introuvable"));
        given().get("/c/{slug}?lang=en", paused).then().statusCode(200).body(containsString("This campaign is not open"))
                .body(not(containsString("id=\"boot\"")));
        given().get("/c/{slug}?lang=ar", closed).then().statusCode(200).body(containsString("انتهت هذه الحملة"));
    }

    @Test
    void theTransparencyReportNeverClaimsMoreThanTheLedgerHolds() {
        String slug = io.clickgive.Distribution.deliveredCampaign(500, 3);   // 5 000 MB donated, 3 000 MB delivered
        given().get("/api/campaigns/{slug}/report", slug).then().statusCode(200)
                .body("confirmedLikes", org.hamcrest.Matchers.equalTo(500))
                .body("report.total.donatedMegabytes", org.hamcrest.Matchers.equalTo(5_000))
                .body("report.total.allocatedMegabytes", org.hamcrest.Matchers.equalTo(3_000))
                .body("report.total.deliveredMegabytes", org.hamcrest.Matchers.equalTo(3_000))
                .body("report.total.tabletsDelivered", org.hamcrest.Matchers.equalTo(3))
                .body("inFlightMegabytes", org.hamcrest.Matchers.equalTo(0));
        given().get("/c/{slug}/report?lang=fr", slug).then().statusCode(200)
                .body(containsString("Où vont les dons")).body(containsString("3 tablettes livrées"))
                .body(containsString("data-field=\"confirmed\">5</span>"))
                .body(containsString("data-field=\"delivered\">3</span>"));
        String draft = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("report-draft")));
        given().get("/api/campaigns/{slug}/report", draft).then().statusCode(404);
        given().get("/c/{slug}/report", draft).then().statusCode(404);
        given().auth().none().get("/api/campaigns/{slug}/report", slug).then().statusCode(200);
    }

    @Test
    void aMalformedAcceptLanguageFallsBackToArabic() {
        for (String header : List.of("-", "--", "ar-", "*;q=x", "\u0000", "fr;q=0.5, -")) {
            assertEquals("ar", PageTexts.choose(null, header), header);
        }
        assertEquals("fr", PageTexts.choose(null, "fr-MA,fr;q=0.9"));
    }

    @Test
    void everyLanguageHasEveryTextWithTheSamePlaceholders() {
        for (String bundle : List.of("page", "console")) {
            sameTextsInEveryLanguage(bundle);
        }
    }

    private static void sameTextsInEveryLanguage(String bundle) {
        Map<String, String> english = PageTexts.bundle(bundle, "en");
        for (String lang : PageTexts.LANGUAGES) {
            Map<String, String> other = PageTexts.bundle(bundle, lang);
            assertEquals(english.keySet(), other.keySet(), bundle + "_" + lang + " has the same texts as en");
            english.forEach((key, text) -> assertEquals(placeholders(text), placeholders(other.get(key)),
                    lang + ": placeholders of " + key));
        }
    }

    private static java.util.Set<String> placeholders(String text) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
