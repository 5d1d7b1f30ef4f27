package io.clickgive.impact;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.clickgive.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class ImpactTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TestClock clock;

    private static ValidatableResponse mine(String identity, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(identity == null ? Map.of() : Map.of("identity", identity)).post("/api/players/me").then();
    }

    private static void play(String slug, String identity, String address, int clicks) {
        Fixtures.Session session = Fixtures.startSession(slug, Map.of("identity", identity), address);
        Fixtures.sendBatch(session, 1, Fixtures.offsets(100, clicks, 200)).then().statusCode(200);
    }

    @Test
    void aPlayerSeesItsStoryAcrossCampaignsWithItsTeam() throws InterruptedException {
        String first = Fixtures.liveCampaign("impact-a");
        String second = Fixtures.liveCampaign("impact-b");
        String address = Fixtures.randomAddress();
        String identity = Fixtures.mintIdentity(address);
        String code = Fixtures.team(first, identity, address, "Club Impact", "MA-05");
        play(first, identity, address, 12);
        play(first, identity, address, 30);
        play(second, identity, address, 5);
        String stranger = Fixtures.randomAddress();
        play(first, Fixtures.mintIdentity(stranger), stranger, 40); // someone else's round, not in this story
        Ledger ledger = new Ledger(db);
        ledger.awaitClicks(first, 82, Duration.ofSeconds(10));
        ledger.awaitClicks(second, 5, Duration.ofSeconds(10));

        mine(identity, address).statusCode(200).body("rounds", equalTo(3)).body("clicks", equalTo(47))
                .body("megabytes", equalTo(470)).body("bestRound", equalTo(300)).body("daysInARow", equalTo(1))
                .body("campaigns.find { it.slug == '" + first + "' }.team.code", equalTo(code))
                .body("campaigns.find { it.slug == '" + first + "' }.team.rank", equalTo(1))
                .body("campaigns.find { it.slug == '" + first + "' }.rounds", equalTo(2))
                .body("campaigns.find { it.slug == '" + second + "' }.team", equalTo(null));
        mine(Fixtures.mintIdentity(address), address).statusCode(200).body("rounds", equalTo(0))
                .body("campaigns", hasSize(0));
        mine(null, address).statusCode(401);
        mine(identity + "x", address).statusCode(401);
    }

    @Test
    void erasingForgetsThePlayerButNotTheGift() throws InterruptedException {
        String slug = Fixtures.liveCampaign("impact-erase");
        String address = Fixtures.randomAddress();
        String identity = Fixtures.mintIdentity(address);
        String code = Fixtures.team(slug, identity, address, "Douar Erase", "MA-08");
        play(slug, identity, address, 9);
        Ledger ledger = new Ledger(db);
        ledger.awaitClicks(slug, 9, Duration.ofSeconds(10));
        mine(identity, address).body("clicks", equalTo(9));

        given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(Map.of("identity", identity))
                .post("/api/players/me/erase").then().statusCode(204);
        mine(identity, address).statusCode(200).body("rounds", equalTo(0)).body("campaigns", hasSize(0));
        given().get("/api/campaigns/{slug}/teams/{code}", slug, code).then().body("members", equalTo(0))
                .body("clicks", equalTo(9)); // the team keeps what was given
        assertEquals(0, ledger.single("SELECT count(*) FROM donation d JOIN campaign c ON c.id = d.campaign_id "
                + "WHERE c.slug = ? AND d.player IS NOT NULL", slug));
        assertEquals(9, ledger.clicks(slug));
        assertEquals(90, ledger.single("SELECT sum(d.megabytes) FROM donation d JOIN campaign c ON c.id = d.campaign_id "
                + "WHERE c.slug = ?", slug));

        // The next round counts for no team: the player left it in Redis too.
        play(slug, identity, address, 4);
        ledger.awaitClicks(slug, 13, Duration.ofSeconds(10));
        assertEquals(4, ledger.single("SELECT sum(d.units) FROM donation d JOIN campaign c ON c.id = d.campaign_id "
                + "WHERE c.slug = ? AND d.team_id IS NULL", slug));

        // Forgetting is the one change the ledger takes: anything else is refused.
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE donation SET units = units + 1 WHERE player IS NULL"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM donation WHERE player IS NULL"));
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE donation SET player = 'someone' WHERE player IS NULL"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPlayersOwnCallsHaveABudgetAMinute() {
        // The attack: one identity, minted once, reused as fast as a script sends on the calls that query PostgreSQL.
        String slug = Fixtures.liveCampaign("impact-budget");
        String address = Fixtures.randomAddress();
        String identity = Fixtures.mintIdentity(address);
        // At the start of a minute, so that the sliding count is this minute's alone.
        try (TestClock.Moved minute = clock.advance(Duration.ofMillis(60_000 - clock.millis() % 60_000 + 1))) {
            for (int call = 0; call < 30; call++) {
                (call % 2 == 0 ? mine(identity, address) : teamOf(slug, identity, address)).statusCode(200);
            }
            mine(identity, address).statusCode(429).header("Retry-After", not(equalTo(null)))
                    .body("reason", equalTo("WAIT")).body("detail", containsString("30 are accepted"));
            teamOf(slug, identity, address).statusCode(429);
            given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(Map.of("identity", identity))
                    .post("/api/campaigns/{slug}/teams/leave", slug).then().statusCode(429);
            // Another player on the same network is not held back (a mobile operator's NAT hides thousands).
            mine(Fixtures.mintIdentity(address), address).statusCode(200);
            try (TestClock.Moved later = clock.advance(Duration.ofMinutes(2))) {
                mine(identity, address).statusCode(200);
            }
        }
    }

    private static ValidatableResponse teamOf(String slug, String identity, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("identity", identity)).post("/api/campaigns/{slug}/teams/mine", slug).then();
    }

    @Test
    void daysInARowEndTodayOrYesterday() {
        LocalDate today = LocalDate.of(2026, 3, 20);
        assertEquals(0, ImpactService.daysInARow(List.of(), today));
        assertEquals(3, ImpactService.daysInARow(List.of(today, today.minusDays(1), today.minusDays(2),
                today.minusDays(5)), today));
        assertEquals(2, ImpactService.daysInARow(List.of(today.minusDays(1), today.minusDays(2)), today));
        assertEquals(0, ImpactService.daysInARow(List.of(today.minusDays(2), today.minusDays(3)), today));
    }
}
