package io.clickgive.sponsor;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignService;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.campaign.Sponsor;
import io.clickgive.campaign.SponsorDraft;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.PurseCounters;
import io.clickgive.counters.ShardKeys;
import io.clickgive.totals.CampaignTotals;
import io.clickgive.totals.TotalsService;
import io.clickgive.web.ClientError;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sponsors and their purses. A manager sets a sponsor (and its purse) here: the purse is checked against what the
 * campaign's clicks already gave, written to PostgreSQL and to Redis' central purse in one step, then every counter
 * shard begins to spend from it. Every second (any instance may; every step is idempotent) the keeper rebuilds a purse
 * Redis lost, makes good a transfer lost half-way, takes back the quotas idle shards hold once the central purse is
 * empty (so the shards still playing can spend them), and reads each purse for the pages, the grant and the dashboard.
 */
@ApplicationScoped
public class Purses {

    private static final Duration PACE = Duration.ofMinutes(10);

    private final CampaignCatalog catalog;
    private final CampaignService campaigns;
    private final PurseCounters counters;
    private final TotalsService totals;
    private final Clock clock;
    private final int shards;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    /** The last state read of a purse, and the samples of its spending for the pace. */
    private static final class Kept {
        volatile PurseCounters.State state;
        final Deque<long[]> samples = new ArrayDeque<>(); // {epoch ms, spent MB}
    }

    public Purses(CampaignCatalog catalog, CampaignService campaigns, PurseCounters counters, TotalsService totals,
                  Clock clock, ClickgiveConfig config) {
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.counters = counters;
        this.totals = totals;
        this.clock = clock;
        this.shards = config.counters().shards();
    }

    /** Sets a campaign's sponsor and purse; a purse below what was donated, or already handed out, is a 409. */
    public PurseView set(String slug, SponsorDraft draft) {
        CampaignRules rules = catalog.bySlug(slug);
        Long purse = draft == null ? null : draft.purseMegabytes();
        if (purse != null && purse > 0) {
            totals.forget(rules.id()); // a manager's check reads Redis as it is now, not the crowd's copy
            CampaignTotals live = totals.totals(rules).await().atMost(Duration.ofSeconds(2));
            long donated = live.megabytes() - live.likes() * rules.megabytesPerClick();
            if (purse < donated) {
                throw ClientError.conflict("A purse of " + purse + " MB is less than the " + donated
                        + " MB the campaign's clicks already gave");
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Sponsor sponsor = campaigns.setSponsor(slug, draft);
            if (sponsor.purseMegabytes() != null && !counters.set(rules.id(), sponsor.purseMegabytes())) {
                // Shards hold quotas handed out under the larger purse: take them back, then try again.
                ShardKeys.of(rules.id(), shards).forEach(counters::reclaim);
                if (!counters.set(rules.id(), sponsor.purseMegabytes())) {
                    PurseCounters.State state = counters.state(rules.id(), shards);
                    throw ClientError.conflict("A purse of " + sponsor.purseMegabytes() + " MB is less than the "
                            + state.spent() + " MB the campaign's clicks already took from it");
                }
            }
        });
        catalog.refresh();
        CampaignRules now = catalog.bySlug(slug);
        if (now.hasPurse()) {
            ShardKeys.of(now.id(), shards).forEach(keys -> counters.mark(keys, now.megabytesPerClick(), shards));
            read(now);
        }
        return view(now);
    }

    /** The campaign's sponsor and purse as last read (every second); null sponsor fields when it has none. */
    public PurseView view(CampaignRules campaign) {
        Sponsor sponsor = campaign.sponsor();
        Kept k = kept.get(campaign.id());
        PurseCounters.State state = k == null ? null : k.state;
        if (sponsor == null) {
            return new PurseView(campaign.slug(), null, null, null, null, 0, null, false, 0, null, clock.instant());
        }
        if (sponsor.purseMegabytes() == null || state == null) {
            return new PurseView(campaign.slug(), sponsor.name(), sponsor.logo(), sponsor.link(),
                    sponsor.purseMegabytes(), 0, sponsor.purseMegabytes(), false, 0, null, clock.instant());
        }
        long left = Math.max(0, sponsor.purseMegabytes() - state.spent());
        long pace = pace(k);
        Instant runsOut = pace <= 0 || left == 0 ? null : clock.instant().plusSeconds(left * 60 / pace);
        return new PurseView(campaign.slug(), sponsor.name(), sponsor.logo(), sponsor.link(), sponsor.purseMegabytes(),
                state.spent(), left, spent(campaign, state), pace, runsOut, clock.instant());
    }

    /** Whether the campaign's purse is spent: its sessions are refused, its page thanks the players. */
    public boolean spent(CampaignRules campaign) {
        // A session start asks this: the state last read, without the view's pace (a lock over the samples).
        Kept k = campaign.hasPurse() ? kept.get(campaign.id()) : null;
        return k != null && spent(campaign, k.state);
    }

    private static boolean spent(CampaignRules campaign, PurseCounters.State state) {
        return state != null && campaign.sponsor().purseMegabytes() - state.spent() < campaign.megabytesPerClick();
    }

    @Scheduled(every = "${clickgive.purse.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keep() {
        for (CampaignRules campaign : catalog.all()) {
            if (!campaign.hasPurse() || campaign.status() == CampaignStatus.DRAFT) {
                continue;
            }
            try {
                keep(campaign);
            } catch (RuntimeException e) {
                Log.warnf("The purse of %s was not kept this time: %s", campaign.slug(), e.getMessage());
            }
        }
    }

    private void keep(CampaignRules campaign) {
        long promised = campaign.sponsor().purseMegabytes();
        PurseCounters.State state = counters.state(campaign.id(), shards);
        if (!state.ready() || state.purse() != promised) {
            // Lost with Redis' data, or a change whose Redis half was lost: PostgreSQL says what was promised. A purse
            // rebuilt after a loss counts every click the rebuilt counters hold (each shard's base).
            counters.set(campaign.id(), promised);
            ShardKeys.of(campaign.id(), shards).forEach(keys -> counters.mark(keys, campaign.megabytesPerClick(), shards));
        }
        ShardKeys.of(campaign.id(), shards).forEach(counters::settle);
        state = counters.state(campaign.id(), shards);
        if (state.purse() - state.out() < campaign.megabytesPerClick() && state.unspent() >= campaign.megabytesPerClick()) {
            // Nothing left to hand out, yet some shards hold quotas: back to the centre, for the shards still played.
            ShardKeys.of(campaign.id(), shards).forEach(counters::reclaim);
        }
        read(campaign);
    }

    private void read(CampaignRules campaign) {
        PurseCounters.State state = counters.state(campaign.id(), shards);
        Kept k = kept.computeIfAbsent(campaign.id(), id -> new Kept());
        k.state = state;
        long now = clock.millis();
        synchronized (k.samples) {
            k.samples.addLast(new long[]{now, state.spent()});
            while (k.samples.size() > 1 && k.samples.peekFirst()[0] < now - PACE.toMillis()) {
                k.samples.removeFirst();
            }
        }
    }

    /** Megabytes a minute the purse was spent at over the samples kept (up to ten minutes). */
    private static long pace(Kept k) {
        synchronized (k.samples) {
            if (k.samples.size() < 2) {
                return 0;
            }
            long[] first = k.samples.peekFirst();
            long[] last = k.samples.peekLast();
            long ms = last[0] - first[0];
            return ms <= 0 ? 0 : Math.max(0, (last[1] - first[1]) * 60_000 / ms);
        }
    }
}
