package io.clickgive.campaign;

import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Managers schedule matching hours: windows in which each click is worth more. A window is scheduled before it starts
 * (a minute ahead at least, so that every instance's catalog, refreshed every few seconds, has it when it starts), never
 * overlaps another of its campaign, and lies within the campaign. One that has not started may be cancelled; one that
 * started is history the ledger recorded.
 */
@ApplicationScoped
public class MatchingHours {

    /** How far ahead a window must be scheduled: many catalog refreshes. */
    static final Duration LEAD = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(24);
    static final BigDecimal LOWEST = new BigDecimal("1.1");
    static final BigDecimal HIGHEST = new BigDecimal("5");

    /** A window as asked for: its start, end and rate (x2 is 2, x1.5 is 1.5). */
    public record Draft(Instant startsAt, Instant endsAt, BigDecimal rate) {
    }

    /** A window as managers see it. */
    public record View(long id, Instant startsAt, Instant endsAt, BigDecimal rate, String createdBy, Instant cancelledAt,
                       String state) {
    }

    private final CampaignCatalog catalog;
    private final Event<CampaignChanged> changed;
    private final Clock clock;

    public MatchingHours(CampaignCatalog catalog, Event<CampaignChanged> changed, Clock clock) {
        this.catalog = catalog;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional
    public View schedule(String slug, Draft draft, String actor) {
        CampaignRules rules = catalog.bySlug(slug);
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        if (draft == null || draft.startsAt() == null || draft.endsAt() == null || draft.rate() == null) {
            throw ClientError.badRequest("A window needs startsAt, endsAt and rate");
        }
        if (!draft.startsAt().isAfter(now)) {
            problems.add("startsAt: " + draft.startsAt() + " is in the past; a window is scheduled before it starts");
        } else if (draft.startsAt().isBefore(now.plus(LEAD))) {
            problems.add("startsAt: at least a minute from now, so that every instance knows the window when it starts");
        }
        if (!draft.endsAt().isAfter(draft.startsAt())) {
            problems.add("endsAt: must come after startsAt");
        } else if (Duration.between(draft.startsAt(), draft.endsAt()).compareTo(LONGEST) > 0) {
            problems.add("endsAt: a window lasts 24 hours at most");
        }
        if (draft.startsAt().isBefore(rules.opensAt()) || draft.endsAt().isAfter(rules.closesAt())) {
            problems.add("the window must lie within the campaign (" + rules.opensAt() + " to " + rules.closesAt() + ")");
        }
        BigDecimal rate = draft.rate().stripTrailingZeros();
        int tenths = draft.rate().multiply(BigDecimal.TEN).setScale(0, RoundingMode.DOWN).intValue();
        if (draft.rate().compareTo(LOWEST) < 0 || draft.rate().compareTo(HIGHEST) > 0 || rate.scale() > 1) {
            problems.add("rate: from 1.1 to 5, in tenths (x2 is 2)");
        } else if (rules.megabytesPerClick() * tenths % Matching.PLAIN != 0) {
            problems.add("rate: x" + rate.toPlainString() + " would make a click of " + rules.megabytesPerClick()
                    + " MB worth a fraction of a megabyte");
        }
        if (!problems.isEmpty()) {
            throw ClientError.badRequest("The window cannot be scheduled as it is", problems);
        }
        // Under the campaign's row lock: two managers scheduling at once cannot both miss the other's window.
        Campaign.findById(rules.id(), LockModeType.PESSIMISTIC_WRITE);
        MatchingWindow overlap = MatchingWindow.find("campaignId = ?1 and cancelledAt is null and startsAt < ?2 "
                + "and endsAt > ?3", rules.id(), draft.endsAt(), draft.startsAt()).firstResult();
        if (overlap != null) {
            throw ClientError.badRequest("The window cannot be scheduled as it is", List.of("the window overlaps the one "
                    + "from " + overlap.startsAt + " to " + overlap.endsAt + " (x" + rate(overlap) + ")"));
        }
        MatchingWindow window = new MatchingWindow();
        window.campaignId = rules.id();
        window.startsAt = draft.startsAt();
        window.endsAt = draft.endsAt();
        window.rateTenths = (short) tenths;
        window.createdBy = actor;
        window.createdAt = now;
        window.persist();
        changed.fire(new CampaignChanged());
        return view(window, now);
    }

    @Transactional
    public View cancel(String slug, long id, String actor) {
        CampaignRules rules = catalog.bySlug(slug);
        MatchingWindow window = MatchingWindow.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (window == null || window.campaignId != rules.id()) {
            throw ClientError.notFound("No matching window " + id);
        }
        Instant now = clock.instant();
        if (window.cancelledAt == null) {
            if (!window.startsAt.isAfter(now)) {
                throw ClientError.conflict("The window started at " + window.startsAt + "; the ledger counted its clicks "
                        + "at x" + rate(window) + " and that stays");
            }
            window.cancelledAt = now;
            window.cancelledBy = actor;
            changed.fire(new CampaignChanged());
        }
        return view(window, now);
    }

    @Transactional
    public List<View> list(String slug) {
        CampaignRules rules = catalog.bySlug(slug);
        Instant now = clock.instant();
        return MatchingWindow.<MatchingWindow>list("campaignId = ?1 order by startsAt", rules.id()).stream()
                .map(w -> view(w, now)).toList();
    }

    private static View view(MatchingWindow w, Instant now) {
        String state = w.cancelledAt != null ? "CANCELLED" : now.isBefore(w.startsAt) ? "COMING"
                : now.isBefore(w.endsAt) ? "ON" : "ENDED";
        return new View(w.id, w.startsAt, w.endsAt, rate(w), w.createdBy, w.cancelledAt, state);
    }

    private static BigDecimal rate(MatchingWindow w) {
        return BigDecimal.valueOf(w.rateTenths, 1).stripTrailingZeros();
    }
}
