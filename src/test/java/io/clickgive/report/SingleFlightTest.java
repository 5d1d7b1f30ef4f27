package io.clickgive.report;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** However many read a report at once, one builds it; readers never wait for a rebuild once one exists. */
class SingleFlightTest {

    /** A clock the test moves. */
    static final class MovedClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-21T20:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void manyReadersShareOneBuildAndGetThePreviousValueWhileTheNextIsBuilt() throws Exception {
        MovedClock clock = new MovedClock();
        SingleFlight<Long, String> reports = new SingleFlight<>(clock, Duration.ofSeconds(5));
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> first = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                first.add(readers.submit(() -> reports.get(1L, () -> {
                    await(release);
                    return "report " + builds.incrementAndGet();
                })));
            }
            // Readers that come after the build are served the fresh value: either way, one build.
            release.countDown();
            for (Future<String> answer : first) {
                assertEquals("report 1", answer.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, builds.get(), "64 readers at once, one build");
            assertEquals("report 1", reports.get(1L, () -> "report " + builds.incrementAndGet()), "fresh: no build");
            assertEquals(1, builds.get());

            clock.move(Duration.ofSeconds(6));
            CountDownLatch slow = new CountDownLatch(1);
            CountDownLatch building = new CountDownLatch(1);
            Future<String> rebuilt = readers.submit(() -> reports.get(1L, () -> {
                building.countDown();
                await(slow);
                return "report " + builds.incrementAndGet();
            }));
            await(building);
            for (int i = 0; i < 10; i++) { // while the rebuild runs, nobody waits for it
                assertEquals("report 1", reports.get(1L, () -> "report " + builds.incrementAndGet()));
            }
            assertFalse(rebuilt.isDone());
            slow.countDown();
            assertEquals("report 2", rebuilt.get(5, TimeUnit.SECONDS));
            assertEquals("report 2", reports.get(1L, () -> "never"));
            assertEquals(2, builds.get());
            assertEquals("other", reports.get(2L, () -> "other"), "each key has its own flight");
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aFailedBuildIsNotKept() {
        SingleFlight<Long, String> reports = new SingleFlight<>(new MovedClock(), Duration.ofSeconds(5));
        assertThrows(IllegalStateException.class, () -> reports.get(1L, () -> {
            throw new IllegalStateException("PostgreSQL is down");
        }));
        assertEquals("built", reports.get(1L, () -> "built"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
