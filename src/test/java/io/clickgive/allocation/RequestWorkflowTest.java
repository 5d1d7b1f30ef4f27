package io.clickgive.allocation;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request goes submitted → reviewed → allocated → delivered → usage reported; every step is an event, none edited. */
@QuarkusTest
class RequestWorkflowTest {

    @Inject
    AgroalDataSource db;

    @Test
    void reviewsNeedAReasonAndACorrectionIsANewEventThatNamesTheOldOne() {
        String slug = Fixtures.liveCampaign("requests");
        int request = Distribution.submit(slug, Distribution.beneficiary("MA-08", 200), 200, 30);
        given().get("/api/manage/requests/{id}", request).then().body("status", equalTo("SUBMITTED"))
                .body("steps", hasSize(1));

        review(request, Map.of("decision", "APPROVED")).statusCode(400).body("detail", containsString("reason"));
        review(request, Map.of("decision", "APPROVED", "approvedTablets", 10, "reason", "ok")).statusCode(400)
                .body("detail", containsString("PARTLY_APPROVED"));
        review(request, Map.of("decision", "PARTLY_APPROVED", "approvedTablets", 31, "reason", "too many"))
                .statusCode(400);
        review(request, Map.of("decision", "ALLOCATED", "reason", "sneaky")).statusCode(400);

        int first = review(request, Map.of("decision", "PARTLY_APPROVED", "approvedTablets", 12,
                "reason", "Stock is short this month")).statusCode(200)
                .body("status", equalTo("PARTLY_APPROVED")).body("approvedTablets", equalTo(12))
                .extract().path("steps[1].id");
        review(request, Map.of("decision", "APPROVED", "reason", "Second batch of tablets arrived")).statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedTablets", equalTo(30))
                .body("steps", hasSize(3)).body("steps[2].corrects", equalTo(first))
                .body("steps[1].approvedTablets", equalTo(12)).body("steps[1].corrects", nullValue());

        given().get("/api/manage/campaigns/{slug}/requests?status=APPROVED", slug).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(request));
    }

    @Test
    void aDeclinedRequestGetsNothingAndUsageCannotBeReportedBeforeDelivery() {
        String slug = Fixtures.liveCampaign("requests-declined");
        int request = Distribution.submit(slug, Distribution.beneficiary("MA-10", 50), 50, 5);
        review(request, Map.of("decision", "DECLINED", "approvedTablets", 3, "reason", "x")).statusCode(400);
        review(request, Map.of("decision", "DECLINED", "reason", "Outside the programme's scope")).statusCode(200)
                .body("status", equalTo("DECLINED")).body("approvedTablets", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("summary", "s", "peopleReached", 3, "gigabytesUsed", 1))
                .post("/api/manage/requests/{id}/usage", request).then().statusCode(409)
                .body("detail", containsString("delivered"));
        given().get("/api/manage/requests/999999999").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("beneficiary", "nobody", "purpose", "p", "people", 1,
                "place", "x", "tablets", 1)).post("/api/manage/campaigns/{slug}/requests", slug).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("beneficiary", "nobody", "purpose", "p", "people", 1,
                "place", "x", "tablets", 0)).post("/api/manage/campaigns/{slug}/requests", slug).then().statusCode(400);
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteTheAuditTrail() throws SQLException {
        String slug = Fixtures.liveCampaign("requests-final");
        int request = Distribution.submit(slug, Distribution.beneficiary("MA-01", 10), 10, 1);
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            SQLException edit = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE request_event SET kind = 'APPROVED' WHERE request_id = " + request));
            assertTrue(edit.getMessage().contains("append-only"), edit.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM request WHERE id = " + request));
        }
        given().get("/api/manage/requests/{id}", request).then().body("status", equalTo("SUBMITTED"));
    }

    private static io.restassured.response.ValidatableResponse review(int request, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/manage/requests/{id}/review", request)
                .then();
    }
}
