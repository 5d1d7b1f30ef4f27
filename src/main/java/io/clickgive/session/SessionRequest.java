package io.clickgive.session;

import io.clickgive.guard.ProofOfWork;
import io.clickgive.web.ClientError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.regex.Pattern;

/**
 * A player's request for a session: the identity the server issued it (required while the campaign's guard is on),
 * the region if the player picked one, and the solution of the proof-of-work challenge the player was issued
 * (required while the guard is on, unless the player is established).
 * Checked by {@link #check()}, as {@link BatchReport} is: it is the click path's second busiest request.
 */
public record SessionRequest(@Schema(nullable = true) String identity, @Schema(nullable = true) String region,
                             @Schema(nullable = true) ProofOfWork.Solution proof) {

    private static final Pattern REGION = Pattern.compile("MA-[0-9]{2}");

    /** Refuses a malformed request with a 400 that names the field. */
    public SessionRequest check() {
        if (identity != null && identity.length() > 200) {
            throw ClientError.badRequest("identity: size must be between 0 and 200");
        }
        if (region != null && !REGION.matcher(region).matches()) {
            throw ClientError.badRequest("region: must be a region code such as MA-06");
        }
        return this;
    }
}
