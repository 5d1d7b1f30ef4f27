package io.clickgive.counters;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.List;

/**
 * What batch.lua is called with (its header documents each field): the one JSON argument of a batch. With the guard
 * off, {@code offsets}, {@code inspection} and {@code shape} are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchCall(int seq, int count, int first, int last, long now, long deadline, long elapsed, long tolerance,
                 int cap, String session, String region, String player, String network, long team, int rate, int extra, boolean purse, int cost, boolean refilled,
                 long minute, boolean guard,
                 @JsonSerialize(using = CommaSeparated.class) List<Integer> offsets, @JsonRawValue String inspection, BatchShape shape) {

    /** The same batch after its shard's quota was refilled: what the quota cannot cover is refused, not retried. */
    public BatchCall asLast() {
        return new BatchCall(seq, count, first, last, now, deadline, elapsed, tolerance, cap, session, region, player,
                network, team, rate, extra, purse, cost, true, minute, guard, offsets, inspection, shape);
    }
}
