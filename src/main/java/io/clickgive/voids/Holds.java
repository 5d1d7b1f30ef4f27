package io.clickgive.voids;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.CampaignCounters;
import io.clickgive.counters.Hold;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Carries out the holds the batch script starts: a session judged scripted after some of its clicks counted has
 * those clicks taken out of the live total at once (redis/batch.lua); here, once they are all in the ledger, they are
 * voided there too (a void naming the session, by the guard), and the hold is released. Every instance runs it; the
 * void is unique per session, so two instances racing on one hold void it once.
 */
@ApplicationScoped
public class Holds {

    /** A hold whose clicks are still not all in the ledger after this long is voided with what the ledger has. */
    static final long GIVE_UP_MS = 10 * 60_000;

    private final CampaignCatalog catalog;
    private final Voids voids;
    private final CampaignCounters counters;
    private final Clock clock;
    private final int shards;

    public Holds(CampaignCatalog catalog, Voids voids, CampaignCounters counters, Clock clock, ClickgiveConfig config) {
        this.catalog = catalog;
        this.voids = voids;
        this.counters = counters;
        this.clock = clock;
        this.shards = config.counters().shards();
    }

    @Scheduled(every = "1s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pass() {
        Instant recently = clock.instant().minus(Duration.ofDays(1));
        for (CampaignRules campaign : catalog.all()) {
            // Holds begin only while sessions play: a campaign closed for a day (or never live) has none left.
            if (campaign.status() == CampaignStatus.DRAFT || (campaign.status() == CampaignStatus.CLOSED
                    && campaign.closesAt().isBefore(recently))) {
                continue;
            }
            for (int shard = 0; shard < shards; shard++) {
                try {
                    settle(campaign, shard);
                } catch (RuntimeException e) {
                    Log.warnf("Holds of %s, shard %d: %s (retried in a second)", campaign.slug(), shard, e.getMessage());
                }
            }
        }
    }

    /** Voids what can be voided of one shard's holds; answers how many were released. */
    int settle(CampaignRules campaign, int shard) {
        int released = 0;
        for (Map.Entry<String, Hold> entry : counters.holds(campaign.id(), shard).entrySet()) {
            if (voids.voidSession(campaign, shard, entry.getKey(), entry.getValue(), clock.millis() - GIVE_UP_MS)) {
                released++;
            }
        }
        return released;
    }
}
