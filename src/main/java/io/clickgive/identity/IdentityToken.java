package io.clickgive.identity;

import io.clickgive.crypto.Hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A player identity as the server issued it: {@code i1.<id>.<home>.<mintedAt>.<mac>}. The id is random and drawn by
 * the server, the home is the keyed hash of the network it was minted on, and the MAC (HMAC-SHA256 under the identity
 * key, 16 bytes) makes every part unchangeable: the client holds the token, it cannot choose what is in it.
 */
public record IdentityToken(String id, String home, long mintedAt) {

    private static final String VERSION = "i1";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    public String sign(Hmac key) {
        String payload = payload();
        return payload + "." + mac(key, payload);
    }

    /** The token's claims if this key (or one of the keys accepted before a rotation) signed it; empty otherwise. */
    public static Optional<IdentityToken> verify(String token, java.util.List<Hmac> keys) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0]) || !PART.matcher(parts[1]).matches()
                || !PART.matcher(parts[2]).matches() || !PART.matcher(parts[4]).matches()) {
            return Optional.empty();
        }
        long mintedAt;
        try {
            mintedAt = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        IdentityToken claims = new IdentityToken(parts[1], parts[2], mintedAt);
        byte[] given = parts[4].getBytes(StandardCharsets.US_ASCII);
        boolean signed = false;
        for (Hmac key : keys) {
            signed |= MessageDigest.isEqual(mac(key, claims.payload()).getBytes(StandardCharsets.US_ASCII), given);
        }
        return signed ? Optional.of(claims) : Optional.empty();
    }

    private String payload() {
        return VERSION + "." + id + "." + home + "." + mintedAt;
    }

    private static String mac(Hmac key, String payload) {
        return BASE64.encodeToString(Arrays.copyOf(key.sign(payload), 16));
    }
}
