import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Simulated players for load-tests/replay.sh and the fault drills: each plays real 10-second sessions through the public
 * API as the page does — challenge (or the one the previous grant brought), proof of work, session, the countdown on the
 * server's clock, human-like taps sent in a batch every 2 s and one at the end, in order, retried with backoff (0.5, 1,
 * 2, 4 s, ±20 %) through network errors and 5xx until the session's grace ends. A batch answered 200 is acknowledged;
 * its "accepted" clicks are what the ledger must hold in the end.
 *
 * Usage: java -cp <vertx + jackson> Replay.java key=value...
 *   base (http://127.0.0.1:8090; several, comma-separated, stand for instances behind a load balancer: a player sticks
 *   to one and moves to the next when its connection fails) slug (required) clicks (40000000: taps to play, in all) players (12000: at most this
 *   many playing at once) connections (256) rounds (3: rounds per player on average before a new one takes its place)
 *   seconds (0: stop starting sessions after this long; 0 = when the taps are played) out (directory for replay.csv)
 *   seed (random) acks (a file: every acknowledged batch as "session,seq,accepted", for the drills' ledger check)
 * Prints key=value figures at the end (acknowledged, attempted, latencies...); writes out/replay.csv (one line a second).
 */
public class Replay {

    static final String[] REGIONS = {"MA-01", "MA-02", "MA-03", "MA-04", "MA-05", "MA-06", "MA-07", "MA-08", "MA-09",
            "MA-10", "MA-11", "MA-12"};
    static final long BATCH_EVERY_MS = 2000;
    static final long ROUND_EVERY_MS = 16_500; // a player's next round: the guard's default one session per 16 s

    // Configuration
    final String slug;
    final long clickTarget;
    final int maxPlayers;
    final int rounds;
    final long seconds;
    final Path out;
    final PrintWriter acks;   // every acknowledged batch (session, seq, accepted), for the drills' ledger check
    final SplittableRandom seeds;

    // Figures
    final AtomicLong tapsPlanned = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();     // accepted clicks in answers 200 (first answers and replays)
    final AtomicLong rejected = new AtomicLong();         // clicks the service refused, with a reason
    final AtomicLong undelivered = new AtomicLong();      // clicks whose batch got no answer before the grace ended
    final AtomicLong sessions = new AtomicLong();
    final AtomicLong sessionsRefused = new AtomicLong();
    final AtomicLong challenges = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong errors = new AtomicLong();           // network errors and 5xx seen (each retried)
    final AtomicLong playing = new AtomicLong();
    final AtomicLong roundsInFlight = new AtomicLong();
    final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();
    final Histogram challengeLatency = new Histogram();
    final Histogram sessionLatency = new Histogram();
    final Histogram batchLatency = new Histogram();
    final List<String> perSecond = new ArrayList<>();

    final Sampler sampler;
    final Vertx vertx;
    final List<HttpClient> instances = new ArrayList<>();
    final long started = System.nanoTime();
    volatile boolean stopping;
    final CountDownLatch finished = new CountDownLatch(1);

    Replay(Map<String, String> args) {
        this.slug = require(args, "slug");
        this.clickTarget = Long.parseLong(args.getOrDefault("clicks", "40000000"));
        this.maxPlayers = Integer.parseInt(args.getOrDefault("players", "12000"));
        this.rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
        this.seconds = Long.parseLong(args.getOrDefault("seconds", "0"));
        this.out = Path.of(args.getOrDefault("out", "."));
        try {
            this.acks = args.containsKey("acks") ? new PrintWriter(Files.newBufferedWriter(Path.of(args.get("acks")))) : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.seeds = new SplittableRandom(Long.parseLong(args.getOrDefault("seed", Long.toString(System.nanoTime()))));
        this.sampler = new Sampler(args.getOrDefault("redis", "-h 127.0.0.1 -p 6379 -n 0"), args.getOrDefault("campaign", "0"),
                args.getOrDefault("shards", "8"), args.getOrDefault("apppid", ""));
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        int connections = Integer.parseInt(args.getOrDefault("connections", "256"));
        for (String url : args.getOrDefault("base", "http://127.0.0.1:8090").split(",")) {
            java.net.URI base = java.net.URI.create(url.strip());
            instances.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                            .setDefaultPort(base.getPort()).setKeepAlive(true).setConnectTimeout(5000).setIdleTimeout(30),
                    new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1)));
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new TreeMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new Replay(args).run();
    }

    void run() throws Exception {
        sampler.start();
        vertx.setPeriodic(1000, id -> second());
        vertx.runOnContext(v -> topUp());
        finished.await();
        sampler.interrupt();
        if (acks != null) {
            vertx.runOnContext(v -> acks.close());
            Thread.sleep(200);
        }
        summary();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    // ---- players -----------------------------------------------------------------------------------------------------

    /** Starts players until as many play as allowed, spread over the next second so they do not arrive in one burst. */
    void topUp() {
        if (stopping) {
            return;
        }
        long missing = maxPlayers - playing.get();
        for (long i = 0; i < missing && !stopping; i++) {
            playing.incrementAndGet();
            Player player = new Player(seeds.split());
            // Spread over a round's length, so the players do not arrive in waves.
            vertx.setTimer(1 + player.random.nextInt((int) ROUND_EVERY_MS), id -> player.play(null));
        }
    }

    final class Player {
        final SplittableRandom random;
        String identity;          // server-issued at the first round (minted from its network), kept after
        final String network;     // its carrier-grade NAT address, as the service's proxy would forward it
        final double rate;        // taps a second this person manages when fresh
        int instance;             // the instance the load balancer sends this player to
        int roundsLeft;
        boolean established;      // the last grant brought no puzzle: the next session needs no proof

        Player(SplittableRandom random) {
            this.random = random;
            this.network = "100." + (64 + random.nextInt(64)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            this.rate = 5 + random.nextDouble() * 8;
            this.instance = random.nextInt(instances.size());
            // 1 to 2 × rounds - 1 rounds (on average "rounds"), so players who came together do not leave together.
            this.roundsLeft = 1 + random.nextInt(2 * rounds - 1);
        }

        void play(JsonObject challenge) {
            if (stopping || roundsLeft-- == 0 || tapsPlanned.get() >= clickTarget) {
                leave();
                return;
            }
            Future<String> minted = identity != null ? Future.succeededFuture(identity) : mint();
            // An established player (its last grant brought no puzzle) goes without a proof, as the page does.
            Future<JsonObject> puzzle = established ? minted.map(i -> (JsonObject) null)
                    : challenge != null ? minted.map(i -> challenge)
                    : minted.compose(i -> post("/api/campaigns/" + slug + "/challenges",
                    new JsonObject().put("identity", i), this, challengeLatency)).map(r -> {
                        challenges.incrementAndGet();
                        return r.body;
                    });
            puzzle.compose(c -> post("/api/campaigns/" + slug + "/sessions", new JsonObject()
                            .put("identity", identity).put("region", REGIONS[random.nextInt(REGIONS.length)])
                            .put("proof", c == null ? null : solve(c)), this, sessionLatency))
                    .onSuccess(answer -> {
                        if (answer.status != 201) {
                            sessionsRefused.incrementAndGet();
                            established = false;
                            vertx.setTimer(ROUND_EVERY_MS, id -> play(null));
                            return;
                        }
                        sessions.incrementAndGet();
                        new Round(this, answer.body, answer.receivedAt).begin();
                        // The guard grants a player one session per 16 s, counted from this grant.
                        long next = ROUND_EVERY_MS - (System.nanoTime() - answer.receivedAt) / 1_000_000;
                        JsonObject nextPuzzle = answer.body.getJsonObject("next");
                        established = nextPuzzle == null;
                        vertx.setTimer(Math.max(1, next), id -> play(nextPuzzle));
                    })
                    .onFailure(e -> {
                        errors.incrementAndGet();
                        vertx.setTimer(2000 + random.nextInt(2000), id -> play(null));
                    });
        }

        /** A phone's first visit: the mint puzzle of its network, solved, paid for with an identity. */
        Future<String> mint() {
            return post("/api/identities/challenges", new JsonObject(), this, challengeLatency)
                    .compose(c -> post("/api/identities", new JsonObject().put("proof", solve(c.body)), this,
                            challengeLatency))
                    .map(answer -> {
                        if (answer.status != 201) {
                            throw new IllegalStateException("minting answered " + answer.status);
                        }
                        identity = answer.body.getString("identity");
                        return identity;
                    });
        }

        void leave() {
            playing.decrementAndGet();
            topUp();
        }

        /** Human taps over the session: uneven intervals, a little faster at first, tiring later, short pauses. */
        List<Integer> taps(int lengthMs, int cap) {
            List<Integer> offsets = new ArrayList<>();
            double t = 150 + random.nextDouble() * 500; // reaction time
            while (t < lengthMs && offsets.size() < cap) {
                int offset = (int) (Math.round(t / 8) * 8); // a phone's timer granularity
                if (offsets.isEmpty() || offset > offsets.get(offsets.size() - 1)) {
                    offsets.add(offset);
                }
                double fatigue = 1 + 0.35 * t / lengthMs;
                double interval = 1000 / rate * fatigue * (0.6 + 0.8 * random.nextDouble());
                if (random.nextInt(40) == 0) {
                    interval += 200 + random.nextInt(500); // a pause
                }
                t += Math.max(60, interval);
            }
            return offsets;
        }
    }

    /** One session: its taps sent in order, a batch every 2 s and one at the end, each retried until the grace ends. */
    final class Round {
        final Player player;
        final String id;
        final String token;
        final long startLocalMs;  // when the session starts on this process's clock (ms since started)
        final long deadlineMs;    // end + the service's grace, on this process's clock
        final List<Integer> taps;
        int sent;
        int seq;

        Round(Player player, JsonObject grant, long receivedAtNanos) {
            this.player = player;
            this.id = grant.getString("sessionId");
            this.token = grant.getString("token");
            long granted = Instant.parse(grant.getString("grantedAt")).toEpochMilli();
            long starts = Instant.parse(grant.getString("startsAt")).toEpochMilli();
            long ends = Instant.parse(grant.getString("endsAt")).toEpochMilli();
            this.startLocalMs = (receivedAtNanos - started) / 1_000_000 + (starts - granted);
            this.deadlineMs = startLocalMs + (ends - starts) + 5_000 - 500; // the default grace, less a margin
            this.taps = player.taps((int) (ends - starts), grant.getInteger("maxClicks"));
            tapsPlanned.addAndGet(taps.size());
        }

        void begin() {
            roundsInFlight.incrementAndGet();
            if (taps.isEmpty()) {
                roundsInFlight.decrementAndGet();
                return;
            }
            vertx.setTimer(Math.max(1, startLocalMs + BATCH_EVERY_MS - now()), id -> next());
        }

        /** Sends the taps made so far (all of them once the session is over), then schedules the next batch. */
        void next() {
            long elapsed = now() - startLocalMs;
            int upTo = sent;
            while (upTo < taps.size() && taps.get(upTo) <= elapsed) {
                upTo++;
            }
            boolean last = upTo == taps.size();
            if (upTo == sent) {
                vertx.setTimer(BATCH_EVERY_MS, id -> next()); // no new tap in these 2 s (a long pause)
                return;
            }
            List<Integer> offsets = taps.subList(sent, upTo);
            int batchSeq = ++seq;
            sent = upTo;
            JsonObject body = new JsonObject().put("token", token).put("seq", batchSeq).put("offsets", new JsonArray(new ArrayList<>(offsets)));
            send(body, offsets.size(), 0).onComplete(done -> {
                if (last) {
                    roundsInFlight.decrementAndGet();
                } else {
                    long wait = startLocalMs + (long) (batchSeq + 1) * BATCH_EVERY_MS - now();
                    vertx.setTimer(Math.max(1, wait), id -> next());
                }
            });
        }

        Future<Void> send(JsonObject body, int clicks, int attempt) {
            return post("/api/sessions/" + id + "/batches", body, player, batchLatency).compose(answer -> {
                if (answer.status == 200) {
                    batches.incrementAndGet();
                    int accepted = answer.body.getInteger("accepted");
                    acknowledged.addAndGet(accepted);
                    if (acks != null && accepted > 0) {
                        acks.println(id + "," + body.getInteger("seq") + "," + accepted);
                    }
                    int refused = answer.body.getInteger("rejected");
                    if (refused > 0) {
                        rejected.addAndGet(refused);
                        reasons.computeIfAbsent(String.valueOf(answer.body.getString("reason")), k -> new AtomicLong())
                                .addAndGet(refused);
                    }
                    return Future.succeededFuture();
                }
                if (answer.status < 500) { // refused as a whole: nothing to retry
                    rejected.addAndGet(clicks);
                    reasons.computeIfAbsent("HTTP_" + answer.status, k -> new AtomicLong()).addAndGet(clicks);
                    return Future.succeededFuture();
                }
                errors.incrementAndGet();
                return retry(body, clicks, attempt);
            }, failure -> {
                errors.incrementAndGet();
                return retry(body, clicks, attempt);
            });
        }

        Future<Void> retry(JsonObject body, int clicks, int attempt) {
            long backoff = (long) (500 * Math.pow(2, Math.min(attempt, 3)) * (0.8 + 0.4 * player.random.nextDouble()));
            if (now() + backoff > deadlineMs) {
                undelivered.addAndGet(clicks);
                return Future.succeededFuture();
            }
            retries.incrementAndGet();
            Promise<Void> done = Promise.promise();
            vertx.setTimer(backoff, id -> send(body, clicks, attempt + 1).onComplete(done));
            return done.future();
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------------

    record Answer(int status, JsonObject body, long receivedAt) {
    }

    Future<Answer> post(String path, JsonObject body, Player player, Histogram latency) {
        long sentAt = System.nanoTime();
        Buffer payload = body.toBuffer();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path).setTimeout(10_000)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Forwarded-For", player.network);
        HttpClient http = instances.get(player.instance);
        return http.request(options).compose(request -> request.send(payload)).onFailure(e -> {
            player.instance = (player.instance + 1) % instances.size(); // the balancer takes it elsewhere
        }).compose(response -> response.body()
                .map(buffer -> {
                    long at = System.nanoTime();
                    latency.record((at - sentAt) / 1000);
                    JsonObject json = buffer.length() > 0 && buffer.getByte(0) == '{' ? buffer.toJsonObject() : new JsonObject();
                    return new Answer(response.statusCode(), json, at);
                }));
    }

    static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    /** The page's proof of work: the number whose SHA-256(salt + number) is the challenge. */
    static JsonObject solve(JsonObject c) {
        String salt = c.getString("salt");
        String target = c.getString("challenge");
        long max = c.getLong("maxNumber");
        for (long n = 0; n <= Math.max(max, 1); n++) {
            if (HexFormat.of().formatHex(SHA256.get().digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(target)) {
                return new JsonObject().put("salt", salt).put("number", n).put("signature", c.getString("signature"));
            }
        }
        return new JsonObject().put("salt", salt).put("number", 0).put("signature", c.getString("signature"));
    }

    // ---- figures ------------------------------------------------------------------------------------------------------

    long now() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    long lastAcknowledged;
    long lastSessions;
    long printedAcknowledged;

    void second() {
        long t = now() / 1000;
        long ack = acknowledged.get();
        long ses = sessions.get();
        Sample sample = sampler.latest;
        perSecond.add(String.format(Locale.ROOT, "%d,%d,%d,%d,%.2f,%.2f,%d,%d,%d,%d", t, ack - lastAcknowledged,
                ses - lastSessions, roundsInFlight.get(), batchLatency.windowPercentile(50) / 1000.0,
                batchLatency.windowPercentile(99) / 1000.0, errors.get(), sample.ledgerLagMs, sample.redisBytes,
                sample.appRssKb));
        batchLatency.resetWindow();
        if (t >= 30 && ses == 0) {
            System.err.println("[replay] no session granted within 30 s: giving up (see the errors above)");
            System.exit(1);
        }
        if (t % 10 == 0) {
            System.err.printf(Locale.ROOT, "[replay %4d s] %,d clicks acknowledged (%,d/s), %,d sessions, %,d in play, "
                            + "batch p99 %.1f ms, ledger lag %d ms, errors %d%n", t, ack, (ack - printedAcknowledged) / 10, ses,
                    roundsInFlight.get(), batchLatency.percentile(99) / 1000.0, sample.ledgerLagMs, errors.get());
            printedAcknowledged = ack;
        }
        lastAcknowledged = ack;
        lastSessions = ses;
        if (!stopping && (tapsPlanned.get() >= clickTarget || seconds > 0 && t >= seconds)) {
            stopping = true;
        }
        if (stopping && playing.get() <= 0 && roundsInFlight.get() <= 0) {
            finished.countDown();
        }
    }

    void summary() throws IOException {
        double elapsed = (System.nanoTime() - started) / 1e9;
        Files.createDirectories(out);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("replay.csv")))) {
            csv.println("second,clicks,sessions,in_play,batch_p50_ms,batch_p99_ms,errors,ledger_lag_ms,redis_bytes,app_rss_kb");
            perSecond.forEach(csv::println);
        }
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("elapsed_s", String.format(Locale.ROOT, "%.1f", elapsed));
        f.put("taps_played", tapsPlanned.get());
        f.put("acknowledged", acknowledged.get());
        f.put("rejected", rejected.get());
        f.put("undelivered", undelivered.get());
        f.put("sessions", sessions.get());
        f.put("sessions_refused", sessionsRefused.get());
        f.put("challenges", challenges.get());
        f.put("batches", batches.get());
        f.put("retries", retries.get());
        f.put("errors", errors.get());
        f.put("reasons", new TreeMap<>(reasons));
        f.put("challenge_p50_ms", String.format(Locale.ROOT, "%.1f", challengeLatency.percentile(50) / 1000.0));
        f.put("challenge_p99_ms", String.format(Locale.ROOT, "%.1f", challengeLatency.percentile(99) / 1000.0));
        f.put("session_p50_ms", String.format(Locale.ROOT, "%.1f", sessionLatency.percentile(50) / 1000.0));
        f.put("session_p99_ms", String.format(Locale.ROOT, "%.1f", sessionLatency.percentile(99) / 1000.0));
        f.put("batch_p50_ms", String.format(Locale.ROOT, "%.1f", batchLatency.percentile(50) / 1000.0));
        f.put("batch_p99_ms", String.format(Locale.ROOT, "%.1f", batchLatency.percentile(99) / 1000.0));
        List<long[]> rows = perSecond.stream().map(l -> java.util.Arrays.stream(l.split(",")).mapToLong(
                x -> (long) Double.parseDouble(x)).toArray()).toList();
        long[] lags = rows.stream().mapToLong(r -> r[7]).sorted().toArray();
        f.put("ledger_lag_p99_ms", lags.length == 0 ? 0 : lags[(int) Math.min(lags.length - 1, Math.ceil(lags.length * 0.99) - 1)]);
        f.put("ledger_lag_max_ms", lags.length == 0 ? 0 : lags[lags.length - 1]);
        long baseline = rows.isEmpty() ? 0 : rows.get(0)[8];
        long[] perSession = rows.stream().filter(r -> r[3] >= 1000 && r[8] > baseline)
                .mapToLong(r -> (r[8] - baseline) / r[3]).sorted().toArray();
        f.put("redis_bytes_per_live_session", perSession.length == 0 ? 0 : perSession[perSession.length / 2]);
        f.put("app_rss_max_mb", rows.stream().mapToLong(r -> r[9]).max().orElse(0) / 1024);
        f.put("clicks_per_s", String.format(Locale.ROOT, "%.0f", acknowledged.get() / elapsed));
        f.put("sessions_per_s", String.format(Locale.ROOT, "%.0f", sessions.get() / elapsed));
        f.forEach((k, v) -> System.out.println(k + "=" + v));
        Files.writeString(out.resolve("replay.html"), Chart.html(rows, f));
    }

    record Sample(long ledgerLagMs, long redisBytes, long appRssKb) {
    }

    /**
     * Once a second, off the event loop: how late the ledger is (age of the oldest entry in the campaign's ledger
     * streams), Redis's memory, the app's resident memory. Read with redis-cli and ps, as an operator would.
     */
    static final class Sampler extends Thread {
        static final String LAG = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) "
                + "local oldest for s = 0, tonumber(ARGV[2]) - 1 do local e = redis.call('XRANGE', 'cg:{c' .. ARGV[1] "
                + ".. '.s' .. s .. '}:ledger', '-', '+', 'COUNT', 1) if #e > 0 then local ms = tonumber(string.match("
                + "e[1][1], '^(%d+)')) if not oldest or ms < oldest then oldest = ms end end end "
                + "if not oldest then return 0 end return now - oldest";
        final List<String> redis;
        final String campaign;
        final String shards;
        final String appPid;
        volatile Sample latest = new Sample(0, 0, 0);

        Sampler(String redis, String campaign, String shards, String appPid) {
            this.redis = List.of(redis.split(" "));
            this.campaign = campaign;
            this.shards = shards;
            this.appPid = appPid;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    long lag = Long.parseLong(command(List.of("EVAL", LAG, "0", campaign, shards), true).trim());
                    long bytes = command(List.of("INFO", "memory"), true).lines().filter(l -> l.startsWith("used_memory:"))
                            .mapToLong(l -> Long.parseLong(l.substring(12).trim())).findFirst().orElse(0);
                    long rss = appPid.isEmpty() ? 0 : Long.parseLong("0" + command(List.of("ps", "-o", "rss=", "-p", appPid),
                            false).trim());
                    latest = new Sample(lag, bytes, rss);
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a sample missed (the app or Redis restarting in a drill): keep the last one
                }
            }
        }

        String command(List<String> args, boolean redisCli) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            if (redisCli) {
                command.add("redis-cli");
                command.addAll(redis);
            }
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        }
    }

    /** Latencies in microseconds, in buckets of about 2 %: for the whole run and for the current second. */
    static final class Histogram {
        static final int BUCKETS = 1000;
        final AtomicLongArray all = new AtomicLongArray(BUCKETS);
        final AtomicLongArray window = new AtomicLongArray(BUCKETS);

        static int bucket(long micros) {
            return (int) Math.min(BUCKETS - 1, Math.max(0, Math.round(Math.log(Math.max(1, micros)) / Math.log(1.02))));
        }

        void record(long micros) {
            int b = bucket(micros);
            all.incrementAndGet(b);
            window.incrementAndGet(b);
        }

        double percentile(double p) {
            return percentile(all, p);
        }

        double windowPercentile(double p) {
            return percentile(window, p);
        }

        void resetWindow() {
            for (int i = 0; i < BUCKETS; i++) {
                window.set(i, 0);
            }
        }

        static double percentile(AtomicLongArray counts, double p) {
            long total = 0;
            for (int i = 0; i < BUCKETS; i++) {
                total += counts.get(i);
            }
            long target = (long) Math.ceil(total * p / 100);
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts.get(i);
                if (seen >= target && total > 0) {
                    return Math.pow(1.02, i);
                }
            }
            return 0;
        }
    }

    /** The run over time as an HTML page of SVG line charts: no library, opens anywhere. */
    static final class Chart {
        static String html(List<long[]> rows, Map<String, Object> figures) {
            StringBuilder page = new StringBuilder("<!DOCTYPE html><meta charset=utf-8><title>clickgive replay</title>"
                    + "<style>body{font:14px system-ui;margin:2rem;color:#14213d}svg{background:#fff;border:1px solid #d9dee5}"
                    + "h2{font-size:1rem;margin:1.5rem 0 .3rem}.a{stroke:#0b6e4f}.b{stroke:#c2410c}polyline{fill:none;"
                    + "stroke-width:1.5}</style><h1>Ramadan replay</h1><pre>");
            figures.forEach((k, v) -> page.append(k).append(" = ").append(v).append('\n'));
            page.append("</pre>");
            panel(page, rows, "Clicks acknowledged per second", 1, -1);
            panel(page, rows, "Batch latency per second, ms (green p50, orange p99)", 4, 5);
            panel(page, rows, "Ledger lag, ms (green) and sessions in play (orange, own scale)", 7, 3);
            return page.toString();
        }

        static void panel(StringBuilder page, List<long[]> rows, String title, int a, int b) {
            int w = 900;
            int h = 180;
            page.append("<h2>").append(title).append("</h2><svg width=").append(w).append(" height=").append(h).append('>');
            line(page, rows, a, w, h, "a");
            if (b >= 0) {
                line(page, rows, b, w, h, "b");
            }
            page.append("</svg>");
        }

        static void line(StringBuilder page, List<long[]> rows, int column, int w, int h, String style) {
            long max = Math.max(1, rows.stream().mapToLong(r -> r[column]).max().orElse(1));
            page.append("<polyline class=").append(style).append(" points='");
            for (int i = 0; i < rows.size(); i++) {
                page.append(i * (w - 10) / Math.max(1, rows.size() - 1) + 5).append(',')
                        .append(h - 5 - rows.get(i)[column] * (h - 25) / max).append(' ');
            }
            page.append("'/><text x=8 y=").append(style.equals("a") ? 14 : 30).append(" class=").append(style)
                    .append(">max ").append(max).append("</text>");
        }
    }

    static String require(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return value;
    }
}
