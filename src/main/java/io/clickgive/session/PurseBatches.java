package io.clickgive.session;

import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.BatchAnswer;
import io.clickgive.counters.BatchCall;
import io.clickgive.counters.PurseCounters;
import io.clickgive.counters.SessionCounters;
import io.clickgive.counters.ShardKeys;
import io.clickgive.web.ClientError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts a batch, spending from the sponsor's purse where there is one. The batch script is one call; with a purse, a
 * shard whose quota cannot cover the batch says so before writing anything, its quota is refilled from the central
 * purse (a few more calls, about once per chunk) and the batch counted again. A batch another one beat to the refill
 * may be short once more and tries once more; the third call is final: what the quota cannot cover is refused, the
 * purse being spent. Design: docs/purse.md.
 */
@ApplicationScoped
class PurseBatches {

    /**
     * The most a shard's quota takes from the central purse at once: 2 000 clicks of 10 MB, so a busy shard refills
     * rarely; purse.lua hands less as the purse empties (a share of what is left), so no shard sits on its end.
     */
    static final long CHUNK_MB = 20_000;

    private final SessionCounters counters;
    private final PurseCounters purse;
    private final int shards;

    PurseBatches(SessionCounters counters, PurseCounters purse, ClickgiveConfig config) {
        this.counters = counters;
        this.purse = purse;
        this.shards = config.counters().shards();
    }

    /** Counts the batch; {@code need} is what it would take from a purse (its clicks at their worth now). */
    Uni<BatchAnswer> count(ShardKeys keys, BatchCall call, long need, CampaignRules campaign) {
        return counters.batch(keys, call)
                .flatMap(first -> first.isShort() ? refilled(keys, call, need, campaign, false) : Uni.createFrom().item(first))
                .flatMap(again -> again.isShort() ? refilled(keys, call, need, campaign, true) : Uni.createFrom().item(again));
    }

    private Uni<BatchAnswer> refilled(ShardKeys keys, BatchCall call, long need, CampaignRules campaign, boolean last) {
        return purse.refill(keys, need, CHUNK_MB, shards, campaign.megabytesPerClick()).flatMap(refill -> {
            if (refill == PurseCounters.Refill.NOT_READY) {
                throw ClientError.unavailable("The sponsor's purse is being counted again after a restart; send the "
                        + "batch again", 1);
            }
            // An empty purse hands nothing more: the quota left is all there is, so this call is the last.
            return counters.batch(keys, last || refill == PurseCounters.Refill.EMPTY ? call.asLast() : call);
        });
    }
}
