package io.clickgive.session;

import io.clickgive.common.ClickgiveConfig;
import jakarta.enterprise.context.ApplicationScoped;

import io.clickgive.common.Hmac;

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

    /** The network key of one day. */
    private record DayKey(LocalDate day, Hmac key) {
    }

    private final Hmac key;
    private final Clock clock;
    private volatile DayKey today;

    public Players(ClickgiveConfig config, Clock clock) {
        this.key = new Hmac(config.privacy().key());
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
        return hash(dayKey().key(), "network|" + address);
    }

    private DayKey dayKey() {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DayKey current = today;
        if (current == null || !current.day().equals(day)) {
            current = new DayKey(day, new Hmac(key.sign("day|" + day)));
            today = current;
        }
        return current;
    }

    private static String hash(Hmac key, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(key.sign(value), 16));
    }
}
