package io.clickgive.session;

import io.clickgive.common.ClickgiveConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

/**
 * Turns what identifies a player into keyed hashes, so no fingerprint or IP address is ever stored in clear.
 * A network's hash uses a key that changes every day: yesterday's hashes cannot be linked to today's.
 */
@ApplicationScoped
public class Players {

    private final byte[] key;
    private final Clock clock;

    public Players(ClickgiveConfig config, Clock clock) {
        this.key = config.privacy().key().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The player: the page's own install id when it sent one, otherwise its network and browser of the day. */
    public String player(String fingerprint, String address, String userAgent) {
        if (fingerprint != null && !fingerprint.isBlank()) {
            return hash(key, "fingerprint|" + fingerprint);
        }
        return "n" + network(address + "|" + (userAgent == null ? "" : userAgent));
    }

    /** The keyed hash of a network address under today's key. */
    public String network(String address) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        byte[] dayKey = hmac(key, "day|" + day);
        return hash(dayKey, "network|" + address);
    }

    private static String hash(byte[] key, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac(key, value), 16));
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
