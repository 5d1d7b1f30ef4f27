package io.clickgive.distribution;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A tablet's lifecycle, the one place its moves are decided: IN_STOCK → PRELOADED (a bundle) → SHIPPED (a distributor)
 * → ASSIGNED (a beneficiary) → DELIVERED; on the way it may be RETURNED (then restocked without its bundle) or LOST.
 */
public enum TabletStatus {
    IN_STOCK, PRELOADED, SHIPPED, ASSIGNED, DELIVERED, RETURNED, LOST;

    private static final Map<TabletStatus, Set<TabletStatus>> NEXT = Map.of(
            IN_STOCK, EnumSet.of(PRELOADED, LOST),
            PRELOADED, EnumSet.of(SHIPPED, RETURNED, LOST),
            SHIPPED, EnumSet.of(ASSIGNED, RETURNED, LOST),
            ASSIGNED, EnumSet.of(DELIVERED, RETURNED, LOST),
            DELIVERED, EnumSet.noneOf(TabletStatus.class),
            RETURNED, EnumSet.of(IN_STOCK, LOST),
            LOST, EnumSet.noneOf(TabletStatus.class));

    public boolean canMoveTo(TabletStatus target) {
        return NEXT.get(this).contains(target);
    }

    public Set<TabletStatus> next() {
        return NEXT.get(this);
    }
}
