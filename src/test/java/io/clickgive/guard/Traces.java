package io.clickgive.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Click traces of one 10-second session, in ms since its start: people tapping, and scripts. The human model follows
 * what tapping studies and phones show: 3–14 taps a second, log-normal jitter (coefficient of variation 12–28 %), a
 * faster start, fatigue, the odd pause, and timestamps on the touch screen's 60–240 Hz frames.
 */
final class Traces {

    static final int SESSION_MS = 10_000;
    private static final double[] FRAME_MS = {1, 4.167, 8.333, 16.667};

    private Traces() {
    }

    static List<Integer> human(Random random) {
        return human(random, 3 + random.nextDouble() * 11);
    }

    static List<Integer> human(Random random, double rate) {
        double sigma = 0.12 + random.nextDouble() * 0.16;
        double speedUp = 1 + random.nextDouble() * 0.15;
        double fatigue = 0.75 + random.nextDouble() * 0.2;
        double frame = FRAME_MS[random.nextInt(FRAME_MS.length)];
        List<Double> times = new ArrayList<>();
        double t = 150 + random.nextDouble() * 400; // reaction to "go"
        while (t < SESSION_MS) {
            times.add(t);
            double factor = (t < 2_000 ? speedUp : 1) * (1 - (1 - fatigue) * t / SESSION_MS);
            double gap = 1000 / (rate * factor) * Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
            if (random.nextDouble() < 0.015) {
                gap += 200 + random.nextDouble() * 500; // looked away, changed grip
            }
            t += gap;
        }
        return onFrames(times, frame);
    }

    /** The same interval every time: a timer loop. */
    static List<Integer> fixed(Random random) {
        double gap = 1000 / (5 + random.nextDouble() * 7);
        List<Double> times = new ArrayList<>();
        for (double t = random.nextDouble() * 100; t < SESSION_MS; t += gap) {
            times.add(t);
        }
        return onFrames(times, 1);
    }

    /** A timer loop with a few ms of jitter, to look less like one. */
    static List<Integer> jittered(Random random) {
        double gap = 80 + random.nextDouble() * 80;
        List<Double> times = new ArrayList<>();
        for (double t = random.nextDouble() * 100; t < SESSION_MS; t += gap + (random.nextDouble() * 6 - 3)) {
            times.add(t);
        }
        return onFrames(times, 1);
    }

    /** Uniformly random gaps, but far too short for a person: 15–60 ms. */
    static List<Integer> uniformFast(Random random) {
        List<Double> times = new ArrayList<>();
        for (double t = random.nextDouble() * 100; t < SESSION_MS; t += 15 + random.nextDouble() * 45) {
            times.add(t);
        }
        return onFrames(times, 1);
    }

    /** Uniformly random gaps at a human pace (60–160 ms): a script that only looks human. */
    static List<Integer> uniformHumanPace(Random random) {
        List<Double> times = new ArrayList<>();
        for (double t = 200 + random.nextDouble() * 200; t < SESSION_MS; t += 60 + random.nextDouble() * 100) {
            times.add(t);
        }
        return onFrames(times, 1);
    }

    /** A recorded human session (8–14 taps/s) played three times as fast, three times over. */
    static List<Integer> replayedFaster(Random random) {
        List<Integer> recorded = human(random, 8 + random.nextDouble() * 6);
        List<Double> times = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (int offset : recorded) {
                times.add(copy * SESSION_MS / 3.0 + offset / 3.0);
            }
        }
        return onFrames(times, 1);
    }

    /** A script imitating a strong player as well as it can: 14–16 taps/s with human jitter. */
    static List<Integer> imitator(Random random) {
        return human(random, 14 + random.nextDouble() * 0.5);
    }

    /** How the public page batches: every 2.5 s of play, and whatever is left at the end. */
    static List<List<Integer>> pageBatches(List<Integer> offsets) {
        List<List<Integer>> batches = new ArrayList<>();
        int current = -1;
        for (int offset : offsets) {
            int slot = offset / 2_500;
            if (slot != current) {
                batches.add(new ArrayList<>());
                current = slot;
            }
            batches.get(batches.size() - 1).add(offset);
        }
        return batches;
    }

    private static List<Integer> onFrames(List<Double> times, double frame) {
        List<Integer> offsets = new ArrayList<>();
        int previous = -1;
        for (double t : times) {
            int offset = (int) Math.round(Math.floor(t / frame) * frame);
            offset = Math.max(offset, previous + 1); // the page keeps offsets strictly increasing
            if (offset > SESSION_MS) {
                break;
            }
            offsets.add(offset);
            previous = offset;
        }
        return offsets;
    }
}
