package io.clickgive.counters;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The player's team as the click path reads it: the field {@code team} of the player's hash in its shard
 * ({@code cg:{c<campaign>.s<shard>}:player:<player>}), read by grant.lua and carried by the session token into every
 * ledger entry of the round. PostgreSQL's {@code team_member} is the membership; this is its copy where the click path
 * can read it without a second call.
 */
@ApplicationScoped
public class TeamCounters {

    private final RedisDataSource redis;

    TeamCounters(RedisDataSource redis) {
        this.redis = redis;
    }

    /** The player plays for {@code team} from its next round; the hash lives at least {@code memoryMs}. */
    public void join(ShardKeys keys, String player, long team, long memoryMs) {
        String key = keys.player(player);
        redis.execute("HSET", key, "team", Long.toString(team));
        // NX: a hash the guard keeps already has its own expiry, which grant.lua renews; a new one gets the memory.
        redis.execute("PEXPIRE", key, Long.toString(memoryMs), "NX");
    }

    /** The player plays for no team from its next round. */
    public void leave(ShardKeys keys, String player) {
        redis.execute("HDEL", keys.player(player), "team");
    }

    /** The team the click path would count the player's next round for, or null. */
    public Long team(ShardKeys keys, String player) {
        var value = redis.execute("HGET", keys.player(player), "team");
        return value == null ? null : Long.parseLong(value.toString());
    }
}
