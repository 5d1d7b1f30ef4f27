package io.clickgive.counters;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.hyperloglog.HyperLogLogCommands;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reconcile reads and moves in Redis (ledger.Reconciler): a shard's counters at one instant, drift repairs
 * (each a commutative HINCRBY, so the players' increments meanwhile are never lost), players put back, and the marker
 * whose absence says Redis lost its data.
 */
@ApplicationScoped
public class RepairCounters {

    // Present while Redis holds what the ledger's counters were rebuilt into; a Redis that lost its data lacks it.
    private static final String MARKER = "cg:reconciled";

    /**
     * snapshot.lua's answer: a shard's totals (by {@link TotalsField} spelling) and minutes (epoch minute → clicks),
     * and the id of the newest ledger entry at that instant ("" when the stream is empty).
     */
    public record Snapshot(Map<String, Long> totals, Map<String, Long> minutes, String newestEntry) {
    }

    private final RedisDataSource redis;
    private final HashCommands<String, String, Long> hashes;
    private final HyperLogLogCommands<String, String> players;
    private final Scripts scripts;
    private final Scripts.Script snapshot;

    RepairCounters(RedisDataSource redis, Scripts scripts) {
        this.redis = redis;
        this.hashes = redis.hash(String.class, String.class, Long.class);
        this.players = redis.hyperloglog(String.class);
        this.scripts = scripts;
        this.snapshot = scripts.script("snapshot");
    }

    /**
     * Takes the reconcile of a Redis that lost its data: true for the one instance that found the marker gone (held 10
     * minutes: if that instance dies half-way, another does it all again; repairs are exact).
     */
    public boolean claimLostData() {
        return redis.execute("SET", MARKER, "reconciling", "NX", "EX", "600") != null;
    }

    /** The counters are rebuilt: the marker stays until Redis loses its data again. */
    public void markRebuilt() {
        redis.execute("SET", MARKER, "done");
    }

    public Snapshot snapshot(ShardKeys keys) {
        Response answer = scripts.runBlocking(snapshot, List.of(keys.totals(), keys.minutes(), keys.ledger()), List.of());
        return new Snapshot(pairs(answer.get(0)), pairs(answer.get(1)), answer.get(2).toString());
    }

    /** Moves a field of the shard's totals hash by its drift. */
    public void moveTotal(ShardKeys keys, String field, long drift) {
        hashes.hincrby(keys.totals(), field, drift);
    }

    /** Moves a minute of the shard's minutes hash by its drift. */
    public void moveMinute(ShardKeys keys, String minute, long drift) {
        hashes.hincrby(keys.minutes(), minute, drift);
    }

    /** Adds players (their keys) to the shard's count of players. */
    public void addPlayers(ShardKeys keys, List<String> playerKeys) {
        players.pfadd(keys.players(), playerKeys.toArray(String[]::new));
    }

    private static Map<String, Long> pairs(Response flat) {
        Map<String, Long> into = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            into.put(flat.get(i).toString(), flat.get(i + 1).toLong());
        }
        return into;
    }
}
