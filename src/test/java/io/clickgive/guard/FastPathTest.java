package io.clickgive.guard;

import io.clickgive.counters.BatchAnswer;
import io.clickgive.counters.BatchCall;
import io.clickgive.counters.BatchShape;
import io.clickgive.counters.SessionCounters;
import io.clickgive.counters.ShardKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch script's fast path (taken when the app's measure of a batch shows nothing near a limit) must decide
 * exactly as its click-by-click walk: every trace of the corpus is played twice, once each way, and the answers and
 * the session's stored state must agree batch after batch.
 */
@QuarkusTest
class FastPathTest {

    @Inject
    SessionCounters counters;

    @Inject
    RedisDataSource redis;

    @Test
    void fastPathDecidesAsTheWalkDoes() {
        GuardSettings guard = GuardSettings.DEFAULTS;
        ShardKeys keys = new ShardKeys(800_000_000L + new Random().nextInt(1_000_000), 0);
        Random random = new Random(7);
        List<Function<Random, List<Integer>>> kinds = List.of(Traces::human, Traces::imitator, Traces::fixed,
                Traces::uniformFast, Traces::replayedFaster, Traces::uniformHumanPace);
        int compared = 0;
        int tooMany = 0;
        int empty = 0;
        for (int trace = 0; trace < 300; trace++) {
            List<Integer> offsets = kinds.get(trace % kinds.size()).apply(random);
            String fast = "fast-" + trace;
            String walk = "walk-" + trace;
            for (String session : List.of(fast, walk)) {
                redis.hash(String.class).hset(keys.session(session), java.util.Map.of("clicks", "0", "last", "-1"));
            }
            // Batches of random sizes, so that windows and gaps cross their boundaries in every way; now and then an
            // empty batch or a single click, so that some sessions send more batches than the inspection allows.
            boolean singles = trace % 7 == 3; // a click a batch: more batches than the inspection allows
            int seq = 1;
            for (int from = 0; from < offsets.size(); seq++) {
                int roll = random.nextInt(10);
                int to = roll == 0 ? from : Math.min(offsets.size(), from + (roll == 1 || singles ? 1 : 1 + random.nextInt(30)));
                List<Integer> clicks = offsets.subList(from, to);
                BatchShape shape = BatchShape.of(clicks, guard.minIntervalMs());
                BatchAnswer a = run(keys, fast, seq, clicks, guard, shape);
                // "a click too close": the script walks the clicks
                BatchShape forced = new BatchShape(1, shape.maxWindow(), shape.intervals(), shape.sum(), shape.squares(),
                        shape.lastSecond());
                BatchAnswer b = run(keys, walk, seq, clicks, guard, forced);
                assertEquals(b, a, "trace " + trace + ", batch " + seq);
                tooMany += a.answer().rejections().containsKey("TOO_MANY_BATCHES") ? 1 : 0;
                empty += clicks.isEmpty() ? 1 : 0;
                for (String state : List.of("i", "t")) { // the inspection's sums, and the tail of the last second
                    assertEquals(redis.hash(String.class).hget(keys.session(walk), state),
                            redis.hash(String.class).hget(keys.session(fast), state), state + " after batch " + seq);
                }
                compared++;
                from = to;
            }
        }
        redis.key().del(redis.key().keys("cg:{c" + keys.campaignId() + ".*").toArray(String[]::new));
        System.out.println("Fast path and walk agreed on " + compared + " batches (" + empty + " empty, " + tooMany
                + " beyond the batches a session may send)");
        assertTrue(empty > 0 && tooMany > 0, "the corpus must reach empty batches and too many batches");
    }

    private BatchAnswer run(ShardKeys keys, String session, int seq, List<Integer> clicks, GuardSettings guard,
                            BatchShape shape) {
        BatchCall call = new BatchCall(seq, clicks.size(), clicks.isEmpty() ? 999_999_999 : clicks.get(0),
                clicks.isEmpty() ? -1 : clicks.get(clicks.size() - 1), 1000, 999_999_999_999L, 999_999_999L, 0, 160,
                session, "-", "p", "w", 0, 10, 0, false, 10, false, 1, true, clicks, SessionCounters.written(guard.inspection()), shape);
        return counters.batch(keys, call).await().indefinitely();
    }
}
