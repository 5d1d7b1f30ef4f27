package io.clickgive.session;

import jakarta.validation.constraints.Size;

/** Who asks for a proof-of-work challenge: the same install id the session request will carry (optional). */
public record ChallengeRequest(@Size(max = 128) String fingerprint) {
}
