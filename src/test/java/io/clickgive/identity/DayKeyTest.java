package io.clickgive.identity;

import io.clickgive.crypto.Hmac;
import io.clickgive.crypto.Keys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A network's hash is made under a random key of the day that every replica reads from Redis and that is gone soon
 * after its day: nothing long-lived (not the privacy key) can recompute it, so a past day's hashes link to nothing.
 */
@QuarkusTest
class DayKeyTest {

    @Inject
    KeyedHashes players;
    @Inject
    Keys keys;
    @Inject
    RedisDataSource redis;

    @Test
    void networksAreHashedUnderTheDaysRandomKeyFromRedisWhichExpiresAfterTheDay() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String stored = redis.value(String.class).get("cg:day-key:" + today);
        assertNotNull(stored, "today's key is in Redis, where every replica reads it");
        assertEquals(32, Base64.getDecoder().decode(stored).length);
        assertEquals(new Hmac(Base64.getDecoder().decode(stored)).hash("network|198.51.100.0/24"),
                players.network("198.51.100.0/24"), "the hash is under Redis's key of the day");
        assertNotEquals(keys.privacy("day").derive(today.toString()).hash("network|198.51.100.0/24"),
                players.network("198.51.100.0/24"), "not under a key derived from the privacy key");

        long endOfDay = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long expires = Instant.now().getEpochSecond() + redis.key().ttl("cg:day-key:" + today);
        assertTrue(expires > endOfDay && expires <= endOfDay + 600 + 2, "expires 10 minutes after its day: " + expires);
        long tomorrow = redis.key().ttl("cg:day-key:" + today.plusDays(1));
        assertTrue(tomorrow > 86_400, "tomorrow's key is drawn ahead (midnight needs no round trip): ttl " + tomorrow);
    }

    @Test
    void aKeyRedisLostIsPutBackByAReplicaThatHoldsItAndADayNobodyHoldsIsDrawnAtRandom() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String before = players.network("203.0.113.0/24");
        String first = players.dayKey(today);
        assertEquals(first, players.dayKey(today), "a replica that comes second reads the first one's key");

        redis.key().del("cg:day-key:" + today); // Redis lost its data
        players.refreshDayKeys();
        assertEquals(first, redis.value(String.class).get("cg:day-key:" + today), "put back: the day's hashes do not split");
        assertEquals(before, players.network("203.0.113.0/24"));

        LocalDate later = today.plusDays(5); // a day no replica holds yet
        String drawn = players.dayKey(later);
        assertEquals(32, Base64.getDecoder().decode(drawn).length);
        assertNotEquals(first, drawn);
        assertNotEquals(keys.privacy("day").derive(later.toString()).hash("x"), new Hmac(Base64.getDecoder().decode(drawn)).hash("x"),
                "random, not derived");
        redis.key().del("cg:day-key:" + later);
    }
}
