import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated players for load-tests/replay.sh and the fault drills: each plays real 10-second sessions through the public
 * API as the page does — challenge (or the one the previous grant brought), proof of work, session, the countdown on the
 * server's clock, human-like taps sent in a batch every 2 s and one at the end, in order, retried with backoff (0.5, 1,
 * 2, 4 s, ±20 %) through network errors and 5xx until the session's grace ends. A batch answered 200 is acknowledged;
 * its "accepted" clicks are what the ledger must hold in the end.
 *
 * Usage: javac -d DIR -cp <vertx + jackson> load-tests/replay/*.java, then java -cp <vertx + jackson>:DIR Replay
 * key=value... (load-tests/lib.sh does both; the arguments are in Settings.java).
 * Prints key=value figures at the end (acknowledged, attempted, latencies...); writes out/replay.csv (one line a second).
 *
 * The parts: Settings (arguments), Player and Round (the simulation), Api (HTTP and the proof of work), Figures
 * (counters, the per-second line, the summary), Histogram, Sampler (ledger lag, Redis memory, the app's RSS), Chart.
 */
public class Replay {

    final Settings settings;
    final PrintWriter acks;   // every acknowledged batch (session, seq, accepted), for the drills' ledger check
    final SplittableRandom seeds;
    final Figures figures = new Figures();
    final AtomicLong playing = new AtomicLong();
    final AtomicLong roundsInFlight = new AtomicLong();

    final Sampler sampler;
    final Vertx vertx;
    final Api api;
    final long started = System.nanoTime();
    volatile boolean stopping;
    final CountDownLatch finished = new CountDownLatch(1);

    Replay(Settings settings) {
        this.settings = settings;
        try {
            this.acks = settings.acks() != null ? new PrintWriter(Files.newBufferedWriter(settings.acks())) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.seeds = new SplittableRandom(settings.seed());
        this.sampler = new Sampler(settings.redis(), settings.campaign(), settings.shards(), settings.appPid());
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        this.api = new Api(vertx, settings.bases(), settings.connections());
    }

    public static void main(String[] argv) throws Exception {
        new Replay(Settings.parse(argv)).run();
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
        figures.summary((System.nanoTime() - started) / 1e9, settings.out());
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    /** Starts players until as many play as allowed, spread over the next second so they do not arrive in one burst. */
    void topUp() {
        if (stopping) {
            return;
        }
        long missing = settings.maxPlayers() - playing.get();
        for (long i = 0; i < missing && !stopping; i++) {
            playing.incrementAndGet();
            Player player = new Player(this, seeds.split());
            // Spread over a round's length, so the players do not arrive in waves.
            vertx.setTimer(1 + player.random.nextInt((int) Player.ROUND_EVERY_MS), id -> player.play(null));
        }
    }

    /** Milliseconds since the players started. */
    long now() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Once a second: the figures' line, then whether to stop starting sessions, and whether all is done. */
    void second() {
        long t = now() / 1000;
        figures.second(t, roundsInFlight.get(), sampler.latest);
        if (!stopping && (figures.tapsPlanned.get() >= settings.clickTarget() || settings.seconds() > 0 && t >= settings.seconds())) {
            stopping = true;
        }
        if (stopping && playing.get() <= 0 && roundsInFlight.get() <= 0) {
            finished.countDown();
        }
    }
}
