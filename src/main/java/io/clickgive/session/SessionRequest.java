package io.clickgive.session;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A player's request for a session: the page's install id and, if the player picked one, a region. Both optional. */
public record SessionRequest(
        @Size(max = 128) String fingerprint,
        @Pattern(regexp = "MA-[0-9]{2}", message = "must be a region code such as MA-06") String region) {
}
