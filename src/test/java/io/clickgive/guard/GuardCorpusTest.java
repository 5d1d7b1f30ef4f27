package io.clickgive.guard;

import io.clickgive.Fixtures;
import io.clickgive.counters.GrantCall;
import io.clickgive.counters.SessionCounters;
import io.clickgive.counters.ShardKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard against a labelled corpus: people and scripts play through the public API, and the test prints what was
 * accepted and rejected per kind of trace. People must pass; scripts that go beyond what people can do must not.
 */
@QuarkusTest
class GuardCorpusTest {

    private static final int HUMANS = 400;
    private static final int SCRIPTS = 40;

    @Inject
    SessionCounters counters;

    @Inject
    RedisDataSource redis;

    /** What one kind of trace achieved. */
    record Row(String kind, boolean beyondHuman, int sessions, int sessionsTouched, long sent, long accepted) {
        long rejected() {
            return sent - accepted;
        }

        double rejectedShare() {
            return sent == 0 ? 0 : rejected() / (double) sent;
        }
    }

    /** One player's try: clicks it sent and those counted. */
    record Play(long sent, long accepted) {
    }

    @Test
    void peoplePassAndScriptsBeyondHumanAbilityDoNot() throws Exception {
        String slug = Fixtures.liveCampaign(Fixtures.guardedDraft(Fixtures.uniqueSlug("corpus"),
                Map.of("powDifficulty", 500, "powMaxDifficulty", 8_000))); // the puzzle's growth has its own test; kept cheap here
        Random seeds = new Random(20261123);
        List<Row> rows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            rows.add(playEach(pool, slug, "human", false, HUMANS, seeds, Traces::human));
            rows.add(playEach(pool, slug, "fixed interval", true, SCRIPTS, seeds, Traces::fixed));
            rows.add(playEach(pool, slug, "small jitter", true, SCRIPTS, seeds, Traces::jittered));
            rows.add(playEach(pool, slug, "uniform, superhuman", true, SCRIPTS, seeds, Traces::uniformFast));
            rows.add(playEach(pool, slug, "human replayed 3x", true, SCRIPTS, seeds, Traces::replayedFaster));
            rows.add(flood(slug, seeds));
            rows.add(parallel(pool, slug, seeds));
            rows.add(tokenReuse(slug, seeds));
            rows.add(batchReuse(pool, slug, seeds));
            rows.add(playEach(pool, slug, "uniform, human pace", false, SCRIPTS, seeds, Traces::uniformHumanPace));
            rows.add(playEach(pool, slug, "imitator", false, SCRIPTS, seeds, Traces::imitator));
        } finally {
            pool.shutdownNow();
        }
        print(rows);

