package io.clickgive.session;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who asks for a proof-of-work challenge: the identity the session request will carry (see POST /api/identities). */
public record ChallengeRequest(@Schema(nullable = true) @Size(max = 200) String identity) {
}
