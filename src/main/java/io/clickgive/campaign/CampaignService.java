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

    /**
     * Sets the campaign's sponsor: every problem at once (400). The purse itself is checked against what was donated
     * by its caller (sponsor.Purses), which holds the counters.
     */
    public Sponsor setSponsor(String slug, SponsorDraft draft) {
        Campaign campaign = Campaign.findBySlug(slug).orElseThrow(() -> ClientError.notFound("No campaign '" + slug + "'"));
        java.util.List<String> problems = new java.util.ArrayList<>();
        String name = draft == null || draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add("name: the sponsor's name, 1 to 100 characters");
        }
        for (String[] url : new String[][]{{"logo", draft == null ? null : draft.logo()},
                {"link", draft == null ? null : draft.link()}}) {
            if (url[1] != null && !url[1].isBlank() && (!url[1].startsWith("https://") || url[1].length() > 300
                    || url[1].chars().anyMatch(c -> c <= ' '))) {
                problems.add(url[0] + ": an https:// address of 300 characters at most");
            }
        }
        Long purse = draft == null ? null : draft.purseMegabytes();
        if (purse != null && purse <= 0) {
            problems.add("purseMegabytes: a positive number of megabytes");
        }
        if (campaign.purseMegabytes != null && purse == null) {
            problems.add("purseMegabytes: a purse once set stays (its clicks were counted against it); raise it instead");
        }
        if (!problems.isEmpty()) {
            throw ClientError.badRequest("The sponsor cannot be set as it is", problems);
        }
        campaign.sponsorName = name;
        campaign.sponsorLogo = draft.logo() == null || draft.logo().isBlank() ? null : draft.logo().strip();
        campaign.sponsorLink = draft.link() == null || draft.link().isBlank() ? null : draft.link().strip();
        campaign.purseMegabytes = purse;
        campaign.updatedAt = clock.instant();
        changed.fire(new CampaignChanged());
        return new Sponsor(campaign.sponsorName, campaign.sponsorLogo, campaign.sponsorLink, campaign.purseMegabytes);
    }
}
