import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the players count: the run's totals and latencies, a line a second, and the figures printed at the end. */
final class Figures {
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
    final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();
    final Histogram challengeLatency = new Histogram();
    final Histogram sessionLatency = new Histogram();
    final Histogram batchLatency = new Histogram();
    final List<String> perSecond = new ArrayList<>();

    long lastAcknowledged;
    long lastSessions;
    long printedAcknowledged;

    void reason(String reason, long clicks) {
        reasons.computeIfAbsent(reason, k -> new AtomicLong()).addAndGet(clicks);
    }

    /** Second t's line for replay.csv; every 10 s a progress line on stderr. Gives up when no session came in 30 s. */
    void second(long t, long inPlay, Sampler.Sample sample) {
        long ack = acknowledged.get();
        long ses = sessions.get();
        perSecond.add(String.format(Locale.ROOT, "%d,%d,%d,%d,%.2f,%.2f,%d,%d,%d,%d", t, ack - lastAcknowledged,
                ses - lastSessions, inPlay, batchLatency.windowPercentile(50) / 1000.0,
                batchLatency.windowPercentile(99) / 1000.0, errors.get(), sample.ledgerLagMs(), sample.redisBytes(),
                sample.appRssKb()));
        batchLatency.resetWindow();
        if (t >= 30 && ses == 0) {
            System.err.println("[replay] no session granted within 30 s: giving up (see the errors above)");
            System.exit(1);
        }
        if (t % 10 == 0) {
            System.err.printf(Locale.ROOT, "[replay %4d s] %,d clicks acknowledged (%,d/s), %,d sessions, %,d in play, "
                            + "batch p99 %.1f ms, ledger lag %d ms, errors %d%n", t, ack, (ack - printedAcknowledged) / 10, ses,
                    inPlay, batchLatency.percentile(99) / 1000.0, sample.ledgerLagMs(), errors.get());
            printedAcknowledged = ack;
        }
        lastAcknowledged = ack;
        lastSessions = ses;
    }

    /** Writes out/replay.csv and out/replay.html, and prints the figures as key=value lines. */
    void summary(double elapsed, Path out) throws IOException {
        Files.createDirectories(out);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("replay.csv")))) {
            csv.println("second,clicks,sessions,in_play,batch_p50_ms,batch_p99_ms,errors,ledger_lag_ms,redis_bytes,app_rss_kb");
            perSecond.forEach(csv::println);
        }
        Map<String, Object> f = new LinkedHashMap<>();
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
        f.put("challenge_p50_ms", ms(challengeLatency.percentile(50)));
        f.put("challenge_p99_ms", ms(challengeLatency.percentile(99)));
        f.put("session_p50_ms", ms(sessionLatency.percentile(50)));
        f.put("session_p99_ms", ms(sessionLatency.percentile(99)));
        f.put("batch_p50_ms", ms(batchLatency.percentile(50)));
        f.put("batch_p99_ms", ms(batchLatency.percentile(99)));
        List<long[]> rows = perSecond.stream().map(l -> Arrays.stream(l.split(",")).mapToLong(
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

    /** Microseconds as milliseconds with one decimal. */
    static String ms(double micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
