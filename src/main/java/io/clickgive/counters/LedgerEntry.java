package io.clickgive.counters;

import java.util.Map;

/** One accepted batch as the batch script wrote it to a shard's ledger stream. */
public record LedgerEntry(String streamId, String sessionId, int seq, int clicks, String region, String player, long at,
                   String network) {

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
        return new LedgerEntry(streamId, session, seq, clicks, fields.getOrDefault("r", NO_REGION), player, at,
                fields.get("w"));
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

    public long minute() {
        return at / 60_000;
    }
}
