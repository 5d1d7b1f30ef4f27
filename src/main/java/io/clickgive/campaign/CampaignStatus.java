package io.clickgive.campaign;

import java.util.Set;

/** A campaign's life: DRAFT → LIVE ⇄ PAUSED → CLOSED. Only a LIVE campaign grants sessions. */
public enum CampaignStatus {
    DRAFT, LIVE, PAUSED, CLOSED;

    public Set<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(LIVE);
            case LIVE -> Set.of(PAUSED, CLOSED);
            case PAUSED -> Set.of(LIVE, CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean canMoveTo(CampaignStatus target) {
        return next().contains(target);
    }
}
