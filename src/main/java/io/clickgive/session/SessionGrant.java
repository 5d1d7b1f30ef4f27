package io.clickgive.session;

import io.clickgive.guard.ProofOfWork;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * The session granted to a player: report clicks with the token, as offsets in ms since startsAt. {@code grantedAt} is
 * the server's clock when it granted the session: the page counts down startsAt − grantedAt on its own clock, whatever
 * the phone's clock says. {@code acceptsUntil} is the last instant the server takes the session's batches (its end and
 * the grace), so the page knows how long a batch is worth retrying without keeping the server's setting itself.
 * {@code next} is the proof-of-work challenge for the player's next session, so a player who plays again needs no
 * extra request; null while the campaign's guard is off, and for an established player, whose next session needs none.
 */
public record SessionGrant(String sessionId, String token, Instant grantedAt, Instant startsAt, Instant endsAt,
                           Instant acceptsUntil, int maxClicks, int megabytesPerClick,
                           @Schema(nullable = true) ProofOfWork.Challenge next) {
}
