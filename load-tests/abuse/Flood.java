import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * T4 of the abuse drill: many networks, each with a script rotating identities, beside a few people. The scripts pass
 * the click inspection (human-paced taps); what marks them is their many identities and the refusals of their new
 * players' sessions. Then the manager's side: the flags must name every script's network and no person's, and voiding
 * the flagged networks must take exactly their clicks out of the live totals, the report and the pool.
 *
 * usage: java -cp VERTX Flood.java base=URL slug=SLUG admin=USER:PASSWORD [networks=500] [identities=12]
 *        [seconds=120] [people=5] [rounds=1] [seed=N]    (identities: per network; rounds: per script identity)
 * Loopback only: every request goes to base (127.0.0.1); the networks are X-Forwarded-For values (100.64.0.0/10, one
 * /24 each), believed from loopback, the service's trusted proxy.
 */
public class Flood {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ScheduledExecutorService TIMERS = Executors.newScheduledThreadPool(4);
    static final ExecutorService SOLVERS = Executors.newFixedThreadPool(2); // both cores, as a native script would
    static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    static String base;
    /** Rounds each script identity plays (people play until the end): enough to show, not to drown the 2 cores. */
    static int rounds;
    static String slug;
    static String auth;
    static long deadline;
    static final AtomicLong attackClicks = new AtomicLong();
    static final AtomicLong peopleClicks = new AtomicLong();
    static final AtomicLong attackSessions = new AtomicLong();
    static final AtomicLong refused = new AtomicLong();
    static final AtomicLong minted = new AtomicLong();
    static final AtomicLong inFlight = new AtomicLong();

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new java.util.HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        base = args.get("base");
        slug = args.get("slug");
        auth = "Basic " + Base64.getEncoder().encodeToString(args.get("admin").getBytes(StandardCharsets.UTF_8));
        int networks = Integer.parseInt(args.getOrDefault("networks", "500"));
        int identities = Integer.parseInt(args.getOrDefault("identities", "10"));
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "120"));
        int people = Integer.parseInt(args.getOrDefault("people", "5"));
        rounds = Integer.parseInt(args.getOrDefault("rounds", "1"));
        SplittableRandom seeds = new SplittableRandom(Long.parseLong(args.getOrDefault("seed", "4")));
        Instant started = Instant.now();

        // The scripts mint their identities first (a script's best move: pay while nobody looks), then play; 32 mints
        // at a time, as a script paces itself rather than have its requests time out.
        List<Player> players = new ArrayList<>();
        for (int n = 0; n < networks; n++) {
            String address = "100." + (64 + n / 256) + "." + (n % 256) + ".9";
            for (int i = 0; i < identities; i++) {
                players.add(new Player(address, true, seeds.split()));
            }
        }
        for (int i = 0; i < people; i++) {
            players.add(new Player("198.18.200." + (i + 1), false, seeds.split()));
        }
        for (int from = 0; from < players.size(); from += 32) {
            List<CompletableFuture<Void>> wave = new ArrayList<>();
            for (Player p : players.subList(from, Math.min(players.size(), from + 32))) {
                wave.add(mint(p.network).thenAccept(id -> p.identity = id));
            }
            CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        }
        System.err.printf("T4: %d identities minted on %d networks in %d s; playing %d s%n", minted.get(), networks + people,
                Duration.between(started, Instant.now()).toSeconds(), seconds);
        Instant playFrom = Instant.now();
        deadline = System.currentTimeMillis() + seconds * 1000L;
        // Spread over the run, so that the two cores play every round through rather than drop half of them.
        int spread = Math.max(16_000, seconds * 1000 - 20_000);
        for (Player p : players) {
            TIMERS.schedule(p::round, p.script ? seeds.nextInt(spread) : seeds.nextInt(16_000), TimeUnit.MILLISECONDS);
        }
        while (System.currentTimeMillis() < deadline + 20_000 || inFlight.get() > 0) {
            Thread.sleep(500);
            if (System.currentTimeMillis() > deadline + 60_000) {
                break;
            }
        }
        long attack = attackClicks.get();
        long person = peopleClicks.get();
        // The ledger takes what was acknowledged (the report reads it).
        long confirmed = 0;
        for (int i = 0; i < 120; i++) {
            confirmed = get("/api/campaigns/" + slug + "/report", false).getLong("confirmedClicks");
            if (confirmed >= attack + person) {
                break;
            }
            Thread.sleep(500);
        }
        JsonObject review = get("/api/manage/campaigns/" + slug + "/flags?hours=1&limit=5000", true);
        JsonArray rows = review.getJsonArray("networks");
        int flagged = 0;
        List<String> hashes = new ArrayList<>();
        long flaggedClicks = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            if (row.getBoolean("flagged")) {
                flagged++;
                hashes.add(row.getString("hash"));
                flaggedClicks += row.getLong("clicks");
            }
        }
        long voided = 0;
        int voids = 0;
        for (String hash : hashes) {
            JsonObject order = new JsonObject().put("target", "NETWORK").put("hash", hash)
                    .put("from", playFrom.minusSeconds(600).toString()).put("to", Instant.now().plusSeconds(60).toString())
                    .put("reason", "T4: a network rotating identities");
            HttpResponse<String> answer = HTTP.send(request("/api/manage/campaigns/" + slug + "/voids", order, null, true),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 201) {
                voids++;
                voided += new JsonObject(answer.body()).getLong("clicks");
            }
        }
        Thread.sleep(600); // the public totals' cache
        long liveAfter = get("/api/campaigns/" + slug + "/totals", false).getLong("clicks");
        long reportAfter = get("/api/campaigns/" + slug + "/report", false).getLong("confirmedClicks");
        long poolAfter = get("/api/manage/campaigns/" + slug + "/pool", true).getLong("donatedMegabytes");
        System.out.println("t4_networks=" + networks);
        System.out.println("t4_people=" + people);
        System.out.println("t4_identities_minted=" + minted.get());
        System.out.println("t4_attack_sessions=" + attackSessions.get());
        System.out.println("t4_refused_sessions=" + refused.get());
        System.out.println("t4_attack_clicks=" + attack);
        System.out.println("t4_people_clicks=" + person);
        System.out.println("t4_ledger_before=" + confirmed);
        System.out.println("t4_networks_listed=" + rows.size());
        System.out.println("t4_flagged=" + flagged);
        System.out.println("t4_flagged_clicks=" + flaggedClicks);
        System.out.println("t4_voids=" + voids);
        System.out.println("t4_voided_clicks=" + voided);
        System.out.println("t4_live_after=" + liveAfter);
        System.out.println("t4_report_after=" + reportAfter);
        System.out.println("t4_pool_after_mb=" + poolAfter);
        boolean met = flagged == networks && voided == attack && liveAfter == person && reportAfter == person
                && poolAfter == person * 10;
        System.out.println("t4_met=" + met);
        TIMERS.shutdownNow();
        SOLVERS.shutdownNow();
        System.exit(0);
    }

    /** One identity playing round after round until the deadline: a script's identity, or a person's. */
    static final class Player {
        final String network;
        final boolean script;
        final SplittableRandom random;
        String identity;
        JsonObject next;
        int played;

        Player(String network, boolean script, SplittableRandom random) {
            this.network = network;
            this.script = script;
            this.random = random;
        }

        void round() {
            if (System.currentTimeMillis() > deadline || (script && played >= rounds)) {
                return;
            }
            inFlight.incrementAndGet();
            CompletableFuture<JsonObject> puzzle = next != null ? CompletableFuture.completedFuture(next)
                    : post("/api/campaigns/" + slug + "/challenges", new JsonObject().put("identity", identity), network)
                    .thenApply(r -> new JsonObject(r.body()));
            puzzle.thenCompose(c -> post("/api/campaigns/" + slug + "/sessions", new JsonObject().put("identity", identity)
                            .put("proof", solve(c)), network))
                    .whenComplete((answer, failure) -> {
                        inFlight.decrementAndGet();
                        next = null;
                        if (failure != null || answer.statusCode() != 201) {
                            if (answer != null && answer.statusCode() == 429) {
                                refused.incrementAndGet();
                                long wait = answer.headers().firstValueAsLong("Retry-After").orElse(2) * 1000;
                                TIMERS.schedule(this::round, wait + random.nextInt(500), TimeUnit.MILLISECONDS);
                            } else {
                                TIMERS.schedule(this::round, 2_000, TimeUnit.MILLISECONDS);
                            }
                            return;
                        }
                        long received = System.currentTimeMillis();
                        JsonObject grant = new JsonObject(answer.body());
                        next = grant.getJsonObject("next");
                        played++;
                        if (script) {
                            attackSessions.incrementAndGet();
                        }
                        long starts = Instant.parse(grant.getString("startsAt")).toEpochMilli();
                        long granted = Instant.parse(grant.getString("grantedAt")).toEpochMilli();
                        play(grant, received + (starts - granted));
                        TIMERS.schedule(this::round, 16_500, TimeUnit.MILLISECONDS);
                    });
        }

        /** Human-paced taps (8–12 a second, uneven), sent as the page sends them: every 2 s, never ahead of time. */
        void play(JsonObject grant, long localStart) {
            List<Integer> taps = new ArrayList<>();
            double rate = 8 + random.nextDouble() * 4;
            double t = 200 + random.nextDouble() * 300;
            while (t < 9_800 && taps.size() < grant.getInteger("maxClicks")) {
                taps.add((int) t);
                t += Math.max(60, 1000 / rate * (0.6 + 0.8 * random.nextDouble()));
            }
            String id = grant.getString("sessionId");
            String token = grant.getString("token");
            inFlight.incrementAndGet();
            sendFrom(id, token, taps, 0, 1, localStart);
        }

        void sendFrom(String id, String token, List<Integer> taps, int from, int seq, long localStart) {
            long at = localStart + (from == 0 ? 2_000 : 0);
            long delay = Math.max(0, at - System.currentTimeMillis());
            TIMERS.schedule(() -> {
                long elapsed = System.currentTimeMillis() - localStart;
                int to = from;
                while (to < taps.size() && taps.get(to) <= elapsed - 50) {
                    to++;
                }
                boolean last = to >= taps.size();
                int end = to;
                List<Integer> batch = taps.subList(from, end);
                CompletableFuture<Void> sent = batch.isEmpty() ? CompletableFuture.completedFuture(null)
                        : post("/api/sessions/" + id + "/batches", new JsonObject().put("token", token).put("seq", seq)
                        .put("offsets", new JsonArray(new ArrayList<>(batch))), network).thenAccept(r -> {
                            if (r.statusCode() == 200) {
                                long accepted = new JsonObject(r.body()).getLong("accepted");
                                (script ? attackClicks : peopleClicks).addAndGet(accepted);
                            }
                        });
                sent.whenComplete((v, e) -> {
                    if (last) {
                        inFlight.decrementAndGet();
                    } else {
                        TIMERS.schedule(() -> sendFrom(id, token, taps, end, batch.isEmpty() ? seq : seq + 1,
                                localStart), 2_000, TimeUnit.MILLISECONDS);
                    }
                });
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** A new identity minted from this network, its puzzle solved on the script's two cores; retried until it is. */
    static CompletableFuture<String> mint(String network) {
        return mintOnce(network).thenCompose(id -> id != null ? CompletableFuture.completedFuture(id) : delayed(network));
    }

    static CompletableFuture<String> delayed(String network) {
        CompletableFuture<String> later = new CompletableFuture<>();
        TIMERS.schedule(() -> mint(network).whenComplete((id, e) -> {
            if (e != null) {
                later.completeExceptionally(e);
            } else {
                later.complete(id);
            }
        }), 500, TimeUnit.MILLISECONDS);
        return later;
    }

    /** One try: the identity, or null when the service refused or failed (stale puzzle, busy): try again later. */
    static CompletableFuture<String> mintOnce(String network) {
        return post("/api/identities/challenges", new JsonObject(), network)
                .thenCompose(r -> r.statusCode() != 200 ? CompletableFuture.completedFuture((String) null)
                        : CompletableFuture.supplyAsync(() -> solve(new JsonObject(r.body())), SOLVERS)
                        .thenCompose(proof -> post("/api/identities", new JsonObject().put("proof", proof), network))
                        .thenApply(m -> {
                            if (m.statusCode() != 201) {
                                return null;
                            }
                            minted.incrementAndGet();
                            return new JsonObject(m.body()).getString("identity");
                        }))
                .exceptionally(e -> null);
    }

    static JsonObject solve(JsonObject c) {
        String salt = c.getString("salt");
        byte[] target = HexFormat.of().parseHex(c.getString("challenge"));
        long max = c.getLong("maxNumber");
        MessageDigest sha = SHA256.get();
        for (long n = 0; n <= max; n++) {
            if (MessageDigest.isEqual(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8)), target)) {
                return new JsonObject().put("salt", salt).put("number", n).put("signature", c.getString("signature"));
            }
        }
        return new JsonObject().put("salt", salt).put("number", 0).put("signature", c.getString("signature"));
    }

    static CompletableFuture<HttpResponse<String>> post(String path, JsonObject body, String network) {
        return HTTP.sendAsync(request(path, body, network, false), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest request(String path, JsonObject body, String network, boolean manager) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (network != null) {
            builder.header("X-Forwarded-For", network);
        }
        if (manager) {
            builder.header("Authorization", auth);
        }
        return builder.build();
    }

    static JsonObject get(String path, boolean manager) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (manager) {
            builder.header("Authorization", auth);
        }
        HttpResponse<String> answer = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return new JsonObject(answer.body());
    }
}
