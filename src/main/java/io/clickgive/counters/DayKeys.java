package io.clickgive.counters;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The day keys that networks are hashed under ({@code cg:day-key:<date>}), kept in Redis so that every replica hashes
 * alike, and gone with their day (identity.KeyedHashes holds the keys; this only stores them).
 */
@ApplicationScoped
public class DayKeys {

    private final ValueCommands<String, String> values;

    DayKeys(RedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /**
     * The day's key as Redis holds it, after offering {@code candidate} (base64) in case it holds none: the first offer
     * wins, every replica then reads the same. The key expires at {@code expiresAt}.
     */
    public String agree(LocalDate day, String candidate, Instant expiresAt) {
        String key = "cg:day-key:" + day;
        values.set(key, candidate, new SetArgs().nx().exAt(expiresAt.getEpochSecond()));
        return values.get(key);
    }
}
