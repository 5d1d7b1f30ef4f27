package io.clickgive.team;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.clickgive.counters.ShardKeys;
import io.clickgive.counters.TeamCounters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class TeamTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TeamCounters counters;

    /** A player: an identity minted from its own address. */
    private record Player(String identity, String address) {
        static Player fresh() {
            String address = Fixtures.randomAddress();
            return new Player(Fixtures.mintIdentity(address), address);
        }
    }

    private static ValidatableResponse create(String slug, Player player, String name, String region) {
        return given().contentType("application/json; charset=UTF-8").header("X-Forwarded-For", player.address())
                .body(region == null ? Map.of("identity", player.identity(), "name", name)
                        : Map.of("identity", player.identity(), "name", name, "region", region))
                .post("/api/campaigns/{slug}/teams", slug).then();
    }

    private static ValidatableResponse join(String slug, String code, Player player) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", player.address())
                .body(Map.of("identity", player.identity()))
                .post("/api/campaigns/{slug}/teams/{code}/members", slug, code).then();
    }

    private static void leave(String slug, Player player) {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", player.address())
                .body(Map.of("identity", player.identity()))
                .post("/api/campaigns/{slug}/teams/leave", slug).then().statusCode(204);
    }

    private static ValidatableResponse mine(String slug, Player player) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", player.address())
                .body(Map.of("identity", player.identity()))
                .post("/api/campaigns/{slug}/teams/mine", slug).then().statusCode(200);
    }

    @Test
    void namesAreCheckedAndOneNameIsOneTeamHoweverSpelt() {
        String slug = Fixtures.liveCampaign("team-names");
        Player player = Player.fresh();
        create(slug, player, "  ", "MA-06").statusCode(400).body("violations", hasItem(containsString("needs a name")));
        create(slug, player, "x".repeat(41), "MA-06").statusCode(400)
                .body("violations", hasItem(containsString("between 3 and 40")));
        create(slug, player, "Club \u202Eevil", "MA-06").statusCode(400)
                .body("violations", hasItem(containsString("only letters")));
        create(slug, player, "www.spam.example", "MA-06").statusCode(400)
                .body("violations", hasItem(containsString("web address")));
        create(slug, player, "École Atlas", null).statusCode(400)
                .body("violations", hasItem(containsString("region")));
        String code = create(slug, player, "École  Atlas", "MA-06").statusCode(201)
                .body("name", equalTo("École Atlas")).body("members", equalTo(1))
                .extract().path("code");
        given().get("/api/campaigns/{slug}/teams/{code}", slug, code).then().statusCode(200)
                .body("link", equalTo("/c/" + slug + "/t/" + code)).body("rank", equalTo(1));
        Player other = Player.fresh();
        create(slug, other, "ECOLE-ATLAS", "MA-01").statusCode(409).body("detail", containsString("taken"));
        create(slug, other, "مدرسة الأطلس", "MA-01").statusCode(201);
        Player third = Player.fresh();
        create(slug, third, "مَدْرَسَة الأطلس", "MA-01").statusCode(409).body("detail", containsString("taken"));
    }

    @Test
    void onePlayerOneTeamAndLinksOfAnotherCampaignOrHiddenAreUnknown() {
        String slug = Fixtures.liveCampaign("team-join");
        String elsewhere = Fixtures.liveCampaign("team-elsewhere");
        Player founder = Player.fresh();
        Player player = Player.fresh();
        String code = create(slug, founder, "Douar Imlil", "MA-07").statusCode(201).extract().path("code");
        String foreign = create(elsewhere, Player.fresh(), "Club Nord", "MA-01").statusCode(201).extract().path("code");
        String second = create(slug, Player.fresh(), "Club Sud", "MA-09").statusCode(201).extract().path("code");

        join(slug, foreign, player).statusCode(404);
        given().get("/api/campaigns/{slug}/teams/{code}", slug, foreign).then().statusCode(404);
        join(slug, code, player).statusCode(200).body("members", equalTo(2));
        join(slug, code, player).statusCode(200).body("members", equalTo(2)); // again: the same answer
        join(slug, second, player).statusCode(409).body("detail", containsString("Douar Imlil"));
        create(slug, player, "Another one", "MA-07").statusCode(409).body("detail", containsString("leave it first"));
        mine(slug, player).body("team.code", equalTo(code));

        leave(slug, player);
        mine(slug, player).body("team", equalTo(null));
        join(slug, second, player).statusCode(200).body("members", equalTo(2));
        given().get("/api/campaigns/{slug}/teams/{code}", slug, code).then().body("members", equalTo(1));

        long id = Long.parseLong(new Ledger(db).single("SELECT id FROM team WHERE code = ?", code) + "");
        given().contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/manage/teams/{id}/hide", id).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reason", "An insult in the name"))
                .post("/api/manage/teams/{id}/hide", id).then().statusCode(204);
        Player late = Player.fresh();
        join(slug, code, late).statusCode(404);
        given().get("/api/campaigns/{slug}/teams/{code}", slug, code).then().statusCode(404);
        given().get("/api/campaigns/{slug}/teams", slug).then().statusCode(200)
                .body("code", not(hasItem(code))).body("code", hasItem(second));
        create(slug, late, "douar imlil", "MA-07").statusCode(409).body("detail", containsString("hidden"));
        given().get("/api/manage/teams?campaign={slug}", slug).then().statusCode(200)
                .body("find { it.code == '" + code + "' }.hiddenReason", equalTo("An insult in the name"));
        assertEquals(2, new Ledger(db).single("SELECT count(*) FROM team_event WHERE team_id = ?", id),
                "created, then hidden: both kept");
        given().post("/api/manage/teams/{id}/show", id).then().statusCode(204);
        join(slug, code, late).statusCode(200);
    }

    @Test
    void aPlayerChangesTeamAFewTimesADayAtMost() {
        String slug = Fixtures.liveCampaign("team-churn");
        Player player = Player.fresh();
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < TeamStore.JOINS_A_DAY + 1; i++) {
            codes.add(create(slug, Player.fresh(), "Team number " + i, "MA-06").statusCode(201).extract().path("code"));
        }
        for (int i = 0; i < TeamStore.JOINS_A_DAY; i++) {
            join(slug, codes.get(i), player).statusCode(200);
            leave(slug, player);
        }
        join(slug, codes.get(TeamStore.JOINS_A_DAY), player).statusCode(429).header("Retry-After", not(equalTo(null)))
                .body("detail", containsString("tomorrow"));
    }

    @Test
    void aMembersRoundsCountForTheTeamAndTheBoardsRankThem() throws InterruptedException {
        String slug = Fixtures.liveCampaign("team-count");
        Player founder = Player.fresh();
        Player member = Player.fresh();
        String code = create(slug, founder, "Lycée Al Qods", "MA-03").statusCode(201).extract().path("code");
        String rival = create(slug, Player.fresh(), "Club Rabat", "MA-04").statusCode(201).extract().path("code");
        join(slug, code, member).statusCode(200);

        play(slug, member, 20);
        play(slug, founder, 7);
        play(slug, Player.fresh(), 5); // a player of no team
        new Ledger(db).awaitClicks(slug, 32, Duration.ofSeconds(10));
        // Kept 2 s for the crowd; the team's own page is read fresh here.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().get("/api/campaigns/{slug}/teams/{code}", slug, code).then()
                        .body("clicks", equalTo(27)).body("megabytes", equalTo(270)).body("rounds", equalTo(2))
                        .body("members", equalTo(2)).body("rank", equalTo(1)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().get("/api/campaigns/{slug}/teams", slug).then()
                        .body("code", equalTo(List.of(code, rival))).body("[0].megabytes", equalTo(270)));
        given().get("/api/campaigns/{slug}/teams?region=MA-04", slug).then().body("code", equalTo(List.of(rival)));
        given().get("/api/campaigns/{slug}/teams?region=XX", slug).then().statusCode(400);

        // The member leaves: its next round counts for no team, its past clicks stay the team's.
        leave(slug, member);
        play(slug, member, 4);
        new Ledger(db).awaitClicks(slug, 36, Duration.ofSeconds(10));
        assertEquals(27, new Ledger(db).single("SELECT units FROM team_sum s JOIN team t ON t.id = s.team_id"
                + " WHERE t.code = ?", code));
        assertEquals(5 + 4, new Ledger(db).single("SELECT sum(units) FROM donation d JOIN campaign c ON c.id = d.campaign_id"
                + " WHERE c.slug = ? AND d.team_id IS NULL", slug), "the player of no team and the member who left");
    }

    @Test
    void aMembershipRedisForgotComesBackWhenThePageAsks() throws InterruptedException {
        String slug = Fixtures.liveCampaign("team-redis");
        Player player = Player.fresh();
        String code = create(slug, player, "Association Tifawin", "MA-09").statusCode(201).extract().path("code");
        long campaign = new Ledger(db).single("SELECT id FROM campaign WHERE slug = ?", slug);
        String key = new Ledger(db).text("SELECT player FROM team_member WHERE campaign_id = ?", campaign);
        long teamId = new Ledger(db).single("SELECT id FROM team WHERE code = ?", code);
        ShardKeys keys = shardOf(campaign, key);
        assertEquals(teamId, counters.team(keys, key));
        counters.leave(keys, key); // as a Redis restart without persistence would
        assertNull(counters.team(keys, key));
        mine(slug, player).body("team.code", equalTo(code));
        assertEquals(teamId, counters.team(keys, key));
        play(slug, player, 3);
        new Ledger(db).awaitClicks(slug, 3, Duration.ofSeconds(10));
        assertEquals(teamId, new Ledger(db).single("SELECT team_id FROM donation WHERE campaign_id = ?", campaign));
    }

    private static ShardKeys shardOf(long campaign, String player) {
        // the player's shard is that of its home; find the shard whose hash holds this player
        for (ShardKeys keys : ShardKeys.of(campaign, 8)) {
            if (io.quarkus.arc.Arc.container().instance(TeamCounters.class).get().team(keys, player) != null) {
                return keys;
            }
        }
        throw new AssertionError("no shard holds player " + player);
    }

    private static void play(String slug, Player player, int clicks) {
        Fixtures.Session session = Fixtures.startSession(slug, Map.of("identity", player.identity()), player.address());
        Fixtures.sendBatch(session, 1, Fixtures.offsets(100, clicks, 200)).then().statusCode(200)
                .body("accepted", equalTo(clicks));
    }
}
