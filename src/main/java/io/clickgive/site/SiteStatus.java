package io.clickgive.site;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A connectivity site's life, the one place its steps are decided: SURVEYED (again, if surveyed anew) → APPROVED →
 * INSTALLED → LIVE, and then OFFLINE or in MAINTENANCE and LIVE again.
 */
public enum SiteStatus {
    SURVEYED, APPROVED, INSTALLED, LIVE, OFFLINE, MAINTENANCE;

    private static final Map<SiteStatus, Set<SiteStatus>> NEXT = Map.of(
            SURVEYED, EnumSet.of(SURVEYED, APPROVED),
            APPROVED, EnumSet.of(INSTALLED),
            INSTALLED, EnumSet.of(LIVE, MAINTENANCE),
            LIVE, EnumSet.of(OFFLINE, MAINTENANCE),
            OFFLINE, EnumSet.of(LIVE, MAINTENANCE),
            MAINTENANCE, EnumSet.of(LIVE, OFFLINE));

    public Set<SiteStatus> next() {
        return NEXT.get(this);
    }

    /** Installed, whatever has happened since: what the reports count as an installation. */
    public boolean installed() {
        return this != SURVEYED && this != APPROVED;
    }
}
