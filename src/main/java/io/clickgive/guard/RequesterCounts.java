package io.clickgive.guard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Challenges asked for per requester (a player or a network) over the last minute, in this instance: a sliding
 * estimate from the current and the previous minute. Kept in memory because it only sets a puzzle's difficulty — the
 * hard limits are the Redis buckets of the grant script — and a challenge should cost no Redis call. Behind a load
 * balancer a requester's count is spread over the replicas; keep-alive connections mostly keep one client on one
 * replica, which is the client that matters here.
 */
final class RequesterCounts {

    /** Beyond this many requesters a minute, new ones are not tracked (memory stays bounded under a flood). */
    static final int MAX_TRACKED = 500_000;

    private volatile long minute = Long.MIN_VALUE;
    private volatile Map<String, AtomicInteger> current = new ConcurrentHashMap<>();
    private volatile Map<String, AtomicInteger> previous = new ConcurrentHashMap<>();

    /** Counts a request and answers the requester's requests over the last minute, this one included. */
    int add(String requester, long nowMillis) {
        long thisMinute = nowMillis / 60_000;
        if (thisMinute != minute) {
            turn(thisMinute);
        }
        Map<String, AtomicInteger> counts = current;
        AtomicInteger count = counts.get(requester);
        if (count == null) {
            if (counts.size() >= MAX_TRACKED) {
                return 1;
            }
            count = counts.computeIfAbsent(requester, k -> new AtomicInteger());
        }
        int now = count.incrementAndGet();
        AtomicInteger before = previous.get(requester);
        double elapsed = (nowMillis % 60_000) / 60_000.0;
        return now + (before == null ? 0 : (int) Math.round(before.get() * (1 - elapsed)));
    }

    private synchronized void turn(long thisMinute) {
        if (thisMinute == minute) {
            return;
        }
        previous = thisMinute == minute + 1 ? current : new ConcurrentHashMap<>();
        current = new ConcurrentHashMap<>();
        minute = thisMinute;
    }
}
