package io.clickgive.totals;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.CampaignCounters;
import io.clickgive.counters.ShardTotals;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live campaign totals from the Redis counters: one pipelined read over the shards, shared by every caller for a few
 * hundred ms, and one stream of server-sent events per campaign shared by every subscriber.
 */
@ApplicationScoped
public class TotalsService {

    private final CampaignCounters counters;
    private final Duration cacheFor;
    private final Duration tick;
    private final Clock clock;
    private final CampaignCatalog catalog;
    private final Map<Long, Uni<ShardTotals>> cached = new ConcurrentHashMap<>();
    private final Map<Long, Multi<CampaignTotals>> streams = new ConcurrentHashMap<>();
    private final Map<Long, Latest> latest = new ConcurrentHashMap<>();

    /** The last counters read for a campaign, for answers that may be a few hundred ms behind. */
    private static final class Latest {
        volatile ShardTotals counts;
        volatile long readAt;
        final AtomicBoolean reading = new AtomicBoolean();
    }

    public TotalsService(CampaignCounters counters, ClickgiveConfig config, Clock clock, CampaignCatalog catalog) {
        this.catalog = catalog;
        this.counters = counters;
        this.cacheFor = config.totals().cache();
        this.tick = config.totals().tick();
        this.clock = clock;
    }

    public Uni<CampaignTotals> totals(CampaignRules campaign) {
        return counts(campaign.id()).map(counts -> present(campaign, counts));
    }

    public Uni<CampaignProgress> progress(CampaignRules campaign) {
        return counts(campaign.id()).map(counts -> progress(campaign, counts));
    }

    /**
     * The campaign's progress as last read, without waiting: a read starts in the background when it is older than
     * the cache time. Null until the first read finished. Saves the batch answer a step in its reactive chain.
     */
    public CampaignProgress latestProgress(CampaignRules campaign) {
        Latest known = latest.computeIfAbsent(campaign.id(), id -> new Latest());
        if (clock.millis() - known.readAt >= cacheFor.toMillis() && known.reading.compareAndSet(false, true)) {
            counts(campaign.id()).subscribe().with(counts -> {
                known.counts = counts;
                known.readAt = clock.millis();
                known.reading.set(false);
            }, failure -> known.reading.set(false));
        }
        ShardTotals counts = known.counts;
        return counts == null ? null : progress(campaign, counts);
    }

    private static CampaignProgress progress(CampaignRules campaign, ShardTotals counts) {
        long megabytes = (counts.clickTotal() + counts.likeTotal()) * campaign.megabytesPerClick() + counts.matchedTotal();
        return new CampaignProgress(megabytes, campaign.gigabytes(megabytes), campaign.gigabyteConvention(),
                campaign.percentOfGoal(megabytes));
    }

    /** Rejected clicks and refused sessions by reason, as counted in Redis (a few hundred ms behind at most). */
    public Uni<Refusals> refusals(CampaignRules campaign) {
        return counts(campaign.id()).map(counts -> new Refusals(campaign.slug(), counts.clickTotal(), counts.sessions(),
                counts.rejectedClicks(), counts.refusedSessions(), clock.instant()));
    }

    /** Accepted clicks per epoch minute over the last {@code minutes} minutes (this one included), oldest first. */
    public Uni<long[]> perMinute(CampaignRules campaign, int minutes) {
        return counters.perMinute(campaign.id(), clock.millis() / 60_000 - minutes + 1, minutes);
    }

    /** Ticks shared by all subscribers of a campaign: one Redis read per tick, however many people watch. */
    public Multi<CampaignTotals> stream(CampaignRules campaign) {
        return streams.computeIfAbsent(campaign.id(), id -> Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(tick)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(t -> totals(catalog.byId(id)).onFailure().recoverWithNull())
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAllSubscribers());
    }

    /** Forgets cached counters, so the next read sees Redis as it is now (after a reconcile). */
    public void forget(long campaignId) {
        cached.remove(campaignId);
        latest.remove(campaignId);
    }

    private Uni<ShardTotals> counts(long campaignId) {
        return cached.computeIfAbsent(campaignId, id -> counters.totals(id).memoize().atLeast(cacheFor));
    }

    private CampaignTotals present(CampaignRules campaign, ShardTotals counts) {
        int rate = campaign.megabytesPerClick();
        long clicks = counts.clickTotal();
        long likes = counts.likeTotal();
        long megabytes = (clicks + likes) * rate + counts.matchedTotal();
        TreeSet<String> codes = new TreeSet<>(counts.clicks().keySet());
        codes.addAll(counts.likes().keySet());
        codes.addAll(counts.matched().keySet());
        codes.remove(ShardTotals.NO_REGION);
        List<CampaignTotals.RegionTotal> regions = codes.stream().map(code -> {
            long c = counts.clicks().getOrDefault(code, 0L);
            long l = counts.likes().getOrDefault(code, 0L);
            long mb = (c + l) * rate + counts.matched().getOrDefault(code, 0L);
            return new CampaignTotals.RegionTotal(code, c, l, mb, campaign.gigabytes(mb));
        }).toList();
        return new CampaignTotals(campaign.slug(), clicks, likes, counts.sessions(), counts.participants(), megabytes,
                campaign.gigabytes(megabytes), campaign.gigabyteConvention(), campaign.goalGigabytes(),
                campaign.percentOfGoal(megabytes), regions, clock.instant());
    }
}
