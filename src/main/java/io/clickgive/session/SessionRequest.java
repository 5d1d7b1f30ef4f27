package io.clickgive.session;

import io.clickgive.common.ClientError;
import io.clickgive.guard.ProofOfWork;

import java.util.regex.Pattern;

/**
 * A player's request for a session: the page's install id and, if the player picked one, a region (both optional),
 * and the solution of the proof-of-work challenge the player was issued (required while the campaign's guard is on).
 * Checked by {@link #check()}, as {@link BatchReport} is: it is the click path's second busiest request.
 */
public record SessionRequest(String fingerprint, String region, ProofOfWork.Solution proof) {

    private static final Pattern REGION = Pattern.compile("MA-[0-9]{2}");

    /** Refuses a malformed request with a 400 that names the field. */
    public SessionRequest check() {
        if (fingerprint != null && fingerprint.length() > 128) {
            throw ClientError.badRequest("fingerprint: size must be between 0 and 128");
        }
        if (region != null && !REGION.matcher(region).matches()) {
            throw ClientError.badRequest("region: must be a region code such as MA-06");
        }
        return this;
    }
}
