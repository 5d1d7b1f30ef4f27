package io.clickgive.totals;

import java.util.Map;
import java.util.TreeMap;

/**
 * Raw live counters of a campaign, summed over its shards: clicks and likes per region ("-" for none), rejected clicks
 * and refused sessions per reason.
 */
record ShardCounts(long sessions, long participants, Map<String, Long> clicks, Map<String, Long> likes,
                   Map<String, Long> rejectedClicks, Map<String, Long> refusedSessions) {

    static final String NO_REGION = "-";

    static ShardCounts empty() {
        return new ShardCounts(0, 0, Map.of(), Map.of(), Map.of(), Map.of());
    }

    ShardCounts plus(Map<String, String> totals, long players) {
        Map<String, Long> c = new TreeMap<>(clicks);
        Map<String, Long> l = new TreeMap<>(likes);
        Map<String, Long> x = new TreeMap<>(rejectedClicks);
        Map<String, Long> y = new TreeMap<>(refusedSessions);
        long s = sessions;
        for (Map.Entry<String, String> field : totals.entrySet()) {
            long value = Long.parseLong(field.getValue());
            String name = field.getKey();
            if (name.equals("sessions")) {
                s += value;
            } else if (name.startsWith("r:")) {
                c.merge(name.substring(2), value, Long::sum);
            } else if (name.startsWith("l:")) {
                l.merge(name.substring(2), value, Long::sum);
            } else if (name.startsWith("x:")) {
                x.merge(name.substring(2), value, Long::sum);
            } else if (name.startsWith("y:")) {
                y.merge(name.substring(2), value, Long::sum);
            }
        }
        return new ShardCounts(s, participants + players, c, l, x, y);
    }

    long clickTotal() {
        return clicks.values().stream().mapToLong(Long::longValue).sum();
    }

    long likeTotal() {
        return likes.values().stream().mapToLong(Long::longValue).sum();
    }

}
