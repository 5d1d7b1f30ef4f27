package io.clickgive.distribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A tablet as the API shows it: where it stands, what it carries, to whom; with its history when asked for one. */
public record TabletView(String serial, String imei, String model, TabletStatus status, Long bundle,
                         Integer bundleMegabytes, String distributor, String beneficiary, LocalDate deliveredOn,
                         String recipient, String note, List<Step> history) {

    public record Step(TabletStatus from, TabletStatus to, Long bundle, String distributor, String beneficiary,
                       String detail, String actor, Instant at) {
    }
}
