package io.clickgive.guard;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.ClientError;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

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
    private final LoadMeter load;
    private final Clock clock;
    private final int shards;
    private final RequesterCounts players = new RequesterCounts();
    private final RequesterCounts networks = new RequesterCounts();

    public Admission(ClickgiveConfig config, LoadMeter load, Clock clock) {
        this.proxies = new TrustedProxies(config.guard().trustedProxies());
        this.load = load;
        this.clock = clock;
        this.shards = config.counters().shards();
    }

    /** The client's address, believing X-Forwarded-For only through our own proxies. */
    public String clientAddress(String peer, String forwardedFor) {
        return proxies.client(peer, forwardedFor);
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

    /** The grant script's guard arguments: on/off, player interval and burst, this shard's share of the network's. */
    public List<String> grantArguments(GuardSettings guard) {
        if (!guard.enabled()) {
            return List.of("0", "0", "0", "0", "0");
        }
        return List.of("1", Long.toString(guard.playerIntervalSeconds() * 1000L), Integer.toString(guard.playerBurst()),
                Long.toString((long) guard.networkIntervalMs() * shards),
                Integer.toString((guard.networkBurst() + shards - 1) / shards));
    }

    /** The grant script's refusal as a 429 (rate limits) or 403 (a reused proof). */
    public static ClientError refusal(Reason reason, long waitMillis) {
        return switch (reason) {
            case PLAYER_RATE -> ClientError.tooManyRequests(reason.name(), "Too many sessions for this player; the next "
                    + "one opens in " + (waitMillis + 999) / 1000 + " s", waitMillis);
            case NETWORK_RATE -> ClientError.tooManyRequests(reason.name(),
                    "Too many sessions from this network; try again shortly", waitMillis);
            default -> ClientError.refused(403, reason.name(), "This proof of work was used already; solve a new challenge");
        };
    }
}
