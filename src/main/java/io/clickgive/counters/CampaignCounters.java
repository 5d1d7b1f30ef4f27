package io.clickgive.counters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clickgive.common.ClickgiveConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.hyperloglog.ReactiveHyperLogLogCommands;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's counters outside the click path's scripts: the totals and minutes read for pages and dashboards
 * (reactive, summed over the shards), and the few writes the app makes itself (refusals decided before Redis, imported
 * likes, voids), each a single commutative HINCRBY so it never races the scripts.
 */
@ApplicationScoped
public class CampaignCounters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReactiveHashCommands<String, String, String> reactiveHashes;
    private final ReactiveHyperLogLogCommands<String, String> players;
    private final HashCommands<String, String, Long> hashes;
    private final HashCommands<String, String, String> texts;
    private final Scripts scripts;
    private final Scripts.Script release;
    private final int shards;

    CampaignCounters(ReactiveRedisDataSource reactive, RedisDataSource redis, Scripts scripts, ClickgiveConfig config) {
        this.reactiveHashes = reactive.hash(String.class, String.class, String.class);
        this.players = reactive.hyperloglog(String.class);
        this.hashes = redis.hash(String.class, String.class, Long.class);
        this.texts = redis.hash(String.class, String.class, String.class);
        this.scripts = scripts;
        this.release = scripts.script("release");
        this.shards = config.counters().shards();
    }

    /** Every shard's totals hash and player count, summed: one pipelined read. */
    public Uni<ShardTotals> totals(long campaignId) {
        List<Uni<Tuple2<Map<String, String>, Long>>> reads = new ArrayList<>();
        for (ShardKeys keys : ShardKeys.of(campaignId, shards)) {
            reads.add(Uni.combine().all().unis(reactiveHashes.hgetall(keys.totals()), players.pfcount(keys.players()))
                    .asTuple());
        }
        return Uni.join().all(reads).andFailFast().map(parts -> {
            ShardTotals sum = ShardTotals.empty();
            for (Tuple2<Map<String, String>, Long> part : parts) {
                sum = sum.plus(part.getItem1(), part.getItem2());
            }
            return sum;
        });
    }

    /** Accepted clicks in each of {@code minutes} epoch minutes from {@code firstMinute}, over every shard. */
    public Uni<long[]> perMinute(long campaignId, long firstMinute, int minutes) {
        String[] fields = new String[minutes];
        for (int i = 0; i < minutes; i++) {
            fields[i] = Long.toString(firstMinute + i);
        }
        // Only the minutes asked for: the hash holds every minute of the campaign.
        List<Uni<Map<String, String>>> reads = ShardKeys.of(campaignId, shards).stream()
                .map(keys -> reactiveHashes.hmget(keys.minutes(), fields)).toList();
        return Uni.join().all(reads).andFailFast().map(parts -> {
            long[] clicks = new long[minutes];
            for (Map<String, String> part : parts) {
                for (int i = 0; i < minutes; i++) {
                    String count = part.get(fields[i]);
                    clicks[i] += count == null ? 0 : Long.parseLong(count);
                }
            }
            return clicks;
        });
    }

    /** Sessions refused before Redis saw them (a bad proof, an expired token), counted in shard 0. */
    public void addRefused(long campaignId, String reason, long sessions) {
        hashes.hincrby(new ShardKeys(campaignId, 0).totals(), TotalsField.REFUSED.of(reason), sessions);
    }

    /** Imported likes by region, counted in shard 0: imports are rare and batched, so they need no spreading. */
    public void addLikes(long campaignId, Map<String, Long> byRegion) {
        String key = new ShardKeys(campaignId, 0).totals();
        byRegion.forEach((region, likes) -> hashes.hincrby(key, TotalsField.LIKES.of(region), likes));
    }

    /** Moves a shard's accepted clicks of a region (a void takes them out, a restore puts them back). */
    public void moveClicks(long campaignId, int shard, String region, long delta) {
        hashes.hincrby(new ShardKeys(campaignId, shard).totals(), TotalsField.CLICKS.of(region), delta);
    }

    /** Moves a shard region's matched megabytes (m:) by {@code delta}, as a void or a lifted hold of them does. */
    public void moveMatched(long campaignId, int shard, String region, long delta) {
        hashes.hincrby(new ShardKeys(campaignId, shard).totals(), TotalsField.MATCHED.of(region), delta);
    }

    /** The guard's refusals of one network's requests today, over every shard, by reason code. */
    public Map<String, Long> trips(long campaignId, String network) {
        Map<String, Long> byReason = new TreeMap<>();
        for (ShardKeys keys : ShardKeys.of(campaignId, shards)) {
            hashes.hgetall(keys.trips(network)).forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
        }
        return byReason;
    }

    /** The sessions of a shard whose clicks are held, by session id; an unreadable hold is logged and skipped. */
    public Map<String, Hold> holds(long campaignId, int shard) {
        Map<String, Hold> holds = new LinkedHashMap<>();
        texts.hgetall(new ShardKeys(campaignId, shard).held()).forEach((session, json) -> {
            try {
                holds.put(session, JSON.readValue(json, Hold.class));
            } catch (JsonProcessingException e) {
                Log.errorf("Unreadable hold of session %s: %s", session, json);
            }
        });
        return holds;
    }

    /** release.lua's call and answer (its header documents them). */
    public record ReleaseCall(String session, String region, int clicks, long extra) {
    }

    public record ReleaseAnswer(boolean released) {
    }

    /** Ends a hold once the ledger voided its clicks; idempotent. Answers whether this call ended it. */
    public boolean release(long campaignId, int shard, String session, Hold hold) {
        ShardKeys keys = new ShardKeys(campaignId, shard);
        return scripts.callBlocking(release, List.of(keys.held(), keys.totals()),
                new ReleaseCall(session, hold.region(), hold.clicks(), hold.extra()), ReleaseAnswer.class).released();
    }
}
