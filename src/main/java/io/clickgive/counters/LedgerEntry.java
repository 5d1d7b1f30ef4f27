package io.clickgive.counters;

import java.util.Map;

/** One accepted batch as the batch script wrote it to a shard's ledger stream. */
public record LedgerEntry(String streamId, String sessionId, int seq, int clicks, String region, String player, long at,
                   String network, Long team, boolean opensRound, int rate) {

    /** A click's rate outside matching hours: x1, in tenths. */
    public static final int PLAIN_RATE = 10;

    public static final String NO_REGION = "-";

    /**
     * The entry the batch script wrote, checked field by field.
     *
     * @throws IllegalArgumentException naming the first field that is missing or wrong
     */
    public static LedgerEntry of(String streamId, Map<String, String> fields) {
        String session = required(fields, "s");
        String player = required(fields, "p");
        int seq = positive(fields, "q");
        int clicks = positive(fields, "n");
        long at = Long.parseLong(required(fields, "t"));
        if (at <= 0) {
            throw new IllegalArgumentException("field t (time) is not a time: " + at);
        }
        String team = fields.get("m");
        Long teamId = team == null ? null : Long.parseLong(team);
        if (teamId != null && teamId <= 0) {
            throw new IllegalArgumentException("field m (team) is not a team: " + team);
        }
        int rate = fields.containsKey("k") ? Integer.parseInt(fields.get("k")) : PLAIN_RATE;
        if (rate < PLAIN_RATE || rate > 50) {
            throw new IllegalArgumentException("field k (rate) is out of range: " + rate);
        }
        return new LedgerEntry(streamId, session, seq, clicks, fields.getOrDefault("r", NO_REGION), player, at,
                fields.get("w"), teamId, "1".equals(fields.get("o")), rate);
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field " + name + " is missing");
        }
        return value;
    }

    private static int positive(Map<String, String> fields, String name) {
        int value = Integer.parseInt(required(fields, name));
        if (value <= 0) {
            throw new IllegalArgumentException("field " + name + " is not positive: " + value);
        }
        return value;
    }

    /** The player's network hash; entries written before the ledger kept it have none. */
    public String networkOrNull() {
        return network == null || NO_REGION.equals(network) ? null : network;
    }

    public String regionOrNull() {
        return NO_REGION.equals(region) ? null : region;
    }

    /** The megabytes this entry gives at its rate, for a campaign whose plain click gives {@code megabytesPerClick}. */
    public long megabytes(int megabytesPerClick) {
        return (long) clicks * megabytesPerClick * rate / PLAIN_RATE;
    }

    public long minute() {
        return at / 60_000;
    }
}
