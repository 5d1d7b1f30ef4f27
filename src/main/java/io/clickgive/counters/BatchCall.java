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
                 int cap, String session, String region, String player, String network, long team, int rate, int extra, long minute, boolean guard,
                 @JsonSerialize(using = CommaSeparated.class) List<Integer> offsets, @JsonRawValue String inspection, BatchShape shape) {
}
