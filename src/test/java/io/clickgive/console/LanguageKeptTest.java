package io.clickgive.console;

import io.clickgive.Fixtures;
import io.clickgive.SignedIn;
import io.clickgive.page.LanguageChoice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The language chosen on the sign-in page or with the switcher holds for the whole console session, and the public pages
 * keep theirs: a page without ?lang= speaks the remembered one, an explicit ?lang= always wins.
 */
@QuarkusTest
class LanguageKeptTest {

    @Test
    void theSignInPagesLanguageHoldsAfterSigningIn() {
        Response login = given().auth().none().get("/console/login?lang=fr");
        login.then().statusCode(200).body(containsString("<html lang=\"fr\""));
        String remembered = login.getCookie(LanguageChoice.COOKIE);
        assertEquals("fr", remembered);
        ConsoleClient console = ConsoleClient.signIn(SignedIn.ADMIN, SignedIn.ADMIN_PASSWORD);
        // The landing page after signing in carries no ?lang=: the cookie speaks for it.
        String home = console.request().cookie(LanguageChoice.COOKIE, remembered).get("/console")
                .then().statusCode(200).extract().asString();
        assertContains(home, "<html lang=\"fr\" dir=\"ltr\">");
        assertContains(console.request().cookie(LanguageChoice.COOKIE, remembered).get("/console/campaigns")
                .then().statusCode(200).extract().asString(), "<html lang=\"fr\"");
        // Without the cookie the console falls back as before (Arabic): the cookie is what kept French.
        assertContains(console.page("/console"), "<html lang=\"ar\"");
    }

    @Test
    void theSwitcherChangesTheRememberedLanguage() {
        ConsoleClient console = ConsoleClient.signIn(SignedIn.ADMIN, SignedIn.ADMIN_PASSWORD);
        String page = console.page("/console/campaigns?lang=en");
        assertContains(page, "href=\"?lang=fr\"");
        Response switched = console.request().cookie(LanguageChoice.COOKIE, "en").get("/console/campaigns?lang=fr");
        switched.then().statusCode(200).body(containsString("<html lang=\"fr\""));
        assertEquals("fr", switched.getCookie(LanguageChoice.COOKIE));
        // Asking again in the remembered language sets nothing new.
        assertNull(console.request().cookie(LanguageChoice.COOKIE, "fr").get("/console/campaigns?lang=fr")
                .getCookie(LanguageChoice.COOKIE));
    }

    @Test
    void publicPagesKeepTheirsAndAnExplicitChoiceWins() {
        String slug = Fixtures.liveCampaign("lang-kept");
        given().cookie(LanguageChoice.COOKIE, "fr").header("Accept-Language", "en").get("/")
                .then().statusCode(200).body(containsString("<html lang=\"fr\""))
                .header("Vary", containsString("Cookie")); // a shared cache keeps one copy per language
        given().cookie(LanguageChoice.COOKIE, "fr").get("/c/{slug}", slug)
                .then().statusCode(200).body(containsString("<html lang=\"fr\""));
        given().cookie(LanguageChoice.COOKIE, "fr").get("/c/{slug}?lang=ar", slug)
                .then().statusCode(200).body(containsString("<html lang=\"ar\""));
        // A forged value is no language: Accept-Language decides, and nothing is echoed back.
        Response forged = given().cookie(LanguageChoice.COOKIE, "\"><script>").header("Accept-Language", "en").get("/");
        forged.then().statusCode(200).body(containsString("<html lang=\"en\""));
        assertNull(forged.getCookie(LanguageChoice.COOKIE));
        // The API speaks no language and sets no cookie.
        assertNull(given().get("/api/campaigns/{slug}/totals?lang=fr", slug).getCookie(LanguageChoice.COOKIE));
    }

    private static void assertContains(String page, String expected) {
        org.junit.jupiter.api.Assertions.assertTrue(page.contains(expected), "the page contains " + expected);
    }
}
