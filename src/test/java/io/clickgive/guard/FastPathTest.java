package io.clickgive.guard;

import io.clickgive.common.RedisScripts;
import io.clickgive.common.ShardKeys;
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

/**
 * The batch script's fast path (taken when the app's measure of a batch shows nothing near a limit) must decide
 * exactly as its click-by-click walk: every trace of the corpus is played twice, once each way, and the answers and
 * the session's stored state must agree batch after batch.
 */
@QuarkusTest
class FastPathTest {

    @Inject
    RedisScripts scripts;

    @Inject
    RedisDataSource redis;

    @Test
    void fastPathDecidesAsTheWalkDoes() {
        GuardSettings guard = GuardSettings.DEFAULTS;
        RedisScripts.Script batch = scripts.script("batch");
        ShardKeys keys = new ShardKeys(800_000_000L + new Random().nextInt(1_000_000), 0);
        Random random = new Random(7);
        List<Function<Random, List<Integer>>> kinds = List.of(Traces::human, Traces::imitator, Traces::fixed,
                Traces::uniformFast, Traces::replayedFaster, Traces::uniformHumanPace);
        int compared = 0;
        for (int trace = 0; trace < 300; trace++) {
            List<Integer> offsets = kinds.get(trace % kinds.size()).apply(random);
            String fast = "fast-" + trace;
            String walk = "walk-" + trace;
            for (String session : List.of(fast, walk)) {
                redis.hash(String.class).hset(keys.session(session), java.util.Map.of("clicks", "0", "last", "-1"));
            }
            // Batches of random sizes, so that windows and gaps cross their boundaries in every way.
            int seq = 1;
            for (int from = 0; from < offsets.size(); seq++) {
                int to = Math.min(offsets.size(), from + 1 + random.nextInt(30));
                List<Integer> clicks = offsets.subList(from, to);
                String a = run(batch, keys, fast, seq, clicks, guard, BatchShape.of(clicks, guard.minIntervalMs()).arguments());
                List<String> forced = new ArrayList<>(BatchShape.of(clicks, guard.minIntervalMs()).arguments());
                forced.set(0, "1"); // "a click too close": the script walks the clicks
                String b = run(batch, keys, walk, seq, clicks, guard, forced);
                assertEquals(b, a, "trace " + trace + ", batch " + seq);
                assertEquals(redis.hash(String.class).hget(keys.session(walk), "g"),
                        redis.hash(String.class).hget(keys.session(fast), "g"), "state after batch " + seq);
                compared++;
                from = to;
            }
        }
        redis.key().del(redis.key().keys("cg:{c" + keys.campaignId() + ".*").toArray(String[]::new));
        System.out.println("Fast path and walk agreed on " + compared + " batches");
    }

    private String run(RedisScripts.Script batch, ShardKeys keys, String session, int seq, List<Integer> clicks,
                       GuardSettings guard, List<String> shape) {
        List<String> args = new ArrayList<>(List.of(Integer.toString(seq), Integer.toString(clicks.size()),
                clicks.get(0).toString(), clicks.get(clicks.size() - 1).toString(), "1000", "999999999999", "160",
                session, "-", "p", "1", "1",
                clicks.stream().map(String::valueOf).collect(Collectors.joining(","))));
        args.addAll(guard.inspectionArguments());
        args.addAll(shape);
        return scripts.runBlocking(batch, List.of(keys.session(session), keys.totals(), keys.minutes(), keys.ledger()),
                args).toString();
    }
}
