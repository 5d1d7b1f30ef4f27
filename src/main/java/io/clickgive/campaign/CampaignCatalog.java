package io.clickgive.campaign;

import io.clickgive.web.ClientError;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The campaigns and regions as the click path sees them: an in-memory copy refreshed after every change made here
 * and every few seconds (changes made on another replica), so no request of a player waits on PostgreSQL.
 */
@ApplicationScoped
public class CampaignCatalog {

    private volatile Map<String, CampaignRules> bySlug = Map.of();
    private volatile Map<Long, CampaignRules> byId = Map.of();
    private volatile Map<String, Region> regions = Map.of();
    private final java.time.Clock clock;

    public CampaignCatalog(java.time.Clock clock) {
        this.clock = clock;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        refresh();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignChanged event) {
        refresh();
    }

    @Scheduled(every = "${clickgive.catalog.refresh:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            Log.warnf("Campaign catalog not refreshed, keeping the previous copy: %s", e.getMessage());
        }
    }

    /**
     * Synchronized: a scheduled refresh that read just before a change committed must not store its older copy after
     * the refresh the change triggered.
     */
    public synchronized void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            // Windows that ended are history (the ledger recorded their rate); those on or to come are the click path's.
            Map<Long, List<Matching>> matching = MatchingWindow.<MatchingWindow>list(
                            "cancelledAt is null and endsAt > ?1 order by startsAt", clock.instant()).stream()
                    .collect(Collectors.groupingBy(w -> w.campaignId, Collectors.mapping(MatchingWindow::rules,
                            Collectors.toList())));
            List<CampaignRules> all = Campaign.<Campaign>listAll().stream()
                    .map(c -> CampaignRules.of(c, matching.getOrDefault(c.id, List.of()))).toList();
            bySlug = all.stream().collect(Collectors.toUnmodifiableMap(CampaignRules::slug, Function.identity()));
            byId = all.stream().collect(Collectors.toUnmodifiableMap(CampaignRules::id, Function.identity()));
            if (regions.isEmpty()) {
                regions = Region.<Region>listAll().stream()
                        .collect(Collectors.toUnmodifiableMap(r -> r.code, Function.identity()));
            }
        });
    }

    public CampaignRules bySlug(String slug) {
        CampaignRules rules = bySlug.get(slug);
        if (rules == null) {
            throw ClientError.notFound("No campaign '" + slug + "'");
        }
        return rules;
    }

    /**
     * A campaign as the public may see it: a draft is unknown to the public, answered as an unknown slug is (404), so
     * that its name, totals and challenges say nothing before it goes live.
     */
    public CampaignRules publicBySlug(String slug) {
        CampaignRules rules = bySlug.get(slug);
        if (rules == null || rules.status() == CampaignStatus.DRAFT) {
            throw ClientError.notFound("No campaign '" + slug + "'");
        }
        return rules;
    }

    public CampaignRules byId(long id) {
        return byId.get(id);
    }

    public Collection<CampaignRules> all() {
        return byId.values();
    }

    public boolean isRegion(String code) {
        return regions.containsKey(code);
    }

    public Collection<Region> regions() {
        return regions.values();
    }
}
