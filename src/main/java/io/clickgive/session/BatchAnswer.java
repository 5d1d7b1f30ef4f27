package io.clickgive.session;

import java.util.Map;

/**
 * What batch.lua answers: a new answer, the first answer again for a replayed seq, or gone (the session is unknown).
 * The counts are by reason code; the public sees them by word (see {@link BatchResult}).
 */
record BatchAnswer(String kind, Counted answer) {

    record Counted(int accepted, int rejected, Map<String, Integer> rejections, int sessionClicks, int held) {
    }

    boolean gone() {
        return "gone".equals(kind);
    }

    boolean replayed() {
        return "replay".equals(kind);
    }
}
