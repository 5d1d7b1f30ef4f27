package io.clickgive.distribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A tablet as the API shows it: where it stands, what it carries, to whom; with its history when asked for one. */
public record TabletView(String serial, String imei, String model, TabletStatus status, Long bundle,
                         Integer bundleMegabytes, String distributor, String beneficiary, LocalDate deliveredOn,
                         String recipient, String note, List<Step> history) {

    /** How a delivery's event names its recipient, in the audit's own words (the API shows the detail as written). */
    static final String DELIVERED_TO = "to ";

    public record Step(TabletStatus from, TabletStatus to, Long bundle, String distributor, String beneficiary,
                       String detail, String actor, Instant at) {

        /** Who received the tablet, for a delivery (its event's detail names them: {@link #DELIVERED_TO}). */
        public String recipient() {
            return to == TabletStatus.DELIVERED && detail != null && detail.startsWith(DELIVERED_TO)
                    ? detail.substring(DELIVERED_TO.length()) : null;
        }

        /** A person's note on a move (return, restock, lost); the other moves' details are the system's own words. */
        public String note() {
            return switch (to) {
                case RETURNED, IN_STOCK, LOST -> from == null ? null : detail;
                default -> null;
            };
        }
    }
}
