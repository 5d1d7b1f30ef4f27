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
                            java.util.Map<String, String> names) {

    static CampaignRules of(Campaign c) {
        GuardSettings guard = c.guard.withDefaults();
        return new CampaignRules(c.id, c.slug, c.status, c.opensAt, c.closesAt, c.megabytesPerClick,
                c.sessionSeconds, c.maxClicksPerSession, c.goalGigabytes, c.megabytesPerGigabyte, guard,
                java.util.Map.of("ar", c.nameAr, "fr", c.nameFr, "en", c.nameEn));
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
