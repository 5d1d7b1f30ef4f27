package io.clickgive.campaign;

import io.clickgive.guard.GuardSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * An immutable snapshot of what the click path needs of a campaign, held in memory so granting a session never touches
 * PostgreSQL; {@code names} the campaign's name per language (ar, fr, en) for the public page.
 */
public record CampaignRules(long id, String slug, CampaignStatus status, Instant opensAt, Instant closesAt,
                            int megabytesPerClick, int sessionSeconds, int maxClicksPerSession,
                            long goalGigabytes, int megabytesPerGigabyte, GuardSettings guard,
                            java.util.Map<String, String> names, java.util.List<Matching> matching, Sponsor sponsor) {

    static CampaignRules of(Campaign c, java.util.List<Matching> matching) {
        GuardSettings guard = c.guard.withDefaults();
        return new CampaignRules(c.id, c.slug, c.status, c.opensAt, c.closesAt, c.megabytesPerClick,
                c.sessionSeconds, c.maxClicksPerSession, c.goalGigabytes, c.megabytesPerGigabyte, guard,
                java.util.Map.of("ar", c.nameAr, "fr", c.nameFr, "en", c.nameEn), java.util.List.copyOf(matching),
                c.sponsorName == null ? null : new Sponsor(c.sponsorName, c.sponsorLogo, c.sponsorLink, c.purseMegabytes));
    }

    /** Whether the campaign's clicks are paid from a sponsor's purse. */
    public boolean hasPurse() {
        return sponsor != null && sponsor.purseMegabytes() != null;
    }

    /** The rate (tenths: 10 = x1) of a click counted at {@code now}: that of the matching hour on, if one is. */
    public int rateAt(Instant now) {
        for (Matching window : matching) {
            if (window.isOnAt(now)) {
                return window.rateTenths();
            }
        }
        return Matching.PLAIN;
    }

    /** The megabytes one click counted at {@code now} gives (whole: a window's rate is checked to keep it so). */
    public int worthAt(Instant now) {
        return megabytesPerClick * rateAt(now) / Matching.PLAIN;
    }

    /** The matching hour on at {@code now}, else the next one to come; null when there is none. */
    public Matching matchingOnOrNext(Instant now) {
        Matching next = null;
        for (Matching window : matching) {
            if (window.isOnAt(now)) {
                return window;
            }
            if (window.startsAt().isAfter(now) && (next == null || window.startsAt().isBefore(next.startsAt()))) {
                next = window;
            }
        }
        return next;
    }

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Gigabytes in this campaign's convention, three decimals, rounded down so a total is never overstated. */
    public BigDecimal gigabytes(long megabytes) {
        return BigDecimal.valueOf(megabytes).divide(BigDecimal.valueOf(megabytesPerGigabyte), 3, RoundingMode.DOWN);
    }

    public String gigabyteConvention() {
        return "1 GB = " + megabytesPerGigabyte + " MB";
    }

    public BigDecimal percentOfGoal(long megabytes) {
        BigDecimal goalMegabytes = BigDecimal.valueOf(goalGigabytes).multiply(BigDecimal.valueOf(megabytesPerGigabyte));
        return BigDecimal.valueOf(megabytes).multiply(BigDecimal.valueOf(100)).divide(goalMegabytes, 1, RoundingMode.DOWN);
    }
}
