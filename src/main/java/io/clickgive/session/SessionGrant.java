package io.clickgive.session;

import io.clickgive.guard.ProofOfWork;

import java.time.Instant;

/**
 * The session granted to a player: report clicks with the token, as offsets in ms since startsAt. {@code next} is the
 * proof-of-work challenge for the player's next session, so a player who plays again needs no extra request; null
 * while the campaign's guard is off, and for an established player, whose next session needs no proof. {@code grantedAt} is the server's clock when it granted the session: the page
 * counts down startsAt − grantedAt on its own clock, whatever the phone's clock says.
 */
public record SessionGrant(String sessionId, String token, Instant grantedAt, Instant startsAt, Instant endsAt, int maxClicks,
                           int megabytesPerClick, ProofOfWork.Challenge next) {
}
