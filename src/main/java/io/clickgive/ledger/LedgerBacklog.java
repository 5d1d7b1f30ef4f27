package io.clickgive.ledger;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.LedgerStreams;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * How far the PostgreSQL ledger lags behind the counted clicks: the batches still waiting in a campaign's ledger
 * streams, and the age of the oldest. The LedgerWriter deletes an entry only once it is in the ledger, so the oldest
 * entry's id (its arrival time in ms) is exactly how late the ledger is.
 */
@ApplicationScoped
public class LedgerBacklog {

    /**
     * {@code oldestMillis} is 0 when nothing waits. Dead letters: entries that could not be recorded and were set aside
     * (LedgerWriter), with the age of the oldest (0 when there is none). Shedding: new sessions are refused because
     * the batches waiting in every campaign's streams ({@code allBatches}) passed {@code shedBound} (LoadShedding).
     */
    public record Backlog(long batches, long oldestMillis, long deadLetters, long oldestDeadLetterMillis,
                          boolean shedding, long allBatches, long shedBound) {
    }

    private final LedgerStreams streams;
    private final Clock clock;
    private final LoadShedding shedding;
    private final long shedBound;

    public LedgerBacklog(LedgerStreams streams, ClickgiveConfig config, Clock clock, LoadShedding shedding) {
        this.streams = streams;
        this.shedding = shedding;
        this.shedBound = config.ledger().shedBacklog();
        this.clock = clock;
    }

    public Backlog of(long campaignId) {
        LedgerStreams.Backlog waiting = streams.waiting(campaignId);
        LedgerStreams.Backlog dead = streams.dead(campaignId);
        return new Backlog(waiting.entries(), age(waiting), dead.entries(), age(dead), shedding.shedding(),
                shedding.backlog(), shedBound);
    }

    /** How long the oldest entry has waited (an entry's id is its arrival time). */
    private long age(LedgerStreams.Backlog backlog) {
        return backlog.oldestAt().map(at -> Math.max(0, clock.millis() - at)).orElse(0L);
    }
}
