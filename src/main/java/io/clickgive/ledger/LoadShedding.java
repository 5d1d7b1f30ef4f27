package io.clickgive.ledger;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.LedgerStreams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bounds what Redis must hold while PostgreSQL is away: the ledger streams keep every acknowledged batch until it is
 * in the ledger, so a long outage at peak would grow them until Redis runs out of memory (maxmemory, noeviction: then
 * every write fails, the clicks of rounds in play too). Before that, new sessions are refused (503, Retry-After), so
 * the rounds already granted keep counting and the backlog stops growing; they start again once the ledger has caught
 * up to 80 % of the bound. The backlog is sampled every second off the request path: the grant reads a flag.
 */
@ApplicationScoped
public class LoadShedding {

    private final CampaignCatalog catalog;
    private final LedgerStreams streams;
    private final long bound;
    private volatile long backlog;
    private volatile boolean shedding;

    public LoadShedding(CampaignCatalog catalog, LedgerStreams streams, ClickgiveConfig config, MeterRegistry registry) {
        this.catalog = catalog;
        this.streams = streams;
        this.bound = config.ledger().shedBacklog();
        Gauge.builder("clickgive.ledger.backlog", this, s -> s.backlog)
                .description("Batches waiting in every ledger stream for PostgreSQL").register(registry);
        Gauge.builder("clickgive.ledger.shedding", this, s -> s.shedding ? 1 : 0)
                .description("1 while new sessions are refused because the ledger backlog passed its bound").register(registry);
    }

    /** Whether new sessions are refused now. */
    public boolean shedding() {
        return shedding;
    }

    public long backlog() {
        return backlog;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        long waiting = 0;
        try {
            for (CampaignRules campaign : catalog.all()) {
                if (campaign.status() == CampaignStatus.DRAFT) {
                    continue;
                }
                waiting += streams.length(campaign.id());
            }
        } catch (RuntimeException e) {
            return; // Redis unreachable: nothing is granted anyway; keep the last verdict
        }
        backlog = waiting;
        boolean was = shedding;
        shedding = was ? waiting > bound * 8 / 10 : waiting > bound;
        if (shedding != was) {
            Log.warnf(shedding ? "Ledger backlog at %d batches (bound %d): refusing new sessions"
                    : "Ledger backlog down to %d batches (bound %d): granting sessions again", waiting, bound);
        }
    }
}
