package io.clickgive.guard;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sessions granted per second by this instance, per campaign, over the last few seconds: the "global load" that raises
 * every newcomer's proof of work. Kept in memory, as load balancers spread players evenly over the replicas; the
 * threshold (GuardSettings.powLoadStep) is therefore per instance.
 */
@ApplicationScoped
public class LoadMeter {

    private static final int SECONDS = 5;

    /** Counts per second in a ring; a slot is reused once its second has passed. */
    private static final class Ring {
        final AtomicLongArray seconds = new AtomicLongArray(SECONDS + 1);
        final AtomicLongArray counts = new AtomicLongArray(SECONDS + 1);
    }

    private final Clock clock;
    private final Map<Long, Ring> rings = new ConcurrentHashMap<>();

    public LoadMeter(Clock clock) {
        this.clock = clock;
    }

    public void granted(long campaignId) {
        Ring ring = rings.computeIfAbsent(campaignId, id -> new Ring());
        long second = clock.millis() / 1000;
        int slot = (int) (second % ring.seconds.length());
        long owner = ring.seconds.get(slot);
        if (owner != second && ring.seconds.compareAndSet(slot, owner, second)) {
            ring.counts.set(slot, 0);
        }
        ring.counts.incrementAndGet(slot);
    }

    /** Mean sessions per second over the last complete seconds. */
    public double perSecond(long campaignId) {
        Ring ring = rings.get(campaignId);
        if (ring == null) {
            return 0;
        }
        long now = clock.millis() / 1000;
        long sum = 0;
        for (int i = 0; i < ring.seconds.length(); i++) {
            long second = ring.seconds.get(i);
            if (second < now && second >= now - SECONDS) {
                sum += ring.counts.get(i);
            }
        }
        return sum / (double) SECONDS;
    }
}
