package io.clickgive.guard;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * The budget of a player's own calls: its teams (create, join, leave, mine) and its impact (its story, its erasure).
 * Each is a PostgreSQL query or two for whoever holds a valid identity, and an identity, once minted (a proof of work),
 * can be reused as fast as a script sends; without a budget one identity could keep the database busy that the ledger
 * writer and the console share. Counted in memory (no Redis call, no query): a refusal costs nothing but the count.
 * Behind several replicas the budget is per replica, which bounds a flood as well.
 */
@ApplicationScoped
public class PlayerCalls {

    private final RequesterCounts counts = new RequesterCounts();
    private final Clock clock;
    private final int perMinute;

    public PlayerCalls(Clock clock, ClickgiveConfig config) {
        this.clock = clock;
        this.perMinute = config.guard().playerCallsPerMinute();
    }

    /** Counts one call of this player; past the budget, a 429 saying when to come back. */
    public void spend(String player) {
        long now = clock.millis();
        int calls = counts.add(player, now);
        if (calls > perMinute) {
            throw ClientError.tooManyRequests("WAIT", "PLAYER_CALLS", "This player made " + calls
                    + " calls in the last minute; " + perMinute + " are accepted", 60_000 - now % 60_000);
        }
    }
}
