package io.clickgive.counters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * A sponsor's purse in Redis: a central balance (purse.lua, a slot of its own) and a quota in each counter shard
 * (quota.lua, in the shard's totals hash) that batch.lua spends. Every transfer between them is a cumulative total,
 * applied as a maximum, so a step lost between the two scripts is made good by the next and never counts twice.
 * Design and the proof that it never overspends: docs/purse.md.
 */
@ApplicationScoped
public class PurseCounters {

    /** purse.lua's call (its header documents every field). */
    public record PurseCall(String op, int shard, long chunk, long need, int shards, long returned, long base, long purse) {
    }

    public record PurseAnswer(boolean ready, boolean ok, long purse, long out, long given) {
    }

    /** quota.lua's call (its header documents every field). */
    public record QuotaCall(String op, int perClick, long given) {
    }

    public record QuotaAnswer(boolean marked, long base, long quota, long returned) {
    }

    /** The purse as a whole: promised, handed out, and what the shards still hold unspent. */
    public record State(boolean ready, long purse, long out, long unspent) {

        /** Megabytes the campaign's clicks took from the purse (and gave before it, if it was set late). */
        public long spent() {
            return out - unspent;
        }
    }

    private final Scripts scripts;
    private final Scripts.Script purse;
    private final Scripts.Script quota;

    PurseCounters(Scripts scripts) {
        this.scripts = scripts;
        this.purse = scripts.script("purse");
        this.quota = scripts.script("quota");
    }

    static String key(long campaignId) {
        return "cg:{c" + campaignId + ".purse}:purse";
    }

    /** What a refill did: handed the shard some of the purse, found it empty, or found no purse (Redis lost it). */
    public enum Refill { HANDED, EMPTY, NOT_READY }

    /**
     * Refills a shard's quota from the central purse, on the click path when a batch found it short: marks the shard
     * (once: what it counted before spends nothing of the purse but counts in it), takes a share, credits it.
     */
    public Uni<Refill> refill(ShardKeys keys, long need, long chunk, int shards, int perClick) {
        String central = key(keys.campaignId());
        return scripts.call(quota, List.of(keys.totals()), new QuotaCall("mark", perClick, 0), QuotaAnswer.class)
                .flatMap(marked -> scripts.call(purse, List.of(central),
                        new PurseCall("base", keys.shard(), 0, 0, shards, 0, marked.base(), 0), PurseAnswer.class))
                .flatMap(based -> scripts.call(purse, List.of(central),
                        new PurseCall("take", keys.shard(), chunk, need, shards, 0, 0, 0), PurseAnswer.class))
                .flatMap(taken -> !taken.ready() ? Uni.createFrom().item(Refill.NOT_READY)
                        : !taken.ok() ? Uni.createFrom().item(Refill.EMPTY)
                        : scripts.call(quota, List.of(keys.totals()), new QuotaCall("credit", perClick, taken.given()),
                        QuotaAnswer.class).map(credited -> Refill.HANDED));
    }

    /** Sets the purse (blocking: a manager's change); false when the shards were handed more than {@code megabytes}. */
    public boolean set(long campaignId, long megabytes) {
        return scripts.callBlocking(purse, List.of(key(campaignId)),
                new PurseCall("set", 0, 0, 0, 1, 0, 0, megabytes), PurseAnswer.class).ok();
    }

    /** Begins a shard's spending from the purse (once): what it counted so far is its base, counted in the purse. */
    public void mark(ShardKeys keys, int perClick, int shards) {
        QuotaAnswer marked = scripts.callBlocking(quota, List.of(keys.totals()), new QuotaCall("mark", perClick, 0),
                QuotaAnswer.class);
        scripts.callBlocking(purse, List.of(key(keys.campaignId())),
                new PurseCall("base", keys.shard(), 0, 0, shards, 0, marked.base(), 0), PurseAnswer.class);
    }

    /** Gives a shard's whole quota back to the central purse (blocking: the keeper and a manager's change). */
    public void reclaim(ShardKeys keys) {
        QuotaAnswer back = scripts.callBlocking(quota, List.of(keys.totals()), new QuotaCall("reclaim", 0, 0),
                QuotaAnswer.class);
        scripts.callBlocking(purse, List.of(key(keys.campaignId())),
                new PurseCall("back", keys.shard(), 0, 0, 1, back.returned(), 0, 0), PurseAnswer.class);
    }

    /** Credits a shard with what the purse handed it in all (a credit lost after its take is made good here). */
    public void settle(ShardKeys keys) {
        PurseAnswer central = scripts.callBlocking(purse, List.of(key(keys.campaignId())),
                new PurseCall("read", keys.shard(), 0, 0, 1, 0, 0, 0), PurseAnswer.class);
        QuotaAnswer shard = scripts.callBlocking(quota, List.of(keys.totals()),
                new QuotaCall("credit", 0, central.given()), QuotaAnswer.class);
        if (shard.marked()) {
            // a return lost after its reclaim is made good the same way
            scripts.callBlocking(purse, List.of(key(keys.campaignId())),
                    new PurseCall("back", keys.shard(), 0, 0, 1, shard.returned(), 0, 0), PurseAnswer.class);
        }
    }

    /** The purse and every shard's unspent quota. */
    public State state(long campaignId, int shards) {
        PurseAnswer central = scripts.callBlocking(purse, List.of(key(campaignId)),
                new PurseCall("read", 0, 0, 0, 1, 0, 0, 0), PurseAnswer.class);
        long unspent = 0;
        for (ShardKeys keys : ShardKeys.of(campaignId, shards)) {
            unspent += scripts.callBlocking(quota, List.of(keys.totals()), new QuotaCall("read", 0, 0),
                    QuotaAnswer.class).quota();
        }
        return new State(central.ready(), central.purse(), central.out(), unspent);
    }
}
