package io.clickgive.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A value per key built by one caller at a time and kept for a while: however many ask at once, one builds and the
 * others wait for that build (the first time) or get the previous value meanwhile (ever after). A failed build is
 * not kept: the next caller tries again.
 */
final class SingleFlight<K, V> {

    /** The build in progress or done, when it started, and the value before it (null before the first). */
    private record Flight<V>(Instant startedAt, CompletableFuture<V> value, V previous) {

        V now() {
            if (!value.isDone() && previous != null) {
                return previous;
            }
            try {
                return value.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    private final ConcurrentMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration fresh;

    SingleFlight(Clock clock, Duration fresh) {
        this.clock = clock;
        this.fresh = fresh;
    }

    V get(K key, Supplier<V> build) {
        Instant now = clock.instant();
        CompletableFuture<V> mine = new CompletableFuture<>();
        Flight<V> flight = flights.compute(key, (k, old) -> {
            if (old == null) {
                return new Flight<>(now, mine, null);
            }
            boolean failed = old.value().isCompletedExceptionally();
            if (!failed && (!old.value().isDone() || now.isBefore(old.startedAt().plus(fresh)))) {
                return old;
            }
            V previous = failed || !old.value().isDone() ? old.previous() : old.value().join();
            return new Flight<>(now, mine, previous);
        });
        if (flight.value() == mine) {
            try {
                mine.complete(build.get());
            } catch (RuntimeException e) {
                flights.remove(key, flight);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        return flight.now();
    }
}
