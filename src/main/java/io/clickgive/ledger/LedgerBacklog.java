package io.clickgive.ledger;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.ShardKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * How far the PostgreSQL ledger lags behind the counted clicks: the batches still waiting in a campaign's ledger
 * streams, and the age of the oldest. The LedgerWriter deletes an entry only once it is in the ledger, so the oldest
 * entry's id (its arrival time in ms) is exactly how late the ledger is.
 */
@ApplicationScoped
public class LedgerBacklog {

    /**
     * {@code oldestMillis} is 0 when nothing waits. Dead letters: entries that could not be recorded and were set aside
     * (LedgerWriter), with the age of the oldest (0 when there is none). Shedding: new sessions are refused because
     * the batches waiting in every campaign's streams ({@code allBatches}) passed {@code shedBound} (LoadShedding).
     */
    public record Backlog(long batches, long oldestMillis, long deadLetters, long oldestDeadLetterMillis,
                          boolean shedding, long allBatches, long shedBound) {
    }

    private final StreamCommands<String, String, String> streams;
    private final int shards;
    private final Clock clock;
    private final LoadShedding shedding;
    private final long shedBound;

    public LedgerBacklog(RedisDataSource redis, ClickgiveConfig config, Clock clock, LoadShedding shedding) {
        this.streams = redis.stream(String.class, String.class, String.class);
        this.shedding = shedding;
        this.shedBound = config.ledger().shedBacklog();
        this.shards = config.counters().shards();
        this.clock = clock;
    }

    public Backlog of(long campaignId) {
        Tally waiting = new Tally();
        Tally dead = new Tally();
        for (ShardKeys keys : ShardKeys.of(campaignId, shards)) {
            waiting.add(keys.ledger());
            dead.add(keys.deadLetters());
        }
        return new Backlog(waiting.entries, waiting.age(), dead.entries, dead.age(), shedding.shedding(),
                shedding.backlog(), shedBound);
    }

    /** Entries of a campaign's streams of one kind, and the oldest's arrival (its id's time). */
    private final class Tally {
        long entries;
        long oldest = Long.MAX_VALUE;

        void add(String key) {
            long length = streams.xlen(key);
            if (length == 0) {
                return;
            }
            entries += length;
            List<StreamMessage<String, String, String>> first = streams.xrange(key, StreamRange.of("-", "+"), 1);
            if (!first.isEmpty()) {
                String id = first.get(0).id();
                oldest = Math.min(oldest, Long.parseLong(id.substring(0, id.indexOf('-'))));
            }
        }

        long age() {
            return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest);
        }
    }
}
