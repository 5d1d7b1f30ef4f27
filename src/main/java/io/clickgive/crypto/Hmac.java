package io.clickgive.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * HMAC-SHA256 under one key. A Mac is set up once per thread and reused: looking the algorithm up and initialising the
 * key on every call cost more than the hash itself on the click path.
 */
public final class Hmac {

    private final ThreadLocal<Mac> macs;

    public Hmac(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    public Hmac(String key) {
        this(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A key for one purpose, derived from this one under its label: a hash or signature made for one purpose cannot
     * be matched against, or passed off as, another's.
     */
    public Hmac derive(String label) {
        return new Hmac(derivedKey(label));
    }

    /** The bytes of the key {@link #derive} makes, for a library that takes its key itself. */
    public byte[] derivedKey(String label) {
        return sign("clickgive key|" + label);
    }

    /** A keyed hash that stands in for a value: 16 bytes of its signature, base64url (22 characters, whatever the value). */
    public String hash(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sign(value), 16));
    }

    public byte[] sign(String value) {
        return macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
