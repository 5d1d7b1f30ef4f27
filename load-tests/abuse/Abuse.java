import io.vertx.core.Context;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The abuse drill (load-tests/abuse.sh): attackers against the guard at its production defaults, each measured against
 * a non-stop strong human, through the public API, in real time, from loopback with the client's address in
 * X-Forwarded-For (documentation and carrier-grade NAT ranges).
 *
 * <p>Scenarios, all run at once, each on its own campaign and addresses (they share nothing the guard counts):
 * <ul>
 *   <li><b>ref</b>: the reference, a strong human playing non-stop (a round as soon as the player limit allows, 16–18
 *   taps a second with human jitter). Its accepted clicks over the run are H.</li>
 *   <li><b>T1</b>: one identity per strategy (ceiling, burst ceiling, superhuman, machine-regular, a whole round posted
 *   early, a whole round posted at the end, batches leading the clock by 240 ms), non-stop; the best ÷ H.</li>
 *   <li><b>T3</b>: 50 human-paced players behind one address, established in a staged warm-up, then phases A1, B, A2
 *   of equal length; <b>T2</b> (identities rotated from that same address, puzzles on a pool of 2 threads) attacks
 *   during B. Without T3, T2 attacks a campaign of its own for the whole run.</li>
 *   <li><b>T3b</b>: a launch crowd, new people arriving behind one address, phone-speed solvers, 2 rounds each.</li>
 * </ul>
 * A new scenario is a class implementing {@link Scenario}, added in {@link #scenarios()}.
 *
 * <p>Usage: java -cp &lt;vertx + jackson&gt; Abuse.java key=value...
 *   base (http://127.0.0.1:8093) minutes (10) only (ref,T1,T2,T3,T3b) out (directory for report.txt) seed (random)
 *   redis (redis-cli arguments: -h 127.0.0.1 -p 6379 -n 5) campaign.&lt;key&gt;=&lt;slug&gt;:&lt;id&gt; for each of ref, T1,
 *   T2 (only without T3), T3, T3b; the manager's password in the environment (ABUSE_ADMIN_PASSWORD), for T3's PUT.
 * Prints key=value figures on stdout; writes the readable report to out/report.txt.
 */
public class Abuse {

    static final int PHONE_HASHES_PER_SECOND = 125_000; // the machine's node solver (~1 M/s) ÷ 8, a cheap phone
    static final long PLAYER_INTERVAL_MS = 16_000;      // the guard's default: one session per player per 16 s
    static final long HUMAN_CADENCE_MS = 16_500;        // a person's next round, as the replay's players
    static final long BATCH_EVERY_MS = 2_000;           // the page's batching
    static final long GRACE_MS = 5_000;                 // the service's default grace after a session's end
    static final String FAR = "far";

    // ---- configuration -------------------------------------------------------------------------------------------
    final Map<String, String> args;
    final long runMs;
    final Set<String> only;
    final long seed;
    final Path out;
    final List<String> redis;
    final String adminAuth;
    final java.net.URI base;
    final Map<String, Campaign> campaigns = new LinkedHashMap<>();

    // ---- machinery -----------------------------------------------------------------------------------------------
    final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4));
    Context ctx;
    HttpClient http;
    final long started = System.nanoTime();
    final ExecutorService phones = Executors.newCachedThreadPool(daemons("phone"));
    final ExecutorService stagePool = Executors.newFixedThreadPool(2, daemons("stage"));
    final ExecutorService attackerPool = Executors.newFixedThreadPool(2, daemons("attacker"));
    final Solver phone = new Solver("phone", phones, 1, PHONE_HASHES_PER_SECOND);
    final Solver stage = new Solver("stage", stagePool, 2, 0);
    final Solver twoCores = new Solver("two-cores", attackerPool, 2, 0);
    final LongAdder httpErrors = new LongAdder();

    // ---- scenarios -----------------------------------------------------------------------------------------------
    Reference reference;
    T1 t1;
    T2 t2;
    T3 t3;
    T3b t3b;

    Abuse(Map<String, String> args) {
        this.args = args;
        this.runMs = (long) (Double.parseDouble(args.getOrDefault("minutes", "10")) * 60_000);
        this.only = new LinkedHashSet<>();
        for (String s : args.getOrDefault("only", "ref,T1,T2,T3,T3b").split(",")) {
            if (!s.isBlank()) {
                only.add(s.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (only.contains("T1") || only.contains("T2")) {
            only.add("REF"); // H is what T1 and T2 are measured against
        }
        this.seed = Long.parseLong(args.getOrDefault("seed", Long.toString(System.nanoTime())));
        this.out = Path.of(args.getOrDefault("out", "."));
        this.redis = List.of(args.getOrDefault("redis", "-h 127.0.0.1 -p 6379 -n 5").split(" "));
        String password = System.getenv().getOrDefault("ABUSE_ADMIN_PASSWORD", "");
        this.adminAuth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        this.base = java.net.URI.create(args.getOrDefault("base", "http://127.0.0.1:8093"));
        args.forEach((k, v) -> {
            if (k.startsWith("campaign.")) {
                int colon = v.lastIndexOf(':');
                String key = k.substring("campaign.".length()).toUpperCase(Locale.ROOT);
                campaigns.put(key, new Campaign(key, v.substring(0, colon), Long.parseLong(v.substring(colon + 1))));
            }
        });
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new TreeMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        System.exit(new Abuse(args).run());
    }

    int run() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ctx = vertx.getOrCreateContext();
        List<Scenario> list = new ArrayList<>();
        ctx.runOnContext(v -> {
            http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort())
                    .setKeepAlive(true).setConnectTimeout(5000).setIdleTimeout(30), new PoolOptions().setHttp1MaxSize(64)
                    .setMaxWaitQueueSize(-1));
            list.addAll(scenarios());
            log("scenarios %s, %.1f minutes, seed %d", list.stream().map(Scenario::name).toList(), runMs / 60_000.0, seed);
            vertx.setPeriodic(15_000, id -> progress(list));
            all(list.stream().map(s -> s.run().onFailure(e -> {
                log("scenario %s failed: %s", s.name(), e);
                e.printStackTrace();
            })).toList()).onComplete(r -> done.complete(null));
        });
        try {
            done.get(runMs + 5 * 60_000, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log("the scenarios did not finish within the run and 5 minutes: giving up");
            return 1;
        }
        // Every scenario is done: the figures are read on this thread now, nothing else touches them.
        Report report = new Report();
        report.put("minutes", String.format(Locale.ROOT, "%.2f", runMs / 60_000.0));
        report.put("seed", seed);
        for (Scenario s : list) {
            s.report(report);
        }
        report.put("http_errors", httpErrors.sum());
        campaigns.values().forEach(c -> {
            report.put("acked." + c.slug, c.acked.get());
            report.put("campaign_id." + c.slug, c.id);
        });
        report.figures.forEach((k, v) -> System.out.println(k + "=" + v));
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.txt"), report.text());
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return 0;
    }

    List<Scenario> scenarios() {
        List<Scenario> list = new ArrayList<>();
        if (only.contains("REF")) {
            list.add(reference = new Reference(campaign("REF")));
        }
        if (only.contains("T1")) {
            list.add(t1 = new T1(campaign("T1")));
        }
        if (only.contains("T2")) {
            // With T3, T2 attacks T3's campaign from T3's address during phase B; T3 starts it.
            t2 = new T2(only.contains("T3") ? campaign("T3") : campaign("T2"), T3.ADDRESS);
            if (!only.contains("T3")) {
                list.add(new Scenario() {
                    public String name() {
                        return "T2";
                    }

                    public Future<Void> run() {
                        return t2.attack(runMs);
                    }

                    public void report(Report r) {
                        t2.report(r);
                    }
                });
            }
        }
        if (only.contains("T3")) {
            list.add(t3 = new T3(campaign("T3"), t2));
        }
        if (only.contains("T3B")) {
            list.add(t3b = new T3b(campaign("T3B")));
        }
        // T4 (500 addresses) goes here once the feature it needs is built.
        return list;
    }

    /** A scenario's own random numbers: the same seed plays the same scenario whatever else is selected. */
    SplittableRandom stream(String scenario) {
        return new SplittableRandom(seed ^ (scenario.hashCode() * 0x9E3779B97F4A7C15L));
    }

    Campaign campaign(String key) {
        Campaign c = campaigns.get(key);
        if (c == null) {
            throw new IllegalArgumentException("missing campaign." + key + "=<slug>:<id>");
        }
        return c;
    }

    void progress(List<Scenario> list) {
        StringBuilder line = new StringBuilder();
        for (Scenario s : list) {
            line.append(" | ").append(s.name()).append(' ').append(s.progress());
        }
        log("%s", line.substring(3));
    }

    // ---- scenarios -------------------------------------------------------------------------------------------------

    interface Scenario {
        String name();

        /** Plays the scenario; completes once its last session's last batch is answered. */
        Future<Void> run();

        /** Adds its figures, table rows and targets; called once every scenario is done. */
        void report(Report r);

        default String progress() {
            return "";
        }
    }

    /** The reference: a strong human playing non-stop, each round as soon as the player limit allows. */
    final class Reference implements Scenario {
        final SplittableRandom seeds = stream("ref");
        final Campaign campaign;
        final Tally tally = new Tally("reference");
        Person person;

        Reference(Campaign campaign) {
            this.campaign = campaign;
        }

        public String name() {
            return "ref";
        }

        public Future<Void> run() {
            person = new Person("reference", "100.64.0.10", Taps.strongHuman(), Batching.PAGE, phone, tally,
                    PLAYER_INTERVAL_MS + 30, Retry.HUMAN, seeds.split());
            return person.mint().compose(m -> nonStop(person, campaign, () -> runMs, Integer.MAX_VALUE, t -> "run"));
        }

        public String progress() {
            Stats s = tally.total();
            return s.granted + " sessions " + s.accepted + " clicks";
        }

        long h() {
            return tally.total().accepted;
        }

        double perMinute() {
            return h() / (runMs / 60_000.0);
        }

        public void report(Report r) {
            Stats s = tally.total();
            r.put("ref.sessions", s.granted);
            r.put("ref.refused", s.refused);
            r.put("ref.accepted", s.accepted);
            r.put("ref.rejected", s.rejected);
            r.put("ref.clicks_per_session", fmt(mean(s.sessionClicks)));
            r.put("ref.taps_per_s", fmt(s.tapsPerSecond()));
            r.put("ref.cv", fmt(s.cv()));
            r.put("H", s.accepted);
            r.put("H_per_min", fmt(perMinute()));
            r.section("Reference: a strong human playing non-stop (16-18 taps/s, two thumbs, human jitter, one round per 16 s)");
            r.row("H = %d clicks accepted in %d sessions over %.1f min (%.1f per session, %.1f taps/s, interval CV %.2f; "
                            + "%d refused sessions, %d clicks rejected %s)", s.accepted, s.granted, runMs / 60_000.0,
                    mean(s.sessionClicks), s.tapsPerSecond(), s.cv(), s.refused, s.rejected, s.words);
        }
    }

    /** One identity, non-stop, as fast as allowed: a strategy per identity (each on its own address). */
    final class T1 implements Scenario {
        final SplittableRandom seeds = stream("T1");
        final Campaign campaign;
        final List<Person> strategies = new ArrayList<>();

        T1(Campaign campaign) {
            this.campaign = campaign;
        }

        public String name() {
            return "T1";
        }

        public Future<Void> run() {
            add("ceiling", Taps.paced(16.8, true), Batching.PAGE);
            add("burst-ceiling", Taps.paced(20, true), Batching.PAGE);
            add("superhuman", Taps.paced(25, false), Batching.PAGE);
            add("regular", Taps.regular(62), Batching.PAGE);
            add("early", Taps.paced(16.8, true), Batching.EARLY);
            add("end-dump", Taps.paced(16.8, true), Batching.END);
            add("lead-240ms", Taps.paced(16.8, true), Batching.LEAD);
            List<Future<?>> all = new ArrayList<>();
            for (Person p : strategies) {
                all.add(p.mint().compose(m -> nonStop(p, campaign, () -> runMs, Integer.MAX_VALUE, t -> "run")));
            }
            return all(all);
        }

        void add(String name, Taps taps, Batching batching) {
            int i = strategies.size();
            strategies.add(new Person(name, "100.64." + (1 + i) + ".10", taps, batching, phone, new Tally(name),
                    PLAYER_INTERVAL_MS + 15, Retry.EAGER, seeds.split()));
        }

        Person best() {
            return strategies.stream().max((a, b) -> Long.compare(a.tally.total().accepted, b.tally.total().accepted))
                    .orElseThrow();
        }

        public String progress() {
            Person b = best();
            return "best " + b.name + " " + b.tally.total().accepted;
        }

        public void report(Report r) {
            double h = Math.max(1, reference.h());
            r.section("T1: one identity, non-stop, as fast as allowed (one identity and address per strategy)");
            r.row("%-14s %8s %8s %9s %9s %8s  %s", "strategy", "sessions", "refused", "accepted", "per sess", "÷ H",
                    "rejected clicks by word (accepted: counted and kept)");
            for (Person p : strategies) {
                Stats s = p.tally.total();
                r.put("T1." + p.name + ".sessions", s.granted);
                r.put("T1." + p.name + ".accepted", s.accepted);
                r.put("T1." + p.name + ".ratio", fmt(s.accepted / h));
                r.row("%-14s %8d %8d %9d %9.1f %8.2f  %s%s", p.name, s.granted, s.refused, s.accepted,
                        mean(s.sessionClicks), s.accepted / h, s.words, s.voided == 0 ? "" : "; " + s.voided
                                + " sessions judged scripted" + (s.heldBack == 0 ? "" : ", " + s.heldBack
                                + " clicks they had counted held and voided"));
            }
            Person b = best();
            double ratio = b.tally.total().accepted / h;
            r.put("T1.best", b.name);
            r.put("T1.ratio", fmt(ratio));
            r.target("T1", String.format(Locale.ROOT, "best strategy (%s) accepted ÷ H = %d ÷ %d = %.2f (target ≤ 1.0)",
                    b.name, b.tally.total().accepted, reference.h(), ratio), ratio <= 1.0);
        }
    }

    /**
     * A script rotating identities from one address: mints (puzzles on a pool of 2 threads) whenever no identity's
     * player limit allows a session, paces itself on the address's budget for fresh identities (the published
     * default: 1 800 ms, a burst of 8) and plays rounds at the inspection's ceiling (jittered, up to the cap).
     */
    final class T2 {
        final SplittableRandom seeds = stream("T2");
        static final long FRESH_INTERVAL_MS = 1_800;
        static final int FRESH_BURST = 8;
        static final long MINT_AHEAD_MS = 500;
        final Campaign campaign;
        final String address;
        final Tally tally = new Tally("T2");
        final List<Person> identities = new ArrayList<>();
        final List<Long> mintPuzzles = new ArrayList<>();
        final List<Long> mintMillis = new ArrayList<>();
        final LongAdder mintHashes = new LongAdder();
        final LongAdder sessionHashes = new LongAdder();
        final List<Future<?>> rounds = new ArrayList<>();
        long from;
        long until;
        long estimatedTat; // the script's own model of the fresh budget's arrival time (GCRA)
        boolean minting;
        boolean attempting;
        boolean scheduled;
        int mintFailures;
        Promise<Void> done;
        Supplier<String> phase = () -> "run";

        T2(Campaign campaign, String address) {
            this.campaign = campaign;
            this.address = address;
        }

        Future<Void> attack(long untilMs) {
            from = now();
            until = untilMs;
            done = Promise.promise();
            log("T2 attacks %s from %s until %.0f s", campaign.slug, address, until / 1000.0);
            step();
            return done.future();
        }

        void step() {
            scheduled = false;
            if (attempting) {
                return;
            }
            long now = now();
            if (now >= until) {
                if (!minting) {
                    all(rounds).onComplete(r -> done.tryComplete());
                }
                return;
            }
            long budgetAt = estimatedTat - FRESH_INTERVAL_MS * (FRESH_BURST - 1) + 25;
            Person free = null;
            long soonest = Long.MAX_VALUE;
            for (Person p : identities) {
                if (p.nextAllowed <= now && (free == null || p.nextAllowed < free.nextAllowed)) {
                    free = p;
                }
                soonest = Math.min(soonest, p.nextAllowed);
            }
            if (free == null) {
                // No identity may play now: a new one is useful as soon as the budget allows a session (minted half a
                // second ahead); otherwise wait for whichever comes first, an identity free again or that moment.
                if (!minting && budgetAt <= now + MINT_AHEAD_MS && mintFailures < 20) {
                    mint();
                } else {
                    later(Math.min(soonest, budgetAt - MINT_AHEAD_MS) - now);
                }
                return;
            }
            if (budgetAt > now) {
                later(budgetAt - now);
                return;
            }
            attempt(free);
        }

        void later(long ms) {
            if (!scheduled) {
                scheduled = true;
                vertx.setTimer(Math.max(1, ms), id -> step());
            }
        }

        void mint() {
            minting = true;
            Person p = new Person("T2#" + (identities.size() + 1), address, Taps.paced(16.8, true), Batching.PAGE, twoCores,
                    tally, PLAYER_INTERVAL_MS + 20, Retry.EAGER, seeds.split());
            p.mintWith(twoCores).onComplete(r -> {
                minting = false;
                if (r.succeeded()) {
                    Minted m = r.result();
                    mintPuzzles.add(m.puzzle);
                    mintMillis.add(m.solveMs);
                    mintHashes.add(m.hashes);
                    identities.add(p);
                } else {
                    mintFailures++;
                    log("T2 mint failed: %s", r.cause().getMessage());
                }
                step();
            });
        }

        void attempt(Person p) {
            attempting = true;
            p.askOnce(campaign, phase.get(), sessionHashes).onComplete(r -> {
                attempting = false;
                if (r.failed()) {
                    later(1000);
                    return;
                }
                Grant g = r.result();
                if (g == null) { // refused: the budget was not there yet
                    estimatedTat = Math.max(estimatedTat, now() + FRESH_INTERVAL_MS * (FRESH_BURST - 1)) + 50;
                    later(150);
                    return;
                }
                estimatedTat = Math.max(estimatedTat, g.receivedAt) + FRESH_INTERVAL_MS;
                p.nextAllowed = g.receivedAt + p.cadenceMs;
                rounds.add(new Round(p, g, campaign).play());
                step();
            });
        }

        double minutes() {
            return Math.max(1, until - from) / 60_000.0;
        }

        public void report(Report r) {
            Stats s = tally.total();
            double perMinute = s.accepted / minutes();
            double h = reference == null ? 0 : reference.perMinute();
            double ratio = h == 0 ? 0 : perMinute / h;
            // Steady state: without the sessions the fresh budget's burst gave at the start.
            List<Long> grants = new ArrayList<>(tally.grantTimes);
            Collections.sort(grants);
            double steady = 0;
            if (grants.size() > FRESH_BURST + 2 && h > 0) {
                long t0 = grants.get(FRESH_BURST);
                long t1 = grants.get(grants.size() - 1);
                double sessionsPerMinute = (grants.size() - FRESH_BURST - 1) / ((t1 - t0) / 60_000.0);
                steady = sessionsPerMinute * mean(s.sessionClicks) / h;
            }
            r.put("T2.window_s", fmt((until - from) / 1000.0));
            r.put("T2.grants_at_s", grants.stream().map(t -> String.format(Locale.ROOT, "%.1f", (t - from) / 1000.0))
                    .collect(java.util.stream.Collectors.joining(",")));
            r.put("T2.identities_minted", identities.size());
            r.put("T2.mint_hashes", mintHashes.sum());
            r.put("T2.session_hashes", sessionHashes.sum());
            r.put("T2.mint_puzzle_first", mintPuzzles.isEmpty() ? 0 : mintPuzzles.get(0));
            r.put("T2.mint_puzzle_last", mintPuzzles.isEmpty() ? 0 : mintPuzzles.get(mintPuzzles.size() - 1));
            r.put("T2.sessions_granted", s.granted);
            r.put("T2.sessions_refused", s.refused);
            r.put("T2.accepted", s.accepted);
            r.put("T2.accepted_per_min", fmt(perMinute));
            r.put("T2.ratio", fmt(ratio));
            r.put("T2.ratio_steady", fmt(steady));
            r.section("T2: a script rotating identities from one address (" + address + ", campaign " + campaign.slug
                    + ", " + fmt((until - from) / 1000.0) + " s)");
            r.row("identities minted %d (puzzles %s; solved on 2 threads in %s ms each), hashes spent: %,d minting + %,d "
                            + "on session puzzles", identities.size(), dist(mintPuzzles), dist(mintMillis), mintHashes.sum(),
                    sessionHashes.sum());
            r.row("sessions granted %d, refused %d (%.1f granted a minute); clicks accepted %d (%.1f a session), "
                            + "rejected %d %s", s.granted, s.refused, s.granted / minutes(), s.accepted,
                    mean(s.sessionClicks), s.rejected, s.words);
            r.row("accepted a minute %.0f ÷ H a minute %.0f = %.2f (steady state, without the opening burst of %d: %.2f)",
                    perMinute, h, ratio, FRESH_BURST, steady);
            r.target("T2", String.format(Locale.ROOT, "rotating script accepted ÷ H (a minute each) = %.0f ÷ %.0f = %.2f "
                    + "(target ≤ 10; steady state %.2f)", perMinute, h, ratio, steady), ratio <= 10);
        }
    }

    /**
     * 50 human-paced players with established identities behind one address: warm-up (staged establishment), then
     * phases A1, B (T2 attacking from the same address), A2 of equal length, a multiple of the players' cadence.
     */
    final class T3 implements Scenario {
        final SplittableRandom seeds = stream("T3");
        static final String ADDRESS = "100.65.0.20";
        static final int PLAYERS = 50;
        static final int WARM_GRANTS = 4; // 3 counted rounds, and the grant that records the establishment
        final Campaign campaign;
        final T2 attacker;
        final Tally tally = new Tally("T3");
        final List<Person> players = new ArrayList<>();
        volatile long a1 = Long.MAX_VALUE;
        volatile long b = Long.MAX_VALUE;
        volatile long a2 = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;
        long phaseMs;
        boolean warmDone;
        String established = "?";
        String guardAfter = "?";
        final List<Future<?>> loops = new ArrayList<>();
        final Promise<Void> attackDone = Promise.promise();

        T3(Campaign campaign, T2 attacker) {
            this.campaign = campaign;
            this.attacker = attacker;
        }

        public String name() {
            return "T3";
        }

        String phase(long t) {
            if (t < a1) {
                return "warm";
            }
            if (t < b) {
                return "A1";
            }
            if (t < a2) {
                return "B";
            }
            return t < end ? "A2" : "after";
        }

        public Future<Void> run() {
            Promise<Void> done = Promise.promise();
            for (int i = 0; i < PLAYERS; i++) {
                SplittableRandom random = seeds.split();
                players.add(new Person("T3#" + (i + 1), ADDRESS, Taps.human(5 + random.nextDouble() * 8), Batching.PAGE,
                        phone, tally, HUMAN_CADENCE_MS, Retry.HUMAN, random));
            }
            // Staging: the identities were minted days ago; here, one after the other on 2 threads.
            Future<Void> minted = Future.succeededFuture();
            for (Person p : players) {
                minted = minted.compose(v -> p.mintWith(stage)).map(m -> {
                    loops.add(nonStop(p, campaign, () -> end, Integer.MAX_VALUE, this::phase, this::granted));
                    return null;
                });
            }
            if (attacker == null) {
                attackDone.complete();
            }
            minted.onFailure(done::fail).onSuccess(v -> {
                log("T3: %d identities minted on %s; warm-up", PLAYERS, ADDRESS);
                List<Future<?>> waits = new ArrayList<>(loops);
                waits.add(attackDone.future());
                all(waits).onComplete(r -> done.tryComplete());
            });
            return done.future();
        }

        void granted(Person p) {
            if (warmDone || players.stream().anyMatch(q -> q.grants < WARM_GRANTS)) {
                return;
            }
            warmDone = true;
            log("T3: every player has had %d grants; the manager restores establishAfterMinutes 1440 and the fresh budget",
                    WARM_GRANTS);
            manager(HttpMethod.GET, "/api/manage/campaigns/" + campaign.slug, null).compose(view -> {
                JsonObject body = new JsonObject();
                for (String k : List.of("slug", "names", "opensAt", "closesAt", "goalGigabytes", "megabytesPerClick",
                        "sessionSeconds", "maxClicksPerSession", "megabytesPerGigabyte")) {
                    body.put(k, view.body.getValue(k));
                }
                // The defaults of a new campaign (GuardSettings.DEFAULTS), as the warm-up had lifted them.
                body.put("guard", new JsonObject().put("establishAfterMinutes", 1440).put("freshIntervalMs", 1900)
                        .put("freshBurst", 4).put("wideFreshIntervalMs", 240).put("wideFreshBurst", 32));
                return manager(HttpMethod.PUT, "/api/manage/campaigns/" + campaign.slug, body);
            }).compose(put -> {
                if (put.status != 200) {
                    return Future.failedFuture("PUT answered " + put.status + ": " + put.body);
                }
                JsonObject g = put.body.getJsonObject("guard");
                guardAfter = "establishRounds " + g.getValue("establishRounds") + ", establishAfterMinutes "
                        + g.getValue("establishAfterMinutes") + ", fresh " + g.getValue("freshIntervalMs") + " ms/"
                        + g.getValue("freshBurst") + ", wide fresh " + g.getValue("wideFreshIntervalMs") + " ms/"
                        + g.getValue("wideFreshBurst") + ", player " + g.getValue("playerIntervalSeconds") + " s";
                // The app re-reads campaigns every 2 s (and at once after a change here): 3 s to be sure.
                return timer(3000);
            }).compose(v -> vertx.executeBlocking(() -> redisEval(
                    "local n, e = 0, 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do n = n + 1 "
                            + "if redis.call('HGET', k, 'est') == '1' then e = e + 1 end end return e .. '/' .. n",
                    "cg:{c" + campaign.id + ".s*}:player:*"))).onComplete(r -> {
                established = r.succeeded() ? r.result().strip() : "error: " + r.cause().getMessage();
                long start = now();
                long remaining = runMs - start;
                long cycles = Math.max(2, Math.round(remaining / 3.0 / HUMAN_CADENCE_MS));
                phaseMs = cycles * HUMAN_CADENCE_MS;
                a1 = start;
                b = start + phaseMs;
                a2 = start + 2 * phaseMs;
                end = start + 3 * phaseMs;
                log("T3: established (players with est=1 / players known): %s; guard now: %s; phases of %.1f s: A1 at "
                                + "%.0f s, B at %.0f s, A2 at %.0f s, end at %.0f s", established, guardAfter,
                        phaseMs / 1000.0, a1 / 1000.0, b / 1000.0, a2 / 1000.0, end / 1000.0);
                if (attacker != null) {
                    attacker.phase = () -> phase(now());
                    vertx.setTimer(Math.max(1, b - now()), id -> attacker.attack(a2).onComplete(attackDone));
                }
            });
        }

        public String progress() {
            StringBuilder s = new StringBuilder();
            tally.phases.forEach((k, v) -> s.append(k).append(' ').append(v.granted).append('/').append(v.accepted).append(' '));
            return s.toString().strip();
        }

        public void report(Report r) {
            Stats w = tally.of("warm");
            Stats x1 = tally.of("A1");
            Stats xb = tally.of("B");
            Stats x2 = tally.of("A2");
            double sessionsA = (x1.granted + x2.granted) / 2.0;
            double clicksA = (x1.accepted + x2.accepted) / 2.0;
            double sessionsRatio = sessionsA == 0 ? 0 : xb.granted / sessionsA;
            double clicksRatio = clicksA == 0 ? 0 : xb.accepted / clicksA;
            r.put("T3.established", established);
            r.put("T3.phase_s", fmt(phaseMs / 1000.0));
            for (String ph : List.of("warm", "A1", "B", "A2")) {
                Stats s = tally.of(ph);
                r.put("T3." + ph + ".sessions", s.granted);
                r.put("T3." + ph + ".refused", s.refused);
                r.put("T3." + ph + ".accepted", s.accepted);
                r.put("T3." + ph + ".puzzle_p50", pct(s.puzzles, 50));
                r.put("T3." + ph + ".puzzle_max", pct(s.puzzles, 100));
            }
            r.put("T3.sessions_ratio", fmt(sessionsRatio));
            r.put("T3.clicks_ratio", fmt(clicksRatio));
            r.section("T3: 50 established human-paced players behind " + ADDRESS + ", T2 attacking in phase B (campaign "
                    + campaign.slug + ")");
            r.row("staging: warm-up guard {establishRounds 3, establishAfterMinutes 0, fresh budget lifted}; %d grants "
                    + "each, then PUT -> %s; established/known players: %s", WARM_GRANTS, guardAfter, established);
            r.row("timeline: warm-up 0-%.0f s, A1 %.0f-%.0f s, B %.0f-%.0f s (%s), A2 %.0f-%.0f s; a session belongs to "
                            + "the phase in which it was granted", a1 / 1000.0, a1 / 1000.0, b / 1000.0, b / 1000.0,
                    a2 / 1000.0, attacker == null ? "no attacker: T2 not selected" : "T2 attacking", a2 / 1000.0,
                    end / 1000.0);
            r.row("%-6s %7s %9s %8s %9s %9s %12s %14s  %s", "phase", "length", "sessions", "refused", "accepted",
                    "per sess", "wait p50/max", "puzzle p50/max", "rejected clicks by word");
            for (String ph : List.of("warm", "A1", "B", "A2")) {
                Stats s = tally.of(ph);
                r.row("%-6s %6.1fs %9d %8d %9d %9.1f %12s %14s  %s", ph, ph.equals("warm") ? a1 / 1000.0 : phaseMs / 1000.0,
                        s.granted, s.refused, s.accepted, mean(s.sessionClicks), pct(s.waits, 50) + "/" + pct(s.waits, 100),
                        pct(s.puzzles, 50) + "/" + pct(s.puzzles, 100), s.words);
            }
            r.row("B ÷ mean(A1, A2): sessions %d ÷ %.1f = %.3f, clicks %d ÷ %.1f = %.3f", xb.granted, sessionsA,
                    sessionsRatio, xb.accepted, clicksA, clicksRatio);
            r.target("T3", String.format(Locale.ROOT, "established players keep sessions %.1f %% and clicks %.1f %% with "
                    + "T2 attacking (target ≥ 95 %% each)", 100 * sessionsRatio, 100 * clicksRatio),
                    sessionsRatio >= 0.95 && clicksRatio >= 0.95);
            if (attacker != null) {
                attacker.report(r);
            }
        }
    }

    /**
     * A launch crowd: new people arriving behind one address, phone-speed solvers, two rounds each (a first visit; the
     * new players' budget serves about 20 new sessions a minute per address with room — see docs/guard.md).
     */
    final class T3b implements Scenario {
        static final int CROWD_ROUNDS = 2;
        final SplittableRandom seeds = stream("T3b");
        static final String ADDRESS = "100.66.0.30";
        final Campaign campaign;
        final Tally tally = new Tally("T3b");
        final List<Person> people = new ArrayList<>();
        final List<Long> mintPuzzles = Collections.synchronizedList(new ArrayList<>());
        final List<Long> mintSolveMs = Collections.synchronizedList(new ArrayList<>());
        final List<Long> mintTotalMs = Collections.synchronizedList(new ArrayList<>());
        long arrivalMs;
        long[] arrivals = new long[0];
        int arrived;

        T3b(Campaign campaign) {
            this.campaign = campaign;
        }

        public String name() {
            return "T3b";
        }

        public Future<Void> run() {
            // 50 people over 5 minutes; a shorter run keeps the arrival rate (10 a minute) and scales the crowd.
            arrivalMs = Math.max(60_000, Math.min(300_000, runMs - 60_000));
            int n = (int) Math.round(50.0 * arrivalMs / 300_000);
            SplittableRandom random = seeds.split();
            arrivals = new long[n];
            for (int i = 0; i < n; i++) {
                arrivals[i] = (long) (random.nextDouble() * arrivalMs);
            }
            Arrays.sort(arrivals);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SplittableRandom r = seeds.split();
                Person p = new Person("T3b#" + (i + 1), ADDRESS, Taps.human(5 + r.nextDouble() * 8), Batching.PAGE, phone,
                        tally, HUMAN_CADENCE_MS, Retry.HUMAN, r);
                people.add(p);
                Promise<Void> one = Promise.promise();
                all.add(one.future());
                vertx.setTimer(Math.max(1, arrivals[i]), id -> {
                    arrived++;
                    p.mintWith(phone).compose(m -> {
                        mintPuzzles.add(m.puzzle);
                        mintSolveMs.add(m.solveMs);
                        mintTotalMs.add(m.totalMs);
                        return nonStop(p, campaign, () -> Long.MAX_VALUE, CROWD_ROUNDS, t -> "run");
                    }).onComplete(one);
                });
            }
            log("T3b: %d people arriving over %.0f s behind %s", n, arrivalMs / 1000.0, ADDRESS);
            return all(all);
        }

        public String progress() {
            Stats s = tally.total();
            return arrived + " arrived " + s.granted + " sessions";
        }

        public void report(Report r) {
            Stats s = tally.total();
            long within = s.waits.stream().filter(w -> w <= 5000).count();
            double share = s.waits.isEmpty() ? 0 : (double) within / s.waits.size();
            long slowMint = mintSolveMs.stream().filter(ms -> ms > 3000).count();
            int busiest = 0;
            for (int i = 0, j = 0; i < arrivals.length; i++) {
                while (arrivals[i] - arrivals[j] >= 60_000) {
                    j++;
                }
                busiest = Math.max(busiest, i - j + 1);
            }
            r.put("T3b.busiest_minute_arrivals", busiest);
            r.put("T3b.people", people.size());
            r.put("T3b.arrival_s", fmt(arrivalMs / 1000.0));
            r.put("T3b.sessions", s.granted);
            r.put("T3b.refused", s.refused);
            r.put("T3b.granted_within_5s", fmt(share));
            r.put("T3b.wait_p50_ms", pct(s.waits, 50));
            r.put("T3b.wait_p95_ms", pct(s.waits, 95));
            r.put("T3b.wait_max_ms", pct(s.waits, 100));
            r.put("T3b.mint_puzzle_p50", pct(mintPuzzles, 50));
            r.put("T3b.mint_puzzle_p95", pct(mintPuzzles, 95));
            r.put("T3b.mint_puzzle_max", pct(mintPuzzles, 100));
            r.put("T3b.mint_solve_p50_ms", pct(mintSolveMs, 50));
            r.put("T3b.mint_solve_p95_ms", pct(mintSolveMs, 95));
            r.put("T3b.mint_solve_max_ms", pct(mintSolveMs, 100));
            r.section("T3b: a launch crowd, " + people.size() + " new people arriving over " + fmt(arrivalMs / 1000.0)
                    + " s behind " + ADDRESS + ", phone-speed solvers (125 000 hashes/s), " + CROWD_ROUNDS
                    + " rounds each");
            r.row("arrivals: %d in the busiest minute (%.0f a minute on average); sessions granted %d (of %d asked for), "
                            + "%d refusals (each retried after Retry-After); clicks accepted %d, rejected %d %s", busiest,
                    people.size() / (arrivalMs / 60_000.0), s.granted, people.size() * CROWD_ROUNDS, s.refused, s.accepted,
                    s.rejected, s.words);
            long refusedFirst = s.refusalsBeforeGrant.stream().filter(n -> n > 0).count();
            r.put("T3b.sessions_refused_first", refusedFirst);
            r.put("T3b.refusals_before_grant_max", pct(s.refusalsBeforeGrant, 100));
            r.row("grant wait (first asking -> grant), ms: p50 %d, p95 %d, max %d; within 5 s: %d of %d (%.1f %%); "
                            + "%d sessions refused at least once before their grant, at most %d times", pct(s.waits, 50),
                    pct(s.waits, 95), pct(s.waits, 100), within, s.waits.size(), 100 * share, refusedFirst,
                    pct(s.refusalsBeforeGrant, 100));
            r.row("mint puzzle (numbers): p50 %d, p95 %d, max %d; solve time at phone speed, ms: p50 %d, p95 %d, max %d "
                            + "(mint with its requests: p50 %d, max %d)", pct(mintPuzzles, 50), pct(mintPuzzles, 95),
                    pct(mintPuzzles, 100), pct(mintSolveMs, 50), pct(mintSolveMs, 95), pct(mintSolveMs, 100),
                    pct(mintTotalMs, 50), pct(mintTotalMs, 100));
            r.target("T3b", String.format(Locale.ROOT, "sessions granted within 5 s of asking: %.1f %% (target ≥ 95 %%); "
                            + "mint solved in ≤ 3 s at phone speed: %d of %d (max %d ms)", 100 * share,
                    mintSolveMs.size() - slowMint, mintSolveMs.size(), pct(mintSolveMs, 100)),
                    share >= 0.95 && slowMint == 0 && s.granted == people.size() * (long) CROWD_ROUNDS);
        }
    }

    // ---- players ---------------------------------------------------------------------------------------------------

    static final class Campaign {
        final String key;
        final String slug;
        final long id;
        final AtomicLong acked = new AtomicLong();

        Campaign(String key, String slug, long id) {
            this.key = key;
            this.slug = slug;
            this.id = id;
        }
    }

    enum Batching { PAGE, LEAD, EARLY, END }

    enum Retry { HUMAN, EAGER }

    record Minted(String identity, long puzzle, long hashes, long solveMs, long totalMs) {
    }

    record Grant(String id, String token, long grantedAt, long startsAt, long endsAt, int maxClicks, JsonObject next,
                 long receivedAt, String phase, Stats stats) {
    }

    /**
     * Plays rounds one after the other: the next asked {@code cadenceMs} after the previous grant was received, until
     * {@code until} or {@code maxRounds}. Completes once the last round's last batch is answered.
     */
    Future<Void> nonStop(Person p, Campaign c, LongSupplier until, int maxRounds, PhaseClock phases) {
        return nonStop(p, c, until, maxRounds, phases, q -> {
        });
    }

    Future<Void> nonStop(Person p, Campaign c, LongSupplier until, int maxRounds, PhaseClock phases,
                         java.util.function.Consumer<Person> onGrant) {
        Promise<Void> done = Promise.promise();
        List<Future<?>> rounds = new ArrayList<>();
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> {
            if (now() >= until.getAsLong() || p.grants >= maxRounds) {
                all(rounds).onComplete(r -> done.tryComplete());
                return;
            }
            p.ask(c, until, phases).onSuccess(g -> {
                if (g == null) { // gave up: the window closed while waiting
                    all(rounds).onComplete(r -> done.tryComplete());
                    return;
                }
                rounds.add(new Round(p, g, c).play());
                onGrant.accept(p);
                vertx.setTimer(Math.max(1, g.receivedAt + p.cadenceMs - now()), id -> loop[0].run());
            }).onFailure(e -> {
                log("%s stopped: %s", p.name, e.getMessage());
                all(rounds).onComplete(r -> done.tryComplete());
            });
        };
        loop[0].run();
        return done.future();
    }

    interface PhaseClock {
        String at(long t);
    }

    final class Person {
        final String name;
        final String address;
        final Taps taps;
        final Batching batching;
        final Solver solver;
        final Tally tally;
        final long cadenceMs;
        final Retry retry;
        final SplittableRandom random;
        String identity;
        JsonObject next;              // the challenge the last grant brought
        boolean established;          // the last grant brought none: the server holds this player established
        Future<Solved> nextSolved;    // ... solved meanwhile
        long nextAllowed;             // T2: when this identity's player limit allows its next session (local ms)
        int grants;

        Person(String name, String address, Taps taps, Batching batching, Solver solver, Tally tally, long cadenceMs,
               Retry retry, SplittableRandom random) {
            this.name = name;
            this.address = address;
            this.taps = taps;
            this.batching = batching;
            this.solver = solver;
            this.tally = tally;
            this.cadenceMs = cadenceMs;
            this.retry = retry;
            this.random = random;
        }

        Future<Minted> mint() {
            return mintWith(solver);
        }

        /** The identity's puzzle of this address, solved, paid for; asked again when the address minted meanwhile. */
        Future<Minted> mintWith(Solver with) {
            long t0 = now();
            long[] solveMs = {0};
            long[] hashes = {0};
            long[] puzzle = {0};
            Promise<Minted> done = Promise.promise();
            Runnable[] attempt = new Runnable[1];
            int[] tries = {0};
            attempt[0] = () -> post("/api/identities/challenges", new JsonObject(), address)
                    .compose(c -> {
                        if (c.status != 200) {
                            return Future.failedFuture("mint challenge answered " + c.status + " " + c.body);
                        }
                        puzzle[0] = c.body.getLong("maxNumber");
                        return with.solve(c.body);
                    })
                    .compose(s -> {
                        solveMs[0] += s.millis;
                        hashes[0] += s.hashes;
                        return post("/api/identities", new JsonObject().put("proof", s.proof), address);
                    })
                    .onFailure(done::fail)
                    .onSuccess(a -> {
                        if (a.status == 201) {
                            identity = a.body.getString("identity");
                            done.complete(new Minted(identity, puzzle[0], hashes[0], solveMs[0], now() - t0));
                        } else if (a.status == 409 && ++tries[0] < 5) {
                            attempt[0].run(); // the address minted meanwhile: the puzzle is too easy now
                        } else {
                            done.fail("minting answered " + a.status + " " + a.body);
                        }
                    });
            attempt[0].run();
            return done.future();
        }

        /**
         * A proof for this player's next session: none once established (its last grant brought no puzzle), else the
         * challenge the last grant brought, or a new one.
         */
        Future<Solved> proof(Campaign c) {
            if (established) {
                return Future.succeededFuture(new Solved(null, 0, 0, 0));
            }
            Future<Solved> ready = nextSolved;
            nextSolved = null;
            if (ready != null && next != null && epochMs(next.getValue("expiresAt")) - System.currentTimeMillis() > 5000) {
                return ready;
            }
            return post("/api/campaigns/" + c.slug + "/challenges", new JsonObject().put("identity", identity), address)
                    .compose(a -> a.status == 200 ? solver.solve(a.body) : Future.failedFuture("challenge answered "
                            + a.status + " " + a.body));
        }

        /**
         * Asks for a session until granted: after a refusal a person waits the Retry-After, a script retries sooner.
         * Answers null when {@code until} passed while waiting.
         */
        Future<Grant> ask(Campaign c, LongSupplier until, PhaseClock phases) {
            long firstAsk = now();
            Promise<Grant> done = Promise.promise();
            Runnable[] attempt = new Runnable[1];
            int[] failures = {0};
            long[] refusals = {0};
            attempt[0] = () -> send(c, phases, null, firstAsk).onComplete(r -> {
                if (r.succeeded() && r.result() instanceof Grant g) {
                    g.stats.refusalsBeforeGrant.add(refusals[0]);
                    done.complete(g);
                    return;
                }
                if (r.succeeded()) {
                    refusals[0]++;
                }
                long wait;
                if (r.succeeded()) { // refused: Retry-After, in whole seconds
                    long retryAfter = (Long) r.result();
                    wait = Math.max(1, retry == Retry.HUMAN ? retryAfter : Math.min(retryAfter, 150));
                } else {
                    log("%s: %s", name, r.cause().getMessage());
                    wait = 2000;
                    if (++failures[0] >= 10) {
                        done.fail(r.cause());
                        return;
                    }
                }
                if (now() + wait >= until.getAsLong()) {
                    done.complete(null);
                } else {
                    vertx.setTimer(wait, id -> attempt[0].run());
                }
            });
            attempt[0].run();
            return done.future();
        }

        /** One session request: the grant, or null when refused (a script decides itself what to do next). */
        Future<Grant> askOnce(Campaign c, String phase, LongAdder hashes) {
            long firstAsk = now();
            return send(c, t -> phase, hashes, firstAsk).map(o -> o instanceof Grant g ? g : null);
        }

        /** Answers a Grant, or the Retry-After in ms (a Long) when refused. */
        Future<Object> send(Campaign c, PhaseClock phases, LongAdder hashes, long firstAsk) {
            return proof(c).compose(s -> {
                if (hashes != null) {
                    hashes.add(s.hashes);
                }
                Stats asked = tally.of(phases.at(now()));
                asked.asks++;
                return post("/api/campaigns/" + c.slug + "/sessions", new JsonObject().put("identity", identity)
                        .put("proof", s.proof), address).compose(a -> {
                    if (a.status == 201) {
                        Stats st = tally.of(phases.at(a.at));
                        st.granted++;
                        st.waits.add(a.at - firstAsk);
                        if (s.proof != null) {
                            st.puzzles.add(s.maxNumber);
                        }
                        tally.grantTimes.add(a.at);
                        grants++;
                        next = a.body.getJsonObject("next");
                        established = next == null;
                        nextSolved = next == null ? null : solver.solve(next);
                        JsonObject b = a.body;
                        return Future.succeededFuture(new Grant(b.getString("sessionId"), b.getString("token"),
                                epochMs(b.getValue("grantedAt")), epochMs(b.getValue("startsAt")),
                                epochMs(b.getValue("endsAt")), b.getInteger("maxClicks"), next, a.at, phases.at(a.at), st));
                    }
                    if (a.status == 429) {
                        asked.refused++;
                        return Future.succeededFuture((Object) a.retryAfterMs);
                    }
                    if (a.status == 403 || a.status == 400) { // a puzzle refused (expired, or no longer
                        asked.errors++;                              // established): ask a new one at once
                        established = false;
                        return Future.succeededFuture((Object) 0L);
                    }
                    return Future.failedFuture("session answered " + a.status + " " + a.body);
                });
            });
        }
    }

    /** One session: taps made in real time, sent as the strategy says (the page: a batch every 2 s, one at the end). */
    final class Round {
        final Person p;
        final Grant g;
        final Campaign c;
        final Stats st;
        final long startLocal;
        final long lengthMs;
        final long deadline;
        List<Integer> taps;
        int sent;
        int seq;
        int accepted;
        int recorded; // taps the page recorded (it records one while recorded - refused < the cap)
        int refused; // taps the service refused as too fast: the page gives their place back
        boolean voided;
        final Promise<Void> done = Promise.promise();

        Round(Person p, Grant g, Campaign c) {
            this.p = p;
            this.g = g;
            this.c = c;
            this.st = g.stats;
            // Offsets count from startsAt on this process's clock: the grant's arrival plus (startsAt - grantedAt).
            this.startLocal = g.receivedAt + (g.startsAt - g.grantedAt);
            this.lengthMs = g.endsAt - g.startsAt;
            this.deadline = startLocal + lengthMs + GRACE_MS - 300;
        }

        Future<Void> play() {
            // The page records taps up to the cap counting only those not refused (frontend/src/round.ts), so a
            // person taps on for the whole round and the page decides, batch by batch, which taps it keeps.
            boolean page = p.batching == Batching.PAGE || p.batching == Batching.LEAD;
            taps = p.taps.offsets((int) lengthMs, page ? Integer.MAX_VALUE : g.maxClicks, p.random);
            if (!page) {
                st.taps += taps.size();
                recorded = taps.size();
            }
            st.addIntervals(taps);
            if (taps.isEmpty()) {
                finish();
                return done.future();
            }
            switch (p.batching) {
                case PAGE, LEAD -> at(startLocal + BATCH_EVERY_MS, this::page);
                case EARLY -> at(startLocal + 10, () -> batch(taps.size(), true));
                case END -> at(startLocal + lengthMs + 100, () -> batch(taps.size(), true));
            }
            return done.future();
        }

        void at(long local, Runnable r) {
            vertx.setTimer(Math.max(1, local - now()), id -> r.run());
        }

        /** The page: the taps made so far (never one the player has not made yet), every 2 s; all of them at the end. */
        void page() {
            long elapsed = now() - startLocal + (p.batching == Batching.LEAD ? 240 : 0);
            int upTo = sent;
            while (upTo < taps.size() && taps.get(upTo) <= elapsed) {
                upTo++;
            }
            if (upTo == sent) {
                at(now() + BATCH_EVERY_MS, this::page);
                return;
            }
            batch(upTo, upTo == taps.size());
        }

        void batch(int upTo, boolean last) {
            List<Integer> offsets = new ArrayList<>();
            boolean page = p.batching == Batching.PAGE || p.batching == Batching.LEAD;
            for (int i = sent; i < upTo; i++) {
                // The answers that came back before these taps were made are known to the page.
                if (!page || recorded - refused < g.maxClicks) {
                    offsets.add(taps.get(i));
                    if (page) {
                        recorded++;
                        st.taps++;
                    }
                }
            }
            sent = upTo;
            if (offsets.isEmpty()) { // every tap since the last batch was over the cap
                if (last) {
                    finish();
                } else {
                    at(now() + BATCH_EVERY_MS, this::page);
                }
                return;
            }
            JsonObject body = new JsonObject().put("token", g.token).put("seq", ++seq).put("offsets", new JsonArray(offsets));
            int batchSeq = seq;
            send(body, offsets.size(), 0).onComplete(r -> {
                if (last) {
                    finish();
                } else {
                    at(startLocal + (long) (batchSeq + 1) * BATCH_EVERY_MS, this::page);
                }
            });
        }

        void finish() {
            if (voided) {
                // Judged scripted: the service holds and voids the clicks it had counted (docs/guard.md, "Hold and
                // void"), so they are not earned, though the ledger keeps their rows.
                st.voided++;
                st.accepted -= accepted;
                st.heldBack += accepted;
                accepted = 0;
            }
            st.sessionClicks.add((long) accepted);
            done.tryComplete();
        }

        Future<Void> send(JsonObject body, int clicks, int attempt) {
            return post("/api/sessions/" + g.id + "/batches", body, p.address).compose(a -> {
                if (a.status == 200) {
                    int acc = a.body.getInteger("accepted", 0);
                    accepted += acc;
                    JsonObject byWord = a.body.getJsonObject("rejections");
                    refused += byWord == null ? 0 : byWord.getInteger("TOO_FAST", 0);
                    st.accepted += acc;
                    st.rejected += a.body.getInteger("rejected", 0);
                    c.acked.addAndGet(acc);
                    JsonObject words = a.body.getJsonObject("rejections");
                    if (words != null) {
                        words.forEach(e -> {
                            st.words.merge(e.getKey(), ((Number) e.getValue()).longValue(), Long::sum);
                            if (e.getKey().equals("NOT_COUNTED")) {
                                voided = true;
                            }
                        });
                    }
                    return Future.succeededFuture();
                }
                if (a.status < 500) {
                    st.rejected += clicks;
                    st.words.merge("HTTP_" + a.status, (long) clicks, Long::sum);
                    return Future.succeededFuture();
                }
                return retry(body, clicks, attempt);
            }, e -> retry(body, clicks, attempt));
        }

        Future<Void> retry(JsonObject body, int clicks, int attempt) {
            long backoff = (long) (500 * Math.pow(2, Math.min(attempt, 3)));
            if (now() + backoff > deadline) {
                st.undelivered += clicks;
                return Future.succeededFuture();
            }
            Promise<Void> again = Promise.promise();
            vertx.setTimer(backoff, id -> send(body, clicks, attempt + 1).onComplete(again));
            return again.future();
        }
    }

    // ---- taps --------------------------------------------------------------------------------------------------------

    /** When a player taps during a session: offsets in ms since startsAt, strictly increasing, at most cap. */
    interface Taps {
        List<Integer> offsets(int lengthMs, int cap, SplittableRandom random);

        /**
         * A person, as the replay's players: a reaction time, uneven intervals, a little faster at first and tiring
         * later, short pauses, a phone's 8 ms timer steps.
         */
        static Taps human(double rate) {
            return (lengthMs, cap, random) -> {
                List<Integer> offsets = new ArrayList<>();
                double t = 150 + random.nextDouble() * 500;
                while (t < lengthMs && offsets.size() < cap) {
                    add(offsets, (int) (Math.round(t / 8) * 8));
                    double fatigue = 1 + 0.35 * t / lengthMs;
                    double interval = 1000 / rate * fatigue * (0.6 + 0.8 * random.nextDouble());
                    if (random.nextInt(40) == 0) {
                        interval += 200 + random.nextInt(500);
                    }
                    t += Math.max(60, interval);
                }
                return offsets;
            };
        }

        /**
         * A strong person playing non-stop, above the session cap's 15 taps a second (docs/guard.md, "The session
         * cap"): 16-18 taps a second with two thumbs (drawn each round), uneven intervals (±40 %, a
         * coefficient of variation of about 0.23), a reaction time of 180-380 ms, 8 ms timer steps. Such a person
         * reaches the cap, as the best script does.
         */
        static Taps strongHuman() {
            return (lengthMs, cap, random) -> {
                double rate = 16 + 2 * random.nextDouble();
                List<Integer> offsets = new ArrayList<>();
                double t = 180 + random.nextDouble() * 200;
                while (t < lengthMs && offsets.size() < cap) {
                    add(offsets, (int) (Math.round(t / 8) * 8));
                    t += Math.max(30, 1000 / rate * (0.6 + 0.8 * random.nextDouble()));
                }
                return offsets;
            };
        }

        /**
         * A script: {@code rate} taps a second from the first millisecond, jittered (±40 %) so they do not look
         * regular; with {@code ceiling}, never more than the inspection's 20 within any second (each tap at least
         * 1 s after the one 20 before it).
         */
        static Taps paced(double rate, boolean ceiling) {
            return (lengthMs, cap, random) -> {
                List<Integer> offsets = new ArrayList<>();
                double t = random.nextInt(20);
                while (t < lengthMs && offsets.size() < cap) {
                    int o = (int) t;
                    if (ceiling && offsets.size() >= 20) {
                        o = Math.max(o, offsets.get(offsets.size() - 20) + 1001);
                        t = Math.max(t, o);
                    }
                    if (o >= lengthMs) {
                        break;
                    }
                    add(offsets, o);
                    t += 1000 / rate * (0.6 + 0.8 * random.nextDouble());
                }
                return offsets;
            };
        }

        /** A machine: one tap every {@code intervalMs}, from the first millisecond. */
        static Taps regular(int intervalMs) {
            return (lengthMs, cap, random) -> {
                List<Integer> offsets = new ArrayList<>();
                for (int t = 0; t < lengthMs && offsets.size() < cap; t += intervalMs) {
                    offsets.add(t);
                }
                return offsets;
            };
        }

        private static void add(List<Integer> offsets, int offset) {
            if (offsets.isEmpty() || offset > offsets.get(offsets.size() - 1)) {
                offsets.add(offset);
            }
        }
    }

    // ---- proof of work -------------------------------------------------------------------------------------------

    record Solved(JsonObject proof, long maxNumber, long hashes, long millis) {
    }

    static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * ALTCHA's puzzle: the number n ≤ maxNumber with hex(SHA-256(salt + n)) = challenge, tried in turn on
     * {@code threads} threads (interleaved), each at most {@code rate} hashes a second (0: as fast as it goes).
     */
    final class Solver {
        final String name;
        final ExecutorService pool;
        final int threads;
        final long rate;

        Solver(String name, ExecutorService pool, int threads, long rate) {
            this.name = name;
            this.pool = pool;
            this.threads = threads;
            this.rate = rate;
        }

        Future<Solved> solve(JsonObject c) {
            Promise<Solved> promise = Promise.promise();
            String salt = c.getString("salt");
            String signature = c.getString("signature");
            byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
            byte[] target = HexFormat.of().parseHex(c.getString("challenge"));
            long max = c.getLong("maxNumber");
            AtomicLong found = new AtomicLong(-1);
            AtomicInteger running = new AtomicInteger(threads);
            LongAdder tried = new LongAdder();
            long t0 = System.nanoTime();
            for (int k = 0; k < threads; k++) {
                int start = k;
                pool.execute(() -> {
                    search(saltBytes, target, start, threads, max, found, tried);
                    if (running.decrementAndGet() == 0) {
                        long number = Math.max(0, found.get());
                        Solved s = new Solved(new JsonObject().put("salt", salt).put("number", number)
                                .put("signature", signature), max, tried.sum(), (System.nanoTime() - t0) / 1_000_000);
                        ctx.runOnContext(v -> promise.complete(s));
                    }
                });
            }
            return promise.future();
        }

        void search(byte[] salt, byte[] target, long start, int stride, long max, AtomicLong found, LongAdder tried) {
            MessageDigest md = SHA256.get();
            long t0 = System.nanoTime();
            long local = 0;
            for (long n = start; n <= max; n += stride) {
                if ((local & 1023) == 0) {
                    if (found.get() >= 0) {
                        break;
                    }
                    if (rate > 0) {
                        long ahead = t0 + local * 1_000_000_000L / rate - System.nanoTime();
                        if (ahead > 0) {
                            LockSupport.parkNanos(ahead);
                        }
                    }
                }
                md.update(salt);
                md.update(Long.toString(n).getBytes(StandardCharsets.US_ASCII));
                byte[] digest = md.digest();
                local++;
                if (Arrays.equals(digest, target)) {
                    found.compareAndSet(-1, n);
                    break;
                }
            }
            tried.add(local);
        }
    }

    // ---- figures -----------------------------------------------------------------------------------------------------

    static final class Stats {
        long asks;
        long granted;
        long refused;
        long errors;
        long taps;
        long accepted;
        long rejected;
        long undelivered;
        long voided;
        long heldBack;
        long intervals;
        double intervalSum;
        double intervalSquares;
        final Map<String, Long> words = new TreeMap<>();
        final List<Long> waits = new ArrayList<>();
        final List<Long> puzzles = new ArrayList<>();
        final List<Long> sessionClicks = new ArrayList<>();
        final List<Long> refusalsBeforeGrant = new ArrayList<>();

        void addIntervals(List<Integer> taps) {
            for (int i = 1; i < taps.size(); i++) {
                double gap = taps.get(i) - taps.get(i - 1);
                intervals++;
                intervalSum += gap;
                intervalSquares += gap * gap;
            }
        }

        double tapsPerSecond() {
            return intervals == 0 ? 0 : 1000 / (intervalSum / intervals);
        }

        double cv() {
            if (intervals == 0) {
                return 0;
            }
            double mean = intervalSum / intervals;
            return Math.sqrt(Math.max(0, intervalSquares / intervals - mean * mean)) / mean;
        }

        void add(Stats o) {
            asks += o.asks;
            granted += o.granted;
            refused += o.refused;
            errors += o.errors;
            taps += o.taps;
            accepted += o.accepted;
            rejected += o.rejected;
            undelivered += o.undelivered;
            voided += o.voided;
            heldBack += o.heldBack;
            intervals += o.intervals;
            intervalSum += o.intervalSum;
            intervalSquares += o.intervalSquares;
            o.words.forEach((k, v) -> words.merge(k, v, Long::sum));
            waits.addAll(o.waits);
            puzzles.addAll(o.puzzles);
            sessionClicks.addAll(o.sessionClicks);
            refusalsBeforeGrant.addAll(o.refusalsBeforeGrant);
        }
    }

    /** A group's figures by phase (the phase of a session is the one in which it was granted). */
    static final class Tally {
        final String name;
        final Map<String, Stats> phases = new LinkedHashMap<>();
        final List<Long> grantTimes = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        Stats of(String phase) {
            return phases.computeIfAbsent(phase, k -> new Stats());
        }

        Stats total() {
            Stats s = new Stats();
            phases.values().forEach(s::add);
            return s;
        }
    }

    /** Figures (key=value), the readable report, and the targets with MET or MISSED. */
    static final class Report {
        final Map<String, Object> figures = new LinkedHashMap<>();
        final StringBuilder body = new StringBuilder();
        final List<String> targets = new ArrayList<>();

        void put(String key, Object value) {
            figures.put(key, value);
        }

        void section(String title) {
            body.append("\n---- ").append(title).append('\n');
        }

        void row(String format, Object... values) {
            body.append("  ").append(String.format(Locale.ROOT, format, values)).append('\n');
        }

        void target(String id, String text, boolean met) {
            figures.put("target." + id, met ? "MET" : "MISSED");
            targets.add(String.format(Locale.ROOT, "%-6s %-6s %s", id, met ? "MET" : "MISSED", text));
        }

        String text() {
            StringBuilder s = new StringBuilder(body.toString().stripLeading());
            s.append("\n---- targets\n");
            targets.forEach(t -> s.append("  ").append(t).append('\n'));
            return s.toString();
        }
    }

    static double mean(List<Long> values) {
        return values.isEmpty() ? 0 : values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** The nearest-rank percentile (100: the maximum); 0 when there is nothing. */
    static long pct(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String dist(List<Long> values) {
        return values.isEmpty() ? "none" : "p50 " + pct(values, 50) + " / max " + pct(values, 100);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    // ---- HTTP, Redis, time --------------------------------------------------------------------------------------------

    record Answer(int status, JsonObject body, long retryAfterMs, long at) {
    }

    Future<Answer> post(String path, JsonObject body, String address) {
        return call(HttpMethod.POST, path, body, address, false);
    }

    Future<Answer> manager(HttpMethod method, String path, JsonObject body) {
        return call(method, path, body, null, true);
    }

    Future<Answer> call(HttpMethod method, String path, JsonObject body, String address, boolean admin) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(path).setTimeout(15_000)
                .putHeader("Content-Type", "application/json");
        if (address != null) {
            options.putHeader("X-Forwarded-For", address);
        }
        if (admin) {
            options.putHeader("Authorization", adminAuth);
        }
        Buffer payload = body == null ? Buffer.buffer() : body.toBuffer();
        return http.request(options).compose(request -> request.send(payload)).compose(response -> response.body()
                .map(buffer -> {
                    JsonObject json = buffer.length() > 0 && buffer.getByte(0) == '{' ? buffer.toJsonObject() : new JsonObject();
                    String retryAfter = response.getHeader("Retry-After");
                    if (response.statusCode() >= 500) {
                        httpErrors.increment();
                    }
                    return new Answer(response.statusCode(), json,
                            retryAfter == null ? 1000 : Long.parseLong(retryAfter.strip()) * 1000, now());
                })).onFailure(e -> httpErrors.increment());
    }

    String redisEval(String script, String arg) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("redis-cli");
        command.addAll(redis);
        command.addAll(List.of("EVAL", script, "0", arg));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    Future<Void> timer(long ms) {
        Promise<Void> p = Promise.promise();
        vertx.setTimer(Math.max(1, ms), id -> p.complete());
        return p.future();
    }

    /** Completes when every future has completed, whatever their outcome. */
    static Future<Void> all(List<? extends Future<?>> futures) {
        Promise<Void> done = Promise.promise();
        List<Future<?>> copy = new ArrayList<>(futures);
        if (copy.isEmpty()) {
            done.complete();
            return done.future();
        }
        AtomicInteger left = new AtomicInteger(copy.size());
        for (Future<?> f : copy) {
            f.onComplete(r -> {
                if (left.decrementAndGet() == 0) {
                    done.complete();
                }
            });
        }
        return done.future();
    }

    static long epochMs(Object value) {
        if (value instanceof Number n) {
            return (long) (n.doubleValue() * (n.doubleValue() < 1e11 ? 1000 : 1));
        }
        return value == null ? 0 : Instant.parse(value.toString()).toEpochMilli();
    }

    long now() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    void log(String format, Object... values) {
        System.err.printf(Locale.ROOT, "[abuse %4d s] %s%n", now() / 1000, String.format(Locale.ROOT, format, values));
    }

    static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
