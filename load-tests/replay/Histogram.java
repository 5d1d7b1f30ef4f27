import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in microseconds, in buckets of about 2 %: for the whole run and for the current second. */
final class Histogram {
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
