package io.clickgive.session;

import io.clickgive.guard.ProofOfWork;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A player's request for a session: the page's install id and, if the player picked one, a region (both optional),
 * and the solution of the proof-of-work challenge the player was issued (required while the campaign's guard is on).
 */
public record SessionRequest(
        @Size(max = 128) String fingerprint,
        @Pattern(regexp = "MA-[0-9]{2}", message = "must be a region code such as MA-06") String region,
        ProofOfWork.Solution proof) {
}
