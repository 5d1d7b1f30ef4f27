package io.clickgive.console;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A refused console form comes back to the browser as its page saying why, never as the API's JSON, and changes
 * nothing: the status transitions, and the form token's check on every form.
 */
@QuarkusTest
class RefusedFormTest {

    @Inject
    io.agroal.api.AgroalDataSource db;

    @Test
    void aRefusedStatusChangeIsTheCampaignsPageWithTheProblem() throws java.sql.SQLException {
        String slug = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("refused-move")));
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/campaigns?lang=en");

        // A draft cannot close: the service refuses (409), the list comes back saying so.
        manager.request().formParam("csrf", token).formParam("lang", "en").formParam("status", "CLOSED")
                .post("/console/campaigns/{slug}/status", slug).then().statusCode(409)
                .contentType(startsWith("text/html"))
                .body(containsString("class=\"problems\""))
                .body(containsString("is DRAFT and cannot become CLOSED"))
                .body(containsString("/console/campaigns/" + slug + "/status"))
                .body(not(containsString("\"status\":409")));
        assertEquals("DRAFT", status(slug));

        // An unknown status: 400, the same way.
        manager.request().formParam("csrf", token).formParam("lang", "en").formParam("status", "SOMEDAY")
                .post("/console/campaigns/{slug}/status", slug).then().statusCode(400)
                .contentType(startsWith("text/html")).body(containsString("status must be one of"));
        assertEquals("DRAFT", status(slug));

        // The move it allows still happens.
        manager.request().formParam("csrf", token).formParam("lang", "en").formParam("status", "LIVE")
                .post("/console/campaigns/{slug}/status", slug).then().statusCode(303);
        assertEquals("LIVE", status(slug));
    }

    @Test
    void aFormWithoutItsTokenIsItsPageSayingSoAndChangesNothing() throws java.sql.SQLException {
        String slug = Fixtures.createCampaign(Fixtures.draft(Fixtures.uniqueSlug("no-token")));
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        manager.request().formParam("csrf", "forged").formParam("lang", "en").formParam("status", "LIVE")
                .post("/console/campaigns/{slug}/status", slug).then().statusCode(403)
                .contentType(startsWith("text/html")).body(containsString("The form has expired"));
        assertEquals("DRAFT", status(slug));

        ConsoleClient admin = ConsoleClient.signIn(io.clickgive.SignedIn.ADMIN, io.clickgive.SignedIn.ADMIN_PASSWORD);
        String user = Distribution.unique("kept");
        admin.request().formParam("csrf", "forged").formParam("lang", "en").formParam("username", user)
                .formParam("password", Distribution.USER_PASSWORD).formParam("role", "manager")
                .post("/console/users").then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("The form has expired"));
        assertEquals(0, new Ledger(db).single("SELECT count(*) FROM app_user WHERE username = ?", user));
    }

    @Test
    void anUploadOfAnUnknownKindIsTheImportsPageSayingSo() {
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String token = manager.token("/console/imports?lang=en");
        manager.request().multiPart("csrf", token).multiPart("lang", "en")
                .multiPart("file", "x.csv", "name\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/console/imports/{kind}", "donkeys").then().statusCode(400)
                .contentType(startsWith("text/html")).body(containsString("class=\"problems\""))
                .body(containsString("kind must be one of"));
    }

    /** The campaign's status as PostgreSQL holds it. */
    private String status(String slug) throws java.sql.SQLException {
        try (java.sql.Connection connection = db.getConnection();
             java.sql.PreparedStatement query = connection.prepareStatement("SELECT status FROM campaign WHERE slug = ?")) {
            query.setString(1, slug);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
