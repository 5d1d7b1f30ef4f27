package io.clickgive.campaign;

import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.util.List;

/** Creates campaigns, edits their settings and moves them through their statuses. */
@ApplicationScoped
@Transactional
public class CampaignService {

    private final Event<CampaignChanged> changed;
    private final Clock clock;

    public CampaignService(Event<CampaignChanged> changed, Clock clock) {
        this.clock = clock;
        this.changed = changed;
    }

    public CampaignView create(CampaignDraft draft) {
        checkWindow(draft);
        if (Campaign.findBySlug(draft.slug()).isPresent()) {
            throw ClientError.conflict("A campaign '" + draft.slug() + "' exists already");
        }
        Campaign campaign = new Campaign();
        campaign.createdAt = clock.instant();
        campaign.updatedAt = campaign.createdAt;
        apply(draft, campaign);
        campaign.persistAndFlush();
        afterCommit();
        return CampaignView.of(campaign);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView get(String slug) {
        return CampaignView.of(find(slug));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CampaignView> list() {
        return Campaign.<Campaign>listAll(Sort.by("id")).stream().map(CampaignView::of).toList();
    }

    public CampaignView update(String slug, CampaignDraft draft) {
        checkWindow(draft);
        Campaign campaign = find(slug);
        if (!campaign.slug.equals(draft.slug())) {
            throw ClientError.badRequest("The slug of a campaign cannot change (its links are public)");
        }
        if (campaign.status == CampaignStatus.CLOSED) {
            throw ClientError.conflict("Campaign '" + slug + "' is closed; its settings are final");
        }
        // Donations already made were converted at the current rate; changing it would rewrite history.
        if (campaign.status != CampaignStatus.DRAFT
                && (campaign.megabytesPerClick != draft.megabytesPerClickOrDefault()
                || campaign.megabytesPerGigabyte != draft.megabytesPerGigabyteOrDefault())) {
            throw ClientError.conflict("megabytesPerClick and megabytesPerGigabyte are fixed once a campaign has gone live");
        }
        apply(draft, campaign);
        campaign.updatedAt = clock.instant();
        afterCommit();
        return CampaignView.of(campaign);
    }

    public CampaignView changeStatus(String slug, CampaignStatus target) {
        Campaign campaign = Campaign.find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<Campaign>firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("No campaign '" + slug + "'"));
        if (!campaign.status.canMoveTo(target)) {
            throw ClientError.conflict("Campaign '" + slug + "' is " + campaign.status + " and cannot become " + target
                    + (campaign.status.next().isEmpty() ? "" : "; allowed: " + campaign.status.next()));
        }
        campaign.status = target;
        campaign.updatedAt = clock.instant();
        afterCommit();
        return CampaignView.of(campaign);
    }

    private static Campaign find(String slug) {
        return Campaign.findBySlug(slug).orElseThrow(() -> ClientError.notFound("No campaign '" + slug + "'"));
    }

    private static void checkWindow(CampaignDraft draft) {
        if (!draft.closesAt().isAfter(draft.opensAt())) {
            throw ClientError.badRequest("closesAt must be after opensAt");
        }
        int perGigabyte = draft.megabytesPerGigabyteOrDefault();
        if (perGigabyte != 1000 && perGigabyte != 1024) {
            throw ClientError.badRequest("megabytesPerGigabyte must be 1000 or 1024");
        }
    }

    private static void apply(CampaignDraft draft, Campaign campaign) {
        campaign.slug = draft.slug();
        campaign.nameAr = draft.names().ar();
        campaign.nameFr = draft.names().fr();
        campaign.nameEn = draft.names().en();
        campaign.opensAt = draft.opensAt();
        campaign.closesAt = draft.closesAt();
        campaign.megabytesPerClick = draft.megabytesPerClickOrDefault();
        campaign.sessionSeconds = draft.sessionSecondsOrDefault();
        campaign.maxClicksPerSession = draft.maxClicksPerSessionOrDefault();
        campaign.goalGigabytes = draft.goalGigabytes();
        campaign.megabytesPerGigabyte = draft.megabytesPerGigabyteOrDefault();
        // Omitted guard settings keep their current values (the defaults for a new campaign).
        campaign.guard = draft.guard() == null ? campaign.guard : draft.guard().over(campaign.guard.withDefaults());
    }

    /** The catalog must see the change once the transaction commits, so the next player request obeys it. */
    private void afterCommit() {
        changed.fire(new CampaignChanged());
    }
}
