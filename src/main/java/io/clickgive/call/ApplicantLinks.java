package io.clickgive.call;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.crypto.ExpiringKeys;
import io.clickgive.crypto.Keys;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * The applicant's key to their application's page, without an account: it expires link-validity after submission.
 * A forged, altered or expired key opens nothing, and is told apart from a wrong reference by no one (both are a 404).
 */
@ApplicationScoped
public class ApplicantLinks {

    private final ExpiringKeys keys;
    private final Clock clock;
    private final long validityDays;

    public ApplicantLinks(ExpiringKeys keys, Clock clock, ClickgiveConfig config) {
        this.keys = keys;
        this.clock = clock;
        this.validityDays = Math.max(1, config.calls().linkValidity().toDays());
    }

    /** The key of an application submitted at {@code submittedAt}. */
    public String key(String reference, Instant submittedAt) {
        return keys.issue(Keys.Purpose.APPLICANT_LINK, reference, submittedAt.getEpochSecond() / 86_400 + validityDays);
    }

    /** Whether {@code key} opens {@code reference} today. */
    public boolean opens(String reference, String key) {
        return keys.opens(Keys.Purpose.APPLICANT_LINK, reference, key, clock.instant().getEpochSecond() / 86_400);
    }
}
