package io.clickgive.guard;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.ClientError;
import io.clickgive.common.RedisScripts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Decides who may start a session: a GCRA limit per network here, and one per player inside the grant script.
 * Limits per network stay generous (carrier-grade NAT); the player's limit carries the weight.
 */
@ApplicationScoped
public class Admission {

    private final RedisScripts scripts;
    private final RedisScripts.Script admit;
    private final TrustedProxies proxies;
    private final ClickgiveConfig.Guard settings;
    private final Clock clock;

    public Admission(RedisScripts scripts, ClickgiveConfig config, Clock clock) {
        this.scripts = scripts;
        this.admit = scripts.script("admit");
        this.settings = config.guard();
        this.proxies = new TrustedProxies(settings.trustedProxies());
        this.clock = clock;
    }

    /** The client's address, believing X-Forwarded-For only through our own proxies. */
    public String clientAddress(String peer, String forwardedFor) {
        return proxies.client(peer, forwardedFor);
    }

    /** Charges the network's bucket; fails with 429 and Retry-After when it is empty. */
    public Uni<Void> admitNetwork(String network) {
        List<String> args = List.of(Long.toString(settings.networkInterval().toMillis()),
                Integer.toString(settings.networkBurst()), Long.toString(clock.millis()));
        return scripts.run(admit, List.of("cg:network:" + network), args).map(wait -> {
            long ms = wait.toLong();
            if (ms > 0) {
                throw ClientError.tooManyRequests("Too many sessions from this network; try again shortly", ms);
            }
            return null;
        });
    }

    /** Arguments of the player's limit for the grant script: interval ms, burst, now. */
    public List<String> playerLimit() {
        return List.of(Long.toString(settings.playerInterval().toMillis()), Integer.toString(settings.playerBurst()),
                Long.toString(clock.millis()));
    }

    public static ClientError playerRefused(long waitMillis) {
        return ClientError.tooManyRequests("Too many sessions for this player; the next one opens in "
                + (waitMillis + 999) / 1000 + " s", waitMillis);
    }
}
