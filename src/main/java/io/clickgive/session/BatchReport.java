package io.clickgive.session;

import io.clickgive.web.ClientError;

import java.util.List;

/**
 * A client's report of clicks inside a session: its sequence number and the click offsets in ms since startsAt.
 * Checked by {@link #check()} rather than by bean validation: this is the busiest request, and the validator's
 * per-element walk over the offsets cost a tenth of the app's CPU under load.
 */
public record BatchReport(String token, Integer seq, List<Integer> offsets) {

    /** Far above any human batch (16 clicks/s for 2 minutes); keeps a request small. */
    public static final int MAX_OFFSETS = 2000;
    public static final int MAX_SEQ = 10_000;

    /** Refuses a malformed report with a 400 that names the field. */
    public BatchReport check() {
        if (token == null || token.isBlank()) {
            throw ClientError.badRequest("token: must not be blank");
        }
        if (seq == null || seq < 1 || seq > MAX_SEQ) {
            throw ClientError.badRequest("seq: must be between 1 and " + MAX_SEQ);
        }
        if (offsets == null || offsets.size() > MAX_OFFSETS) {
            throw ClientError.badRequest("offsets: must be a list of at most " + MAX_OFFSETS + " click offsets");
        }
        for (int i = 0; i < offsets.size(); i++) {
            if (offsets.get(i) == null) {
                throw ClientError.badRequest("offsets[" + i + "]: must not be null");
            }
        }
        return this;
    }
}
