package io.clickgive.console;

import io.clickgive.crypto.Keys;
import io.clickgive.web.ClientError;
import io.clickgive.crypto.Hmac;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

/**
 * The console's forms carry a token bound to the signed-in user and the day (HMAC with a key derived from the token
 * key), checked on every post: another site cannot make a signed-in browser post a form it could not read. The
 * console's cookie is also SameSite=Strict; the token is the second lock.
 */
@ApplicationScoped
public class Csrf {

    private final Hmac hmac;
    private final Clock clock;

    public Csrf(Keys keys, Clock clock) {
        this.hmac = keys.signing(Keys.Purpose.CSRF);
        this.clock = clock;
    }

    public String token(String username) {
        return token(username, day());
    }

    /** Refuses (403) a post without today's or yesterday's token for this user; nothing is changed. */
    public void check(String username, String token) {
        if (token == null || !(same(token, token(username, day())) || same(token, token(username, day() - 1)))) {
            throw ClientError.forbidden("The form has expired or did not come from the console; reload the page");
        }
    }

    private long day() {
        return clock.millis() / 86_400_000L;
    }

    private String token(String username, long day) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.sign(username + "|" + day));
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
