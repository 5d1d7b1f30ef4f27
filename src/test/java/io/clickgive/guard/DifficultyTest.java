package io.clickgive.guard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How hard a puzzle is: the base at normal load, four times harder per doubling of rate or load, never past the cap. */
class DifficultyTest {

    private static final GuardSettings GUARD = new GuardSettings(null, null, null, null, null, 1_000, 1_000_000, 50,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null).withDefaults();

    @Test
    void normalLoadGetsTheBasePuzzle() {
        assertEquals(1_000, Admission.difficulty(GUARD, 4, 200, 50));
    }

    @Test
    void eachDoublingOfTheCampaignsLoadMakesItFourTimesHarder() {
        assertEquals(4_000, Admission.difficulty(GUARD, 1, 0, 100));
        assertEquals(16_000, Admission.difficulty(GUARD, 1, 0, 200));
        assertEquals(64_000, Admission.difficulty(GUARD, 1, 0, 400));
    }

    @Test
    void aBusyNetworkAndAnEagerPlayerAddUp() {
        // The network's allowance is an eighth of its session limit: 60 000 / 30 / 8 = 250 a minute.
        assertEquals(4_000, Admission.difficulty(GUARD, 1, 500, 0));
        assertEquals(256_000, Admission.difficulty(GUARD, 16, 1_000, 0)); // 2 steps for the player, 2 for the network: 4^4
    }

    @Test
    void neverPastTheCapAndZeroStaysZero() {
        assertEquals(1_000_000, Admission.difficulty(GUARD, 1_000_000, 1_000_000, 1_000_000));
        GuardSettings minimum = new GuardSettings(null, null, null, null, null, 0, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null).withDefaults();
        assertEquals(0, Admission.difficulty(minimum, 1_000, 100_000, 10_000));
    }
}
