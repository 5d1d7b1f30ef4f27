package io.clickgive.demo;

import io.clickgive.common.Clocks;
import io.clickgive.ledger.DemoLedger.PlayedBatch;
import io.clickgive.ledger.LikeImport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's players, drawn from a fixed seed: the same sessions, batches and likes every time, so loading the demo
 * again finds them in the ledger and adds nothing. Only their times follow the clock (drawn from a seed of their own). Regions weigh roughly as
 * Morocco's population does; evenings (after iftar) are busier, and the last half hour has players so the
 * dashboard's chart of the last 30 minutes shows something.
 */
final class DemoRounds {

    /** Morocco's 12 regions, a few unknown (null: players whose network placed them nowhere), with weights. */
    private static final String[] REGIONS = {"MA-06", "MA-04", "MA-03", "MA-07", "MA-01", "MA-09", "MA-02", "MA-05",
            "MA-08", "MA-10", "MA-11", "MA-12", null};
    private static final int[] WEIGHTS = {220, 135, 125, 130, 110, 80, 70, 70, 45, 12, 10, 6, 25};


    private DemoRounds() {
    }

    /**
     * Rounds played over the {@code hours} before {@code now}: a batch every 2 s of a 10 s round (up to five), each
     * well under the session's cap (five batches of at most 28 taps: 140 of 150).
     */
    static List<PlayedBatch> rounds(String slug, int sessions, int hours, Instant now, Map<String, Long> teamOf) {
        Random random = new Random(2027);
        Random times = new Random(2028); // apart, so the rounds' shapes do not depend on the clock
        List<PlayedBatch> batches = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String region = region(random);
            String player = player(random.nextInt(sessions * 7 / 10));
            Instant start = i % 10 == 0
                    ? now.minusSeconds(30 + times.nextInt(29 * 60)) // the last half hour
                    : evening(times, now, hours);
            int count = 1 + random.nextInt(5);
            for (int seq = 1; seq <= count; seq++) {
                batches.add(new PlayedBatch("demo-" + slug + "-" + i, seq, region, player, teamOf.get(player),
                        5 + random.nextInt(24),
                        start.plusSeconds(2L * seq)));
            }
        }
        return batches;
    }

    /** Likes given on a partner platform between {@code from} and {@code to}, converted as clicks are. */
    static List<LikeImport.Like> likes(int count, Instant from, Instant to) {
        Random random = new Random(2026);
        long span = Duration.between(from, to).toSeconds();
        List<LikeImport.Like> likes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            likes.add(new LikeImport.Like("demo-like-" + i, region(random),
                    from.plusSeconds((long) (random.nextDouble() * span))));
        }
        return likes;
    }

    /** The demo's players, as {@link #rounds} names them. */
    static String player(int index) {
        return "demo-player-" + index;
    }

    private static String region(Random random) {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int r = 0; r < WEIGHTS.length; r++) {
            pick -= WEIGHTS[r];
            if (pick < 0) {
                return REGIONS[r];
            }
        }
        return null;
    }

    /** A moment in the last {@code hours}, three times likelier between 19:00 and 24:00 in Morocco. */
    private static Instant evening(Random random, Instant now, int hours) {
        while (true) {
            Instant at = now.minusSeconds(60 + (long) (random.nextDouble() * (hours * 3600L - 120)));
            int hour = at.atZone(Clocks.MOROCCO).getHour();
            if (hour >= 19 || random.nextInt(3) == 0) {
                return at;
            }
        }
    }
}
