package io.clickgive;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's clock in tests (it takes the place of common.Clocks' one): the system's time plus an offset a test may
 * move forward, so a rule that reads the injected clock (a session's window, a challenge's expiry) can be tested
 * without waiting for it.
 * <p>
 * Every test of one Quarkus boot shares it: a test moves it only with {@link #advance} in try-with-resources, which puts
 * it back when the test is done. Putting it back makes it go backwards, which the service never sees otherwise; nothing
 * a test checks afterwards may depend on the moved time (tests run one at a time).
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** Moves the clock forward until the returned handle is closed. */
    public Moved advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock moves forward only: " + by);
        }
        offsetMillis.addAndGet(by.toMillis());
        return () -> offsetMillis.addAndGet(-by.toMillis());
    }

    /** A move of the clock, undone by close(). */
    public interface Moved extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock moved = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moved.withZone(other);
            }

            @Override
            public Instant instant() {
                return moved.instant();
            }
        };
    }
}
