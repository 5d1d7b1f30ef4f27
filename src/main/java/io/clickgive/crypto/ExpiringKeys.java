package io.clickgive.crypto;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keys for links that open one thing without an account until a day: {@code <day>.<signature>}, the signature 18
 * bytes of an HMAC of the subject and the day under the purpose's key. A forged, altered or extended key, or one for
 * another subject or purpose, opens nothing; rotating the token secret (the previous one kept) leaves keys working.
 */
@ApplicationScoped
public class ExpiringKeys {

    private static final int SIGNATURE_BYTES = 18;

    private final Keys keys;

    public ExpiringKeys(Keys keys) {
        this.keys = keys;
    }

    /** The key that opens {@code subject} for {@code purpose} until the end of {@code lastEpochDay} (UTC). */
    public String issue(Keys.Purpose purpose, String subject, long lastEpochDay) {
        return lastEpochDay + "." + signature(keys.signing(purpose), subject, lastEpochDay);
    }

    /** Whether {@code key} opens {@code subject} for {@code purpose} on {@code todayEpochDay}. */
    public boolean opens(Keys.Purpose purpose, String subject, String key, long todayEpochDay) {
        if (subject == null || key == null || key.length() > 64) {
            return false;
        }
        int dot = key.indexOf('.');
        long last;
        try {
            last = Long.parseLong(key.substring(0, Math.max(0, dot)));
        } catch (NumberFormatException e) {
            return false;
        }
        if (todayEpochDay > last) {
            return false;
        }
        byte[] given = key.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        boolean opens = false;
        List<Hmac> believed = keys.believed(purpose);
        for (Hmac hmac : believed) {
            opens |= MessageDigest.isEqual(signature(hmac, subject, last).getBytes(StandardCharsets.US_ASCII), given);
        }
        return opens;
    }

    private static String signature(Hmac hmac, String subject, long last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(hmac.sign(subject + "|" + last), SIGNATURE_BYTES));
    }
}
