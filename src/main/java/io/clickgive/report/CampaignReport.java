package io.clickgive.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * How far a campaign's donations have travelled, per region and in all: GB donated (ledger) and allocated; tablets
 * preloaded, shipped and delivered (cumulative stages) and the GB on the delivered ones; beneficiaries and people
 * reached by a delivered tablet.
 */
public record CampaignReport(String campaign, String gigabyteConvention, Row total, List<Row> regions) {

    /** {@code region} is null for donations that came without one. */
    public record Row(String region, long donatedMegabytes, BigDecimal donatedGigabytes, long allocatedMegabytes,
                      BigDecimal allocatedGigabytes, long tabletsPreloaded, long tabletsShipped, long tabletsDelivered,
                      long beneficiariesReached, long peopleReached, long deliveredMegabytes,
                      BigDecimal deliveredGigabytes, long tabletsDeliveredWithProof, long siteMegabytes,
                      BigDecimal siteGigabytes, long sitesServed) {
    }
}
