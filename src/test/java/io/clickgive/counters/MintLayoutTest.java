package io.clickgive.counters;

import io.clickgive.counters.MintCounters.MintAnswer;
import io.clickgive.counters.MintCounters.MintCall;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What identity mints cost Redis: a network's decaying count is a field of a compact bucket hash, not a key; the used
 * mint proofs are intsets; a count is forgotten once it no longer moves the price, and a heavy one is remembered for
 * as long as it does.
 */
@QuarkusTest
class MintLayoutTest {

    private static final long MEMORY = 60_000;

    @Inject
    MintCounters counters;

    @Inject
    RedisDataSource redis;

    private MintAnswer pay(long now, String home, String wide, long proof) {
        // The used-proof set expires at Redis' own time: its minute is ahead of the wall clock whatever now is.
        long proofUntil = (System.currentTimeMillis() / 60_000 + 2) * 60_000;
        return counters.mint(MintCall.pay(now, MEMORY, home, wide, 1000, 5, 50, 1_000_000, proof, proofUntil,
                1_000_000)).await().indefinitely();
    }

    private long price(long now, String home, String wide) {
        return counters.mint(MintCall.price(now, MEMORY, home, wide, 1000, 5, 50, 1_000_000)).await().indefinitely()
                .difficulty();
    }

    private List<String> keys(String pattern) {
        return redis.key().keys(pattern);
    }

    @Test
    void networksAreFieldsOfCompactBucketsAndProofsIntegers() {
        String run = "layout" + System.nanoTime();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 300; i++) {
            assertTrue(pay(now, run + "-net" + i, run + "-wide" + (i % 10), i * 1_000_003L).minted());
        }
        List<String> nets = keys("cg:{m*}:mint:nets:*");
        long fields = nets.stream().mapToLong(k -> redis.hash(String.class).hkeys(k).stream()
                .filter(f -> f.startsWith(run)).count()).sum();
        assertEquals(300, fields, "one field per network");
        for (String key : nets) {
            assertEquals("listpack", redis.execute("OBJECT", "ENCODING", key).toString(), key);
        }
        for (String key : keys("cg:{m*}:mint:pow:*")) {
            assertEquals("intset", redis.execute("OBJECT", "ENCODING", key).toString(), key);
        }
        assertEquals("POW_REUSED", pay(now, run + "-net0", run + "-wide0", 0).reason(), "a proof is single-use");
    }

    @Test
    void aCountRaisesThePriceDecaysAndIsSweptWhenItNoLongerMovesIt() {
        String home = "heavy" + System.nanoTime();
        String wide = "quiet" + System.nanoTime();
        long now = 2_000_000_000L;
        long first = price(now, home, wide);
        for (int i = 0; i < 20; i++) {
            assertTrue(pay(now, home, wide, 7_000_000L + i).minted());
        }
        long after = price(now, home, wide);
        assertTrue(after >= first * 8, "20 mints at a step of 5 double the price four times: " + first + " -> " + after);
        assertTrue(price(now + 3 * MEMORY, home, wide) < after, "the count decays");
        String bucket = keys("cg:{m*}:mint:nets:*").stream()
                .filter(k -> redis.hash(String.class).hget(k, home) != null).findFirst().orElseThrow();
        long ttl = redis.key().pttl(bucket);
        assertTrue(ttl >= MEMORY * Math.log(20 / 0.05) - 1000, "a count of 20 is kept 6 memories: " + ttl + " ms");
        // Long after, a sweeping mint of another network in the same bucket forgets the decayed count.
        long later = now + 20 * MEMORY;
        String neighbour = null;
        for (int i = 0; neighbour == null; i++) {
            String candidate = "neighbour" + i + "-" + System.nanoTime();
            if (Math.floorMod(candidate.hashCode(), 256) == Math.floorMod(home.hashCode(), 256)) {
                neighbour = candidate;
            }
        }
        for (int i = 0; i < 16; i++) { // one of every 16 mints sweeps
            pay(later, neighbour, wide, 8_000_000L + i);
        }
        assertFalse(redis.hash(String.class).hexists(bucket, home), "the decayed count was swept");
        assertTrue(redis.hash(String.class).hexists(bucket, neighbour), "the fresh one stays");
    }
}
