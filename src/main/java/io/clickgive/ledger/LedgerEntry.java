package io.clickgive.ledger;

import java.util.Map;

/** One accepted batch as the batch script wrote it to a shard's ledger stream. */
record LedgerEntry(String streamId, String sessionId, int seq, int clicks, String region, String player, long at,
                   String network) {

    static final String NO_REGION = "-";

    static LedgerEntry of(String streamId, Map<String, String> fields) {
        return new LedgerEntry(streamId, fields.get("s"), Integer.parseInt(fields.get("q")),
                Integer.parseInt(fields.get("n")), fields.get("r"), fields.get("p"), Long.parseLong(fields.get("t")),
                fields.get("w"));
    }

    /** The player's network hash; entries written before the ledger kept it have none. */
    String networkOrNull() {
        return network == null || NO_REGION.equals(network) ? null : network;
    }

    String regionOrNull() {
        return NO_REGION.equals(region) ? null : region;
    }

    long minute() {
        return at / 60_000;
    }
}
