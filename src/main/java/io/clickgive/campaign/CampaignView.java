package io.clickgive.campaign;

import io.clickgive.guard.GuardSettings;

import java.time.Instant;

/** A campaign as the manager API shows it. */
public record CampaignView(long id, String slug, CampaignDraft.Names names, CampaignStatus status,
                           Instant opensAt, Instant closesAt, int megabytesPerClick, int sessionSeconds,
                           int maxClicksPerSession, long goalGigabytes, int megabytesPerGigabyte,
                           String gigabyteConvention, GuardSettings guard) {

    static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.slug, new CampaignDraft.Names(c.nameAr, c.nameFr, c.nameEn), c.status,
                c.opensAt, c.closesAt, c.megabytesPerClick, c.sessionSeconds, c.maxClicksPerSession,
                c.goalGigabytes, c.megabytesPerGigabyte, "1 GB = " + c.megabytesPerGigabyte + " MB",
                c.guard.withDefaults());
    }
}
