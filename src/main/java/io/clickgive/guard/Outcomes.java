package io.clickgive.guard;

import io.clickgive.counters.CampaignCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what became of clicks and sessions, for Prometheus: clicks accepted and rejected ({@code
 * clickgive_clicks_total} by outcome and reason), sessions refused ({@code clickgive_sessions_refused_total} by reason). The scripts count their own refusals in Redis as they make them; the
 * refusals decided here, before Redis (a bad proof of work, an expired token), are added to Redis once a second, so
 * a flood of bad requests costs no Redis write per request.
 */
@ApplicationScoped
public class Outcomes {

    /** Prometheus label for refusals whose campaign cannot be trusted (a forged token names any campaign it likes). */
    public static final String UNKNOWN_CAMPAIGN = "unknown";

    private record Key(String campaign, String outcome, String reason) {
    }

    private record Pending(long campaignId, Reason reason) {
    }

    private final MeterRegistry meters;
    private final CampaignCounters counts;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Pending, LongAdder> pending = new ConcurrentHashMap<>();

    public Outcomes(MeterRegistry meters, CampaignCounters counts) {
        this.meters = meters;
        this.counts = counts;
    }

    /** Clicks accepted in a campaign. */
    public void accepted(String campaign, int clicks) {
        if (clicks > 0) {
            counter(new Key(campaign, "accepted", "none")).increment(clicks);
        }
    }

    /** Clicks the batch script refused (and already counted in Redis), by reason. */
    public void rejected(String campaign, Map<String, Integer> byReason) {
        byReason.forEach((reason, clicks) -> counter(new Key(campaign, "rejected", reason)).increment(clicks));
    }

    /** A session the grant script refused (and already counted in Redis). */
    public void refusedByScript(String campaign, String reason) {
        counter(new Key(campaign, "refused", reason)).increment();
    }

    /** A request refused before Redis: counted here, and in Redis at the next flush when its campaign is known. */
    public void refused(String campaign, Long campaignId, Reason reason) {
        counter(new Key(campaign, "refused", reason.name())).increment();
        if (campaignId != null) {
            pending.computeIfAbsent(new Pending(campaignId, reason), k -> new LongAdder()).increment();
        }
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        for (Map.Entry<Pending, LongAdder> entry : pending.entrySet()) {
            long n = entry.getValue().sumThenReset();
            if (n > 0) {
                Pending p = entry.getKey();
                try {
                    counts.addRefused(p.campaignId(), p.reason().name(), n);
                } catch (RuntimeException e) {
                    entry.getValue().add(n); // Redis away: keep the count for the next flush
                }
            }
        }
    }

    private Counter counter(Key key) {
        return counters.computeIfAbsent(key, k -> k.outcome().equals("refused")
                ? meters.counter("clickgive.sessions.refused", "campaign", k.campaign(), "reason", k.reason())
                : meters.counter("clickgive.clicks", "campaign", k.campaign(), "outcome", k.outcome(), "reason", k.reason()));
    }
}
