package io.clickgive.guard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A campaign's guard thresholds. A manager sends only what differs from the defaults; {@link #withDefaults()} fills the
 * rest, and the campaign stores the complete settings so a later change of a default never alters a running campaign.
 *
 * <p>The defaults come from the human reference: strong players sustain 16–18 taps/s for ten seconds with two thumbs
 * (the session cap is 15 a second, see CampaignDraft), phones report
 * taps on 60–120 Hz frames, and a player needs about 16 s per round (3 s countdown, 10 s play, the result, the next
 * puzzle). A player interval of 0 turns the player's limit off: a kiosk tablet at an event, where one device is
 * shared by a queue of people, or a load test.
 */
public record GuardSettings(
        Boolean enabled,
        @Min(0) @Max(3600) Integer playerIntervalSeconds,
        @Min(1) @Max(100) Integer playerBurst,
        @Min(1) @Max(60_000) Integer networkIntervalMs,
        @Min(1) @Max(100_000) Integer networkBurst,
        @Min(0) @Max(100_000_000) Integer powDifficulty,
        @Min(0) @Max(100_000_000) Integer powMaxDifficulty,
        @Min(1) @Max(1_000_000) Integer powLoadStep,
        @Min(0) @Max(1000) Integer minIntervalMs,
        @Min(1) @Max(1000) Integer burstPerSecond,
        @Min(1) @Max(1000) Integer burstStrikes,
        @Min(3) @Max(10_000) Integer regularityMinIntervals,
        @DecimalMin("0.0") @DecimalMax("1.0") Double regularityMaxCv,
        @Min(1) @Max(10_000) Integer maxBatches,
        @Min(1) @Max(3_600_000) Integer freshIntervalMs,
        @Min(1) @Max(10_000) Integer freshBurst,
        @Min(1) @Max(3_600_000) Integer wideFreshIntervalMs,
        @Min(1) @Max(100_000) Integer wideFreshBurst,
        @Min(1) @Max(60_000) Integer wideNetworkIntervalMs,
        @Min(1) @Max(1_000_000) Integer wideNetworkBurst,
        @Min(0) @Max(1000) Integer establishRounds,
        @Min(0) @Max(525_600) Integer establishAfterMinutes,
        @Min(0) @Max(600_000) Integer futureToleranceMs) {

    /**
     * New players' budget: 31.6 sessions a minute per home (every identity minted on one address, burst 4): room for
     * 10 new people a minute playing two rounds each, and 8.4 times a strong person playing non-stop (3.75 rounds a
     * minute) — the most a script that rotates identities on that address can get. Established: three counted rounds,
     * the first a day ago.
     */
    public static final GuardSettings DEFAULTS = new GuardSettings(true, 16, 1, 30, 300, 10_000, 5_000_000, 50, 15, 20,
            3, 10, 0.04, 20, 1_900, 4, 240, 32, 5, 2_000, 3, 1_440, 250);

    /** These settings with every omitted value taken from {@link #DEFAULTS}. */
    public GuardSettings withDefaults() {
        return over(DEFAULTS);
    }

    /** These settings, switched on or off. */
    public GuardSettings enabled(boolean on) {
        return new GuardSettings(on, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null).over(this);
    }

    /** These settings with every omitted value taken from {@code d}. */
    public GuardSettings over(GuardSettings d) {
        return new GuardSettings(or(enabled, d.enabled), or(playerIntervalSeconds, d.playerIntervalSeconds),
                or(playerBurst, d.playerBurst), or(networkIntervalMs, d.networkIntervalMs),
                or(networkBurst, d.networkBurst), or(powDifficulty, d.powDifficulty),
                or(powMaxDifficulty, d.powMaxDifficulty), or(powLoadStep, d.powLoadStep),
                or(minIntervalMs, d.minIntervalMs), or(burstPerSecond, d.burstPerSecond),
                or(burstStrikes, d.burstStrikes), or(regularityMinIntervals, d.regularityMinIntervals),
                or(regularityMaxCv, d.regularityMaxCv), or(maxBatches, d.maxBatches),
                or(freshIntervalMs, d.freshIntervalMs), or(freshBurst, d.freshBurst),
                or(wideFreshIntervalMs, d.wideFreshIntervalMs), or(wideFreshBurst, d.wideFreshBurst),
                or(wideNetworkIntervalMs, d.wideNetworkIntervalMs), or(wideNetworkBurst, d.wideNetworkBurst),
                or(establishRounds, d.establishRounds), or(establishAfterMinutes, d.establishAfterMinutes),
                or(futureToleranceMs, d.futureToleranceMs));
    }

    /** The batch script's inspection thresholds (batch.lua's "inspection"), written once per version of the guard. */
    public Inspection inspection() {
        return new Inspection(minIntervalMs, burstPerSecond, burstStrikes, regularityMinIntervals, regularityMaxCv,
                maxBatches);
    }

    /** What the batch script needs to inspect a session's click timing; see {@code redis/batch.lua}. */
    public record Inspection(int minInterval, int burst, int strikes, int regularityMin, double regularityMaxCv,
                             int maxBatches) {
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
