package io.clickgive.counters;

import io.clickgive.guard.GuardSettings;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a session costs Redis: a human round (ten batches of seven taps) leaves one compact hash (a listpack, every
 * value under 64 bytes) of a few hundred bytes, and the short answers it keeps replay as the full ones.
 */
@QuarkusTest
class SessionLayoutTest {

    @Inject
    SessionCounters counters;

    @Inject
    RedisDataSource redis;

    @Test
    void aHumanRoundKeepsOneCompactHashAndReplaysItsAnswers() {
        ShardKeys keys = new ShardKeys(700_000_000L + new Random().nextInt(1_000_000), 0);
        String session = "layout-" + System.nanoTime();
        GuardSettings guard = GuardSettings.DEFAULTS;
        GrantCall.Bucket open = new GrantCall.Bucket(1, 1_000_000);
        long proof = System.nanoTime();
        // The used-proof set expires at Redis' own time: its minute must be ahead of the wall clock.
        long proofUntil = (System.currentTimeMillis() / 60_000 + 2) * 60_000;
        GrantCall grant = new GrantCall(1_000, 60_000, "p", true, proof, proofUntil, true,
                SessionCounters.written(new GrantCall.Limits(open, open, open, open, open, 0, 0, 60_000)));
        assertTrue(counters.grant(keys, session, new SessionCounters.Grantee("p", "w", "v", "h"), grant)
                .await().indefinitely().granted());
        assertEquals("intset", redis.execute("OBJECT", "ENCODING", keys.proofs(proofUntil, proof)).toString(),
                "the used proofs are kept as integers");
        Random random = new Random(3);
        List<BatchAnswer> answers = new ArrayList<>();
        int offset = 0;
        for (int seq = 1; seq <= 10; seq++) {
            List<Integer> clicks = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                offset += 110 + random.nextInt(90);
                clicks.add(offset);
            }
            if (seq == 4) {
                clicks.set(3, clicks.get(2) + 5); // a tap too close to the one before it: a rejection to remember
            }
            answers.add(counters.batch(keys, call(session, seq, clicks, guard)).await().indefinitely());
        }
        assertEquals(1, answers.get(3).answer().rejections().getOrDefault("TOO_FAST", 0), "batch 4: " + answers.get(3));

        String key = keys.session(session);
        assertEquals("listpack", redis.execute("OBJECT", "ENCODING", key).toString(), "the session's hash stays compact");
        long bytes = redis.execute("MEMORY", "USAGE", key).toLong();
        System.out.println("A human round's session hash: " + bytes + " bytes");
        assertTrue(bytes <= 600, bytes + " bytes for one session's hash");

        // A batch sent again (its answer lost on a weak network) gets its first answer, in full, and counts nothing.
        for (int seq = 1; seq <= 10; seq++) {
            BatchAnswer again = counters.batch(keys, call(session, seq, List.of(), guard)).await().indefinitely();
            assertTrue(again.replayed(), "seq " + seq);
            assertEquals(answers.get(seq - 1).answer(), again.answer(), "the replayed answer of seq " + seq);
        }
        redis.key().del(redis.key().keys("cg:{c" + keys.campaignId() + ".*").toArray(String[]::new));
    }

    private static BatchCall call(String session, int seq, List<Integer> clicks, GuardSettings guard) {
        return new BatchCall(seq, clicks.size(), clicks.isEmpty() ? 999_999_999 : clicks.get(0),
                clicks.isEmpty() ? -1 : clicks.get(clicks.size() - 1), 2_000, 999_999_999_999L, 999_999_999L, 0, 160,
                session, "-", "p", "w", 0, 10, 0, false, 10, false, 1, true, clicks, SessionCounters.written(guard.inspection()),
                BatchShape.of(clicks, guard.minIntervalMs()));
    }
}
