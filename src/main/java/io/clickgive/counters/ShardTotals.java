package io.clickgive.counters;

import java.util.Map;
import java.util.TreeMap;

/**
 * Live counters of a campaign, summed over its shards: sessions, players, clicks and likes per region ("-" for none),
 * rejected clicks and refused sessions per reason, and the megabytes matching hours added per region.
 */
public record ShardTotals(long sessions, long participants, Map<String, Long> clicks, Map<String, Long> likes,
                          Map<String, Long> rejectedClicks, Map<String, Long> refusedSessions, Map<String, Long> matched) {

    public static final String NO_REGION = "-";

    static ShardTotals empty() {
        return new ShardTotals(0, 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** These counters and one more shard's totals hash and player count. */
    ShardTotals plus(Map<String, String> totals, long players) {
        Map<String, Long> c = new TreeMap<>(clicks);
        Map<String, Long> l = new TreeMap<>(likes);
        Map<String, Long> x = new TreeMap<>(rejectedClicks);
        Map<String, Long> y = new TreeMap<>(refusedSessions);
        Map<String, Long> m = new TreeMap<>(matched);
        long[] s = {sessions};
        totals.forEach((name, text) -> TotalsField.parse(name).ifPresent(field -> {
            long value = Long.parseLong(text);
            switch (field.kind()) {
                case SESSIONS -> s[0] += value;
                case CLICKS -> c.merge(field.code(), value, Long::sum);
                case LIKES -> l.merge(field.code(), value, Long::sum);
                case REJECTED -> x.merge(field.code(), value, Long::sum);
                case REFUSED -> y.merge(field.code(), value, Long::sum);
                case MATCHED -> m.merge(field.code(), value, Long::sum);
                case HELD, MATCHED_HELD -> { } // the reconcile's business: held clicks are already out of r: and m:
            }
        }));
        return new ShardTotals(s[0], participants + players, c, l, x, y, m);
    }

    public long clickTotal() {
        return clicks.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Megabytes matching hours added, beyond the clicks' plain worth. */
    public long matchedTotal() {
        return matched.values().stream().mapToLong(Long::longValue).sum();
    }

    public long likeTotal() {
        return likes.values().stream().mapToLong(Long::longValue).sum();
    }
}
