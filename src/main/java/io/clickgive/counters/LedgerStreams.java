package io.clickgive.counters;

import io.clickgive.common.ClickgiveConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.ClaimedMessages;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shards' ledger streams, where batch.lua leaves every accepted batch until a LedgerWriter has it in PostgreSQL,
 * and their dead-letter streams. All instances read through one consumer group.
 */
@ApplicationScoped
public class LedgerStreams {

    static final String GROUP = "ledger";

    /** An entry as read: its stream id and fields, and the entry they make (null when they make none). */
    public record Read(String id, Map<String, String> fields, LedgerEntry entry, String unreadable) {

        static Read of(StreamMessage<String, String, String> message) {
            try {
                return new Read(message.id(), message.payload(), LedgerEntry.of(message.id(), message.payload()), null);
            } catch (IllegalArgumentException e) {
                return new Read(message.id(), message.payload(), null, e.getMessage());
            }
        }
    }

    /** dead-letter.lua's call and answer (its header documents them). */
    public record DeadLetterCall(String group, String id, Map<String, String> fields, String reason, int deliveries) {
    }

    public record DeadLetterAnswer(boolean moved) {
    }

    private final StreamCommands<String, String, String> streams;
    private final Scripts scripts;
    private final Scripts.Script deadLetter;
    private final int shards;
    private final Set<String> grouped = ConcurrentHashMap.newKeySet();

    LedgerStreams(RedisDataSource redis, Scripts scripts, ClickgiveConfig config) {
        this.streams = redis.stream(String.class, String.class, String.class);
        this.scripts = scripts;
        this.deadLetter = scripts.script("dead-letter");
        this.shards = config.counters().shards();
    }

    /**
     * Entries for a consumer: first those idle for {@code claimIdle} under any consumer (when given: a dead instance's),
     * then its own pending ones ({@code pending}, after a failed pass) or new ones. They stay pending under that name
     * until {@link #acknowledge}d. A stream whose group Redis lost gives nothing this time; the group is made again.
     */
    public List<Read> take(ShardKeys keys, String consumer, Optional<Duration> claimIdle, boolean pending, int count) {
        String stream = keys.ledger();
        try {
            ensureGroup(stream);
            List<StreamMessage<String, String, String>> messages = new ArrayList<>();
            if (claimIdle.isPresent()) {
                ClaimedMessages<String, String, String> claimed = streams.xautoclaim(stream, GROUP, consumer,
                        claimIdle.get(), "0-0", count);
                messages.addAll(claimed.getMessages());
            }
            messages.addAll(streams.xreadgroup(GROUP, consumer, stream, pending ? "0" : ">",
                    new XReadGroupArgs().count(count)));
            return messages.stream().map(Read::of).toList();
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                grouped.remove(stream); // Redis lost the group (restart without persistence): create it again next pass
                return List.of();
            }
            throw e;
        }
    }

    /** The entries are in the ledger: they leave the group's pending list and the stream. */
    public void acknowledge(ShardKeys keys, List<String> ids) {
        String[] array = ids.toArray(String[]::new);
        streams.xack(keys.ledger(), GROUP, array);
        streams.xdel(keys.ledger(), array);
    }

    /** How many times the group has handed out an entry (0 if it is not pending). */
    public int deliveries(ShardKeys keys, String id) {
        return streams.xpending(keys.ledger(), GROUP, StreamRange.of(id, id), 1).stream()
                .mapToInt(PendingMessage::getDeliveryCount).findFirst().orElse(0);
    }

    /** Moves an entry to the shard's dead-letter stream with why, in one script; answers whether this call moved it. */
    public boolean deadLetter(ShardKeys keys, String id, Map<String, String> fields, String reason, int deliveries) {
        return scripts.callBlocking(deadLetter, List.of(keys.ledger(), keys.deadLetters()),
                new DeadLetterCall(GROUP, id, fields, reason, deliveries), DeadLetterAnswer.class).moved();
    }

    /** Entries of the ledger stream from {@code from} (exclusive with a leading "(") to {@code to}, at most count. */
    public List<Read> range(ShardKeys keys, String from, String to, int count) {
        return streams.xrange(keys.ledger(), StreamRange.of(from, to), count).stream().map(Read::of).toList();
    }

    /** What a kind of stream of a campaign holds: entries over the shards, and the oldest one's arrival (ms). */
    public record Backlog(long entries, Optional<Long> oldestAt) {
    }

    /** The campaign's ledger streams: what waits for PostgreSQL. */
    public Backlog waiting(long campaignId) {
        return backlog(campaignId, false);
    }

    /** The campaign's dead-letter streams: what a person must look at. */
    public Backlog dead(long campaignId) {
        return backlog(campaignId, true);
    }

    /** Entries waiting in a campaign's ledger streams (one XLEN a shard: cheap enough to ask every second). */
    public long length(long campaignId) {
        long entries = 0;
        for (ShardKeys keys : ShardKeys.of(campaignId, shards)) {
            entries += streams.xlen(keys.ledger());
        }
        return entries;
    }

    private Backlog backlog(long campaignId, boolean dead) {
        long entries = 0;
        long oldest = Long.MAX_VALUE;
        for (ShardKeys keys : ShardKeys.of(campaignId, shards)) {
            String key = dead ? keys.deadLetters() : keys.ledger();
            long length = streams.xlen(key);
            if (length == 0) {
                continue;
            }
            entries += length;
            List<StreamMessage<String, String, String>> first = streams.xrange(key, StreamRange.of("-", "+"), 1);
            if (!first.isEmpty()) {
                String id = first.get(0).id();
                oldest = Math.min(oldest, Long.parseLong(id.substring(0, id.indexOf('-')))); // an id is "<ms>-<n>"
            }
        }
        return new Backlog(entries, oldest == Long.MAX_VALUE ? Optional.empty() : Optional.of(oldest));
    }

    private void ensureGroup(String stream) {
        if (grouped.contains(stream)) {
            return;
        }
        try {
            streams.xgroupCreate(stream, GROUP, "0", new XGroupCreateArgs().mkstream());
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
        grouped.add(stream);
    }
}
