package io.clickgive.identity;

import io.clickgive.web.ClientError;
import io.clickgive.crypto.Hmac;
import io.clickgive.crypto.Keys;
import io.clickgive.counters.DayKeys;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyed hashes that stand in for players and networks, so no identity, subscriber number or IP address is ever stored
 * in clear. Each purpose has its own key, derived from the privacy key under a label, so a hash made for one purpose
 * cannot be matched against another's.
 * <ul>
 *   <li>players: a stable hash of the identity's id (or of the gateway's subscriber value);</li>
 *   <li>networks for the day's limits and the ledger: a random key of the day, drawn by whichever replica comes first
 *       and kept in Redis (so every replica hashes alike) until the day is over, then gone: not derived from any
 *       long-lived key, so nobody — not even whoever holds the privacy key — can link one day's hashes to another's
 *       or to an address once the day has passed;</li>
 *   <li>homes and mint counts: a stable key, because an identity keeps its home for as long as it lives and a mint
 *       weighs on its network for an hour or more, across midnight.</li>
 * </ul>
 */
@ApplicationScoped
public class KeyedHashes {

    // A day's key outlives its day by a little, for the requests that straddle midnight on a late clock.
    private static final Duration AFTER_THE_DAY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Hmac playerKey;
    private final Hmac homeKey;
    private final Clock clock;
    private final DayKeys stored;
    /** A day's key as Redis holds it (base64), and the HMAC under it. */
    private record DayKey(String encoded, Hmac hmac) {
    }

    /** Today's and tomorrow's keys, read from Redis off the request path (hashing is on the click path). */
    private final Map<LocalDate, DayKey> dayKeys = new ConcurrentHashMap<>();

    public KeyedHashes(Keys keys, Clock clock, DayKeys stored) {
        this.playerKey = keys.privacy("player");
        this.homeKey = keys.privacy("home");
        this.clock = clock;
        this.stored = stored;
    }

    void onStart(@Observes @Priority(6) StartupEvent event) {
        refreshDayKeys();
    }

    /**
     * Makes sure today's and tomorrow's keys exist in Redis and holds what Redis has: drawn ahead, so midnight needs
     * no round trip; read again every minute, so replicas agree within a minute. After Redis lost its data, the first
     * replica to notice puts back the key it holds, so the day's hashes do not split.
     */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshDayKeys() {
        LocalDate today = today();
        for (LocalDate day : new LocalDate[]{today, today.plusDays(1)}) {
            try {
                String key = dayKey(day);
                dayKeys.compute(day, (d, held) -> held != null && held.encoded().equals(key) ? held
                        : new DayKey(key, new Hmac(Base64.getDecoder().decode(key))));
            } catch (RuntimeException e) {
                Log.warnf("Could not read the day key of %s from Redis: %s", day, e.getMessage());
            }
        }
        dayKeys.keySet().removeIf(day -> day.isBefore(today));
    }

    /**
     * The day's key as Redis holds it; if Redis has none, the one this replica holds for the day, or else one drawn
     * now at random.
     */
    String dayKey(LocalDate day) {
        DayKey held = dayKeys.get(day);
        String mine = held == null ? null : held.encoded();
        if (mine == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            mine = Base64.getEncoder().encodeToString(fresh);
        }
        return stored.agree(day, mine, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).plus(AFTER_THE_DAY).toInstant());
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
        DayKey key = dayKeys.get(today());
        if (key == null) { // only if Redis has been unreachable since before midnight: counting would split
            throw ClientError.unavailable("The service is catching up; try again in a minute", 60);
        }
        return hash(key.hmac(), "network|" + network);
    }

    /** The stable keyed hash of a network: an identity's home, a network's mint count. */
    public String home(String network) {
        return hash(homeKey, "home|" + network);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static String hash(Hmac key, String value) {
        return key.hash(value);
    }
}
