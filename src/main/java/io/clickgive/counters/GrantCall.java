package io.clickgive.counters;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What grant.lua is called with (its header documents each field): the one JSON argument of a session start.
 *
 * @param proofId the proof of work's single-use id ({@code guard.ProofOfWork.Verified#id}), null without one; sent as a
 *                JSON string, as Lua's numbers (doubles) would round it
 * @param limits  the campaign's {@link Limits}, written once per version of the campaign's guard
 *                (see {@link ScriptConstants}), not per call
 */
public record GrantCall(long now, long keepMs, String player, boolean guard,
                 @JsonInclude(JsonInclude.Include.NON_NULL) @JsonFormat(shape = JsonFormat.Shape.STRING) Long proofId,
                 long proofUntil,
                 boolean vouched, @JsonRawValue String limits) {

    /**
     * What a campaign's guard sets for every session start: its buckets, when a player becomes established and how
     * long a player's rounds are remembered.
     *
     * @param playerLimit the player's own limit; an interval of 0 turns it off
     */
    public record Limits(Bucket playerLimit, Bucket fresh, Bucket wideFresh, Bucket network, Bucket wide,
                  int establishRounds, long establishAfterMs, long playerMemoryMs) {
    }

    /** A GCRA bucket: one session per interval, up to burst at once. */
    public record Bucket(long interval, int burst) {

        /**
         * This shard's share of a limit that counts a network's players in every shard: each of the shards grants an
         * interval × shards and burst ÷ shards, and over the network's many players they add up to the whole.
         */
        public static Bucket share(long interval, int burst, int shards) {
            return new Bucket(interval * shards, (burst + shards - 1) / shards);
        }
    }
}
