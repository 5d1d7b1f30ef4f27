package io.clickgive.session;

import jakarta.validation.constraints.Size;

/** Who asks for a proof-of-work challenge: the identity the session request will carry (see POST /api/identities). */
public record ChallengeRequest(@Size(max = 200) String identity) {
}
