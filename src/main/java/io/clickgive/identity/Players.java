package io.clickgive.identity;

import io.clickgive.common.Keys;
import io.clickgive.common.Hmac;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Keyed hashes that stand in for players and networks, so no identity, subscriber number or IP address is ever stored
 * in clear. Each purpose has its own key, derived from the privacy key under a label, so a hash made for one purpose
 * cannot be matched against another's.
 * <ul>
 *   <li>players: a stable hash of the identity's id (or of the gateway's subscriber value);</li>
 *   <li>networks for the day's limits and the ledger: a key that changes every day, so yesterday's hashes cannot be
 *       linked to today's;</li>
 *   <li>homes and mint counts: a stable key, because an identity keeps its home for as long as it lives and a mint
 *       weighs on its network for an hour or more, across midnight.</li>
 * </ul>
 */
@ApplicationScoped
public class Players {

    /** The network key of one day. */
    private record DayKey(LocalDate day, Hmac key) {
    }

    private final Hmac dayRoot;
    private final Hmac playerKey;
    private final Hmac homeKey;
    private final Clock clock;
    private volatile DayKey today;

    public Players(Keys keys, Clock clock) {
        this.dayRoot = keys.privacy("day");
        this.playerKey = keys.privacy("player");
        this.homeKey = keys.privacy("home");
        this.clock = clock;
    }

    /** The player key of a minted identity. */
    public String player(String identityId) {
        return hash(playerKey, "identity|" + identityId);
    }

    /** The player key of a subscriber the operator's gateway vouches for. */
    public String subscriber(String value) {
        return "g" + hash(playerKey, "subscriber|" + value);
    }

    /** The player key of someone who sent no identity to a campaign without a guard: their network. */
    public String anonymous(String network) {
        return "n" + network(network);
    }

    /** The keyed hash of a network under today's key. */
    public String network(String network) {
        return hash(dayKey().key(), "network|" + network);
    }

    /** The stable keyed hash of a network: an identity's home, a network's mint count. */
    public String home(String network) {
        return hash(homeKey, "home|" + network);
    }

    private DayKey dayKey() {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DayKey current = today;
        if (current == null || !current.day().equals(day)) {
            current = new DayKey(day, dayRoot.derive(day.toString()));
            today = current;
        }
        return current;
    }

    private static String hash(Hmac key, String value) {
        return key.hash(value);
    }
}
