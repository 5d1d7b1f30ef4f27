package io.clickgive.site;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A connectivity site as managers see it: the beneficiary, where it stands, what was installed, and every step. */
public record SiteView(String code, String name, String region, String province, int peopleServed, SiteStatus status,
                       boolean gridPower, Integer phase, LocalDate installedOn, String kit, BigDecimal mastMeters,
                       Integer wifiRangeMeters, Integer bandwidthMbps, Long costMad, List<Step> history) {

    public record Step(SiteStatus from, SiteStatus to, String partner, LocalDate surveyedOn, Boolean gridPower,
                       String findings, String recommendedKit, Integer phase, LocalDate installedOn, String kit,
                       BigDecimal mastMeters, Integer wifiRangeMeters, Integer bandwidthMbps, Long costMad,
                       String note, String actor, Instant at) {
    }
}
