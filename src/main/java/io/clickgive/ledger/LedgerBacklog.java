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

    /** {@code oldestMillis} is 0 when nothing waits. */
    public record Backlog(long batches, long oldestMillis) {
    }

    private final StreamCommands<String, String, String> streams;
    private final int shards;
    private final Clock clock;

    public LedgerBacklog(RedisDataSource redis, ClickgiveConfig config, Clock clock) {
        this.streams = redis.stream(String.class, String.class, String.class);
        this.shards = config.counters().shards();
        this.clock = clock;
    }

    public Backlog of(long campaignId) {
        long batches = 0;
        long oldest = Long.MAX_VALUE;
        for (ShardKeys keys : ShardKeys.of(campaignId, shards)) {
            long waiting = streams.xlen(keys.ledger());
            if (waiting == 0) {
                continue;
            }
            batches += waiting;
            List<StreamMessage<String, String, String>> first = streams.xrange(keys.ledger(), StreamRange.of("-", "+"), 1);
            if (!first.isEmpty()) {
                String id = first.get(0).id();
                oldest = Math.min(oldest, Long.parseLong(id.substring(0, id.indexOf('-'))));
            }
        }
        return new Backlog(batches, oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest));
    }
}
