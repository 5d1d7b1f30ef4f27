package io.clickgive.totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A campaign's live totals; gigabytes follow the campaign's convention, stated in gigabyteConvention. */
public record CampaignTotals(String slug, long clicks, long likes, long sessions, long participants, long megabytes,
                             BigDecimal gigabytes, String gigabyteConvention, long goalGigabytes,
                             BigDecimal percentOfGoal, List<RegionTotal> regions, Instant readAt) {

    /** One region's share; only regions with donations are listed. */
    public record RegionTotal(String code, long clicks, long likes, long megabytes, BigDecimal gigabytes) {
    }
}
