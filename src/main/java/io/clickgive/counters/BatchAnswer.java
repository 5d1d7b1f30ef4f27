package io.clickgive.counters;

import java.util.Map;

/**
 * What batch.lua answers: a new answer, the first answer again for a replayed seq, or gone (the session is unknown).
 * The counts are by reason code; the public sees them by word (see {@link BatchResult}).
 */
public record BatchAnswer(String kind, Counted answer) {

    public record Counted(int accepted, int rejected, Map<String, Integer> rejections, int sessionClicks, int held,
                          long sessionExtra) {
    }

    public boolean gone() {
        return "gone".equals(kind);
    }

    /** The shard's quota of the sponsor's purse cannot cover the batch: nothing was written. */
    public boolean isShort() {
        return "short".equals(kind);
    }

    public boolean replayed() {
        return "replay".equals(kind);
    }
}
