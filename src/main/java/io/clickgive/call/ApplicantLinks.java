package io.clickgive.call;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.crypto.Hmac;
import io.clickgive.crypto.Keys;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The applicant's key to their application's page, without an account: the day it expires and an HMAC of the
 * reference and that day ({@code 20650.Xq3…}). A forged, altered or expired key opens nothing, and is told apart from
 * a wrong reference by no one (both are a 404).
 */
@ApplicationScoped
public class ApplicantLinks {

    private static final int SIGNATURE_BYTES = 18;

    private final List<Hmac> keys;
    private final Clock clock;
    private final long validityDays;

    public ApplicantLinks(Keys keys, Clock clock, ClickgiveConfig config) {
        this.keys = keys.believed(Keys.Purpose.APPLICANT_LINK);
        this.clock = clock;
        this.validityDays = Math.max(1, config.calls().linkValidity().toDays());
    }

    /** The key of an application submitted at {@code submittedAt}. */
    public String key(String reference, Instant submittedAt) {
        long expires = submittedAt.getEpochSecond() / 86_400 + validityDays;
        return expires + "." + signature(keys.get(0), reference, expires);
    }

    /** Whether {@code key} opens {@code reference} today. */
    public boolean opens(String reference, String key) {
        if (reference == null || key == null || key.length() > 64) {
            return false;
        }
        int dot = key.indexOf('.');
        long expires;
        try {
            expires = Long.parseLong(key.substring(0, Math.max(0, dot)));
        } catch (NumberFormatException e) {
            return false;
        }
        if (clock.instant().getEpochSecond() / 86_400 > expires) {
            return false;
        }
        byte[] given = key.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        boolean opens = false;
        for (Hmac hmac : keys) {
            opens |= MessageDigest.isEqual(signature(hmac, reference, expires).getBytes(StandardCharsets.US_ASCII),
                    given);
        }
        return opens;
    }

    private static String signature(Hmac hmac, String reference, long expires) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(hmac.sign(reference + "|" + expires), SIGNATURE_BYTES));
    }
}