        Row humans = rows.get(0);
        assertTrue(humans.sessionsTouched() <= humans.sessions() / 100,
                humans.sessionsTouched() + " of " + humans.sessions() + " human sessions lost a click");
        for (Row row : rows) {
            if (row.beyondHuman()) {
                assertTrue(row.rejectedShare() >= 0.99, row.kind() + ": only " + pct(row.rejectedShare()) + " rejected");
            }
        }
        long acceptedTotal = rows.stream().mapToLong(Row::accepted).sum() + personsOwn.get();
        Fixtures.totals(slug).then().body("clicks", org.hamcrest.Matchers.equalTo((int) acceptedTotal));
    }

    /**
     * Amplification: no script playing as one identity gets more accepted clicks an hour than a strong person playing
     * non-stop (load-tests/abuse.sh measures the scripts that rotate identities). The hour is simulated through the real grant
     * script with its clock argument: the attacker asks for a session every second, three at a time.
     */
    @Test
    void noScriptOutplaysAStrongPlayerOverAnHour() throws Exception {
        GuardSettings guard = GuardSettings.DEFAULTS;
        int cap = 150; // 15 clicks/s for 10 s: the most any session can count by default
        long humanPerHour = 3_600 / 16 * (long) cap; // a round of 3 s countdown, 10 s play, 3 s result and puzzle
        long campaign = 900_000_000L + new Random().nextInt(1_000_000);
        String player = "attacker-" + UUID.randomUUID();
        ShardKeys keys = new ShardKeys(campaign, ShardKeys.shardOf(player, 8));
        long start = System.currentTimeMillis();
        int granted = 0;
        GrantCall.Bucket open = new GrantCall.Bucket(1, 1_000_000); // other limits out of the way
        for (int second = 0; second < 3_600; second++) {
            for (int parallel = 0; parallel < 3; parallel++) {
                long now = start + second * 1_000L;
                long minute = now / 60_000 + 1; // the proof's challenge expires within a minute
                String limits = SessionCounters.written(new GrantCall.Limits(new GrantCall.Bucket(
                        guard.playerIntervalSeconds() * 1000L, guard.playerBurst()), open, open, open, open, 0, 0, 3_600_000));
                GrantCall call = new GrantCall(now, 60_000, player, true, second * 10L + parallel,
                        (minute + 1) * 60_000, false, limits);
                boolean answer = counters.grant(keys, "amp-" + second + "-" + parallel,
                        new SessionCounters.Grantee(player, "amp-net", "amp-wide", player), call)
                        .await().indefinitely().granted();
                granted += answer ? 1 : 0;
            }
        }
        long scriptPerHour = (long) granted * cap;
        double amplification = scriptPerHour / (double) humanPerHour;
        System.out.printf("%nAmplification over one simulated hour: script %d sessions x %d clicks = %d, strong player "
                + "%d; ratio %.3f%n", granted, cap, scriptPerHour, humanPerHour, amplification);
        assertTrue(amplification <= 1.0, "amplification " + amplification);
        assertEquals(225, granted, "one session per 16 s");
        redis.key().del(redis.key().keys("cg:{c" + campaign + ".*").toArray(String[]::new));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private Row playEach(ExecutorService pool, String slug, String kind, boolean beyondHuman, int count, Random seeds,
                         Function<Random, List<Integer>> trace) throws Exception {
        List<Future<Play>> plays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seed = seeds.nextLong();
            plays.add(pool.submit(() -> {
                String address = Fixtures.randomAddress();
                return play(slug, Fixtures.mintIdentity(address), address, trace.apply(new Random(seed)));
            }));
        }
        return row(kind, beyondHuman, plays.stream().map(GuardCorpusTest::join).toList());
    }

    /** Many sessions, one after another, from one identity. */
    private Row flood(String slug, Random seeds) {
        String identity = Fixtures.mintIdentity(Fixtures.randomAddress());
        List<Play> plays = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            plays.add(play(slug, identity, Fixtures.randomAddress(), Traces.human(new Random(seeds.nextLong()))));
        }
        return row("flood, one identity", true, plays);
    }

    /** Many sessions at once from one identity. */
    private Row parallel(ExecutorService pool, String slug, Random seeds) throws Exception {
        String identity = Fixtures.mintIdentity(Fixtures.randomAddress());
        List<Future<Play>> plays = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long seed = seeds.nextLong();
            plays.add(pool.submit(() -> play(slug, identity, Fixtures.randomAddress(), Traces.human(new Random(seed)))));
        }
        return row("parallel, one identity", true, plays.stream().map(GuardCorpusTest::join).toList());
    }

    /** One granted token sent with other sessions' ids, to multiply one session. */
    private Row tokenReuse(String slug, Random seeds) {
        Fixtures.Session owner = Fixtures.startSession(slug);
        List<Play> plays = new ArrayList<>();
        for (int i = 0; i < SCRIPTS; i++) {
            Fixtures.Session victim = Fixtures.startSession(slug);
            Fixtures.Session reused = new Fixtures.Session(victim.id(), owner.token());
            plays.add(send(reused, Traces.pageBatches(Traces.human(new Random(seeds.nextLong())))));
        }
        return row("token reuse", true, plays);
    }

    /** A person's session whose batches a script sends again and again. */
    private Row batchReuse(ExecutorService pool, String slug, Random seeds) throws Exception {
        List<Future<Play>> plays = new ArrayList<>();
        for (int i = 0; i < SCRIPTS; i++) {
            long seed = seeds.nextLong();
            plays.add(pool.submit(() -> {
                Fixtures.Session session = Fixtures.startSession(slug);
                List<List<Integer>> batches = Traces.pageBatches(Traces.human(new Random(seed)));
                long own = send(session, batches).accepted(); // the person's play: counted, and not the script's
                personsOwn.addAndGet(own);
                long sent = 0;
                for (int replay = 0; replay < 10; replay++) {
                    sent += send(session, batches).sent();
                }
                // An empty batch under a new seq tells the session's total now: the replays must not have moved it.
                int now = Fixtures.sendBatch(session, 99, List.of()).then().statusCode(200).extract().path("sessionClicks");
                return new Play(sent, now - own);
            }));
        }
        return row("batch reuse", true, plays.stream().map(GuardCorpusTest::join).toList());
    }

    /** Clicks of the people whose sessions the batch-reuse script replays: counted, but in no row. */
    private final java.util.concurrent.atomic.AtomicLong personsOwn = new java.util.concurrent.atomic.AtomicLong();

    private static Play play(String slug, String identity, String address, List<Integer> offsets) {
        Map<String, Object> body = new HashMap<>(Map.of("identity", identity));
        body.put("proof", Fixtures.solve(Fixtures.challenge(slug, identity, address)));
        Response granted = given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(body)
                .post("/api/campaigns/{slug}/sessions", slug);
        if (granted.statusCode() != 201) {
            assertTrue(granted.statusCode() == 429 || granted.statusCode() == 403, "refused with " + granted.statusCode());
            return new Play(offsets.size(), 0);
        }
        return send(new Fixtures.Session(granted.path("sessionId"), granted.path("token")), Traces.pageBatches(offsets));
    }

    private static Play send(Fixtures.Session session, List<List<Integer>> batches) {
        long sent = 0;
        long accepted = 0;
        int seq = 1;
        for (List<Integer> batch : batches) {
            Response answer = Fixtures.sendBatch(session, seq++, batch);
            sent += batch.size();
            if (answer.statusCode() == 200) {
                accepted += answer.<Integer>path("accepted");
            } else {
                assertEquals(401, answer.statusCode(), answer.asString());
            }
        }
        return new Play(sent, accepted);
    }

    private static Row row(String kind, boolean beyondHuman, List<Play> plays) {
        return new Row(kind, beyondHuman, plays.size(), (int) plays.stream().filter(p -> p.accepted() < p.sent()).count(),
                plays.stream().mapToLong(Play::sent).sum(), plays.stream().mapToLong(Play::accepted).sum());
    }

    private static Play join(Future<Play> play) {
        try {
            return play.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(List<Row> rows) {
        StringBuilder out = new StringBuilder("\nGuard corpus: confusion matrix (clicks)\n");
        out.append(String.format("%-28s %-12s %8s %9s %9s %9s %9s %14s%n", "trace", "label", "sessions", "sent",
                "accepted", "rejected", "rejected%", "sessions hit"));
        for (Row r : rows) {
            out.append(String.format("%-28s %-12s %8d %9d %9d %9d %9s %14d%n", r.kind(),
                    r.beyondHuman() ? "superhuman" : (r.kind().equals("human") ? "human" : "human-like"), r.sessions(),
                    r.sent(), r.accepted(), r.rejected(), pct(r.rejectedShare()), r.sessionsTouched()));
        }
        Map<String, long[]> matrix = new LinkedHashMap<>();
        matrix.put("human", new long[2]);
        matrix.put("beyond human", new long[2]);
        for (Row r : rows) {
            long[] cell = r.kind().equals("human") ? matrix.get("human") : r.beyondHuman() ? matrix.get("beyond human") : null;
            if (cell != null) {
                cell[0] += r.accepted();
                cell[1] += r.rejected();
            }
        }
        out.append(String.format("%n%-16s %12s %12s%n", "actual \\ guard", "accepted", "rejected"));
        matrix.forEach((label, cell) -> out.append(String.format("%-16s %12d %12d%n", label, cell[0], cell[1])));
        System.out.println(out);
    }

    private static String pct(double share) {
        return String.format("%.2f%%", share * 100);
    }
}
