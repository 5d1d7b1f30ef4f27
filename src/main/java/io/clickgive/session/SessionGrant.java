package io.clickgive.session;

import java.time.Instant;

/** The session granted to a player: report clicks with the token, as offsets in ms since startsAt. */
public record SessionGrant(String sessionId, String token, Instant startsAt, Instant endsAt, int maxClicks,
                           int megabytesPerClick) {
}
