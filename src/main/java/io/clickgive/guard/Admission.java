package io.clickgive.guard;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Decides who may start a session and how hard their puzzle is. Limits per network stay generous (carrier-grade NAT
 * puts thousands of phones behind one address); the player's limit carries the weight. Both are GCRA buckets charged by
 * the grant script, in the player's counter shard. The puzzle's difficulty is decided here, from in-memory counts.
 */
@ApplicationScoped
public class Admission {

    /** Challenges a player needs per minute when playing non-stop (one round takes about 16 s). */
    static final int PLAYER_CHALLENGES_PER_MINUTE = 4;

    private final TrustedProxies proxies;
    private final Networks networkOf;
    private final LoadMeter load;
    private final Clock clock;
    private final RequesterCounts players = new RequesterCounts();
    private final RequesterCounts networks = new RequesterCounts();

    public Admission(ClickgiveConfig config, LoadMeter load, Clock clock, Networks networks) {
        this.proxies = new TrustedProxies(config.guard().trustedProxies());
        this.networkOf = networks;
        this.load = load;
        this.clock = clock;
    }

    /** The client's address, believing X-Forwarded-For only through our own proxies. */
    public String clientAddress(String peer, String forwardedFor) {
        return proxies.client(peer, forwardedFor);
    }

    /** The client's networks (its address or IPv6 /64, and the wider prefix), from a trustworthy address. */
    public Networks.Network network(String peer, String forwardedFor) {
        return networkOf.of(clientAddress(peer, forwardedFor));
    }

    /** A header's value if the request came from one of our proxies (a gateway's vouching), otherwise null. */
    public String fromProxy(String peer, String value) {
        return value != null && proxies.trusted(peer) ? value : null;
    }

    /** Counts a challenge for this requester and answers its puzzle's difficulty (numbers to search). */
    public long difficulty(long campaignId, GuardSettings guard, String player, String network) {
        if (!guard.enabled()) {
            return 0;
        }
        long now = clock.millis();
        return difficulty(guard, players.add(campaignId + ":" + player, now), networks.add(campaignId + ":" + network, now),
                load.perSecond(campaignId));
    }

    /**
     * The puzzle grows fourfold per step: a step for each doubling of the player's challenges beyond what a non-stop
     * player needs, of its network's beyond an eighth of the network's session limit, and of this instance's session
     * rate beyond the campaign's load step.
     */
    static long difficulty(GuardSettings guard, long playerPerMinute, long networkPerMinute, double sessionsPerSecond) {
        long networkAllowance = 60_000L / guard.networkIntervalMs() / 8;
        int steps = doublings(playerPerMinute, PLAYER_CHALLENGES_PER_MINUTE) + doublings(networkPerMinute, networkAllowance)
                + doublings(sessionsPerSecond, guard.powLoadStep());
        long difficulty = guard.powDifficulty();
        for (int i = 0; i < steps && difficulty < guard.powMaxDifficulty(); i++) {
            difficulty *= 4;
        }
        return Math.min(difficulty, Math.max(guard.powDifficulty(), guard.powMaxDifficulty()));
    }

    /** The smallest k with base × 2^k ≥ value (counted, not computed with logarithms, which round 4 up to 4.0000001). */
    private static int doublings(double value, double base) {
        int k = 0;
        for (double reach = Math.max(base, 1e-9); reach < value && k < 64; reach *= 2) {
            k++;
        }
        return k;
    }

    /** The grant script's refusal as a 429 (limits and budgets) or 403 (a proof missing or reused). */
    public static ClientError refusal(Reason reason, long waitMillis) {
        return switch (reason) {
            // One text for every limit: a person needs the wait, a script should not learn which limit it met.
            case PLAYER_RATE, FRESH_RATE, NETWORK_RATE, WIDE_RATE -> reason.tooMany("The next round opens in "
                    + (waitMillis + 999) / 1000 + " s", waitMillis);
            case POW_MISSING -> reason.refusal(403, "This player needs a proof of work for its session: ask for a "
                    + "challenge, then solve it");
            default -> reason.refusal(403, "This proof of work was used already; solve a new challenge");
        };
    }
}
