package io.clickgive.allocation;

import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.Clocks;
import io.clickgive.site.SiteDevices;
import io.clickgive.site.SiteService;
import io.clickgive.site.SiteStatus;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A connectivity site's data, month after month: a plan per site and campaign (how much, to which router SIM, from
 * which month, for how many), and each month's bundle issued from the campaign's pool as an allocation of its own,
 * under the same locks as the tablets' plans (AllocationService.lockPool), so allocated never passes donated. A month
 * is issued once per plan (the table's key): a second run, or a second instance, adds nothing. A site without its
 * router yet gets nothing that month; a pool too small for a bundle gives none and says so.
 */
@ApplicationScoped
@Transactional
public class SiteBundles {

    /** A site has a router from its installation on, whatever happens to it after. */
    private static final Set<SiteStatus> EQUIPPED = EnumSet.of(SiteStatus.INSTALLED, SiteStatus.LIVE,
            SiteStatus.OFFLINE, SiteStatus.MAINTENANCE);

    private final CampaignCatalog catalog;
    private final AllocationService allocations;
    private final SiteDevices devices;
    private final SiteService sites;
    private final BeneficiaryService beneficiaries;
    private final Clock clock;

    public SiteBundles(CampaignCatalog catalog, AllocationService allocations, SiteDevices devices, SiteService sites,
                       BeneficiaryService beneficiaries, Clock clock) {
        this.catalog = catalog;
        this.allocations = allocations;
        this.devices = devices;
        this.sites = sites;
        this.beneficiaries = beneficiaries;
        this.clock = clock;
    }

    public SiteBundleView.Plan plan(String slug, String code, @NotNull @Valid SitePlanDraft draft, String actor) {
        CampaignRules campaign = catalog.bySlug(slug);
        SiteDevices.Device device = devices.device(code, draft.device());
        if (SitePlan.count("campaignId = ?1 and beneficiaryId = ?2", campaign.id(), device.siteId()) > 0) {
            throw ClientError.conflict("Site '" + code + "' has a plan in campaign '" + slug + "' already");
        }
        SitePlan plan = new SitePlan();
        plan.campaignId = campaign.id();
        plan.beneficiaryId = device.siteId();
        plan.deviceId = device.id();
        plan.monthlyMegabytes = draft.monthlyMegabytes();
        plan.firstMonth = month("firstMonth", draft.firstMonth());
        plan.months = draft.months();
        plan.createdAt = clock.instant();
        plan.createdBy = actor;
        plan.persist();
        return view(plan);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SiteBundleView.Plan> plans(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        return SitePlan.<SitePlan>list("campaignId = ?1 order by id", campaign.id()).stream().map(this::view).toList();
    }

    /** Issues the month's bundle of every plan that covers it (months to come are refused: 400). */
    public SiteBundleView.Run issue(String slug, String month, String actor) {
        CampaignRules campaign = catalog.bySlug(slug);
        LocalDate first = month("month", month);
        if (YearMonth.from(first).isAfter(YearMonth.now(clock.withZone(Clocks.MOROCCO)))) {
            throw ClientError.badRequest("month: " + month + " has not begun; a month's bundles are issued from its "
                    + "first day");
        }
        long available = allocations.lockPool(campaign).availableMegabytes();
        long issued = 0;
        List<SiteBundleView.Outcome> outcomes = new ArrayList<>();
        for (SitePlan plan : SitePlan.<SitePlan>list("campaignId = ?1 order by id", campaign.id())) {
            if (!plan.covers(first)) {
                continue;
            }
            String code = beneficiaries.require(plan.beneficiaryId).code;
            SiteBundleView.Result result;
            String detail = null;
            if (SiteBundle.count("planId = ?1 and month = ?2", plan.id, first) > 0) {
                result = SiteBundleView.Result.ALREADY;
            } else if (!equipped(code)) {
                result = SiteBundleView.Result.NOT_INSTALLED;
                detail = "the site has no router installed yet";
            } else if (available < plan.monthlyMegabytes) {
                result = SiteBundleView.Result.SHORT;
                detail = "the pool has " + available + " MB available; this bundle needs " + plan.monthlyMegabytes;
            } else {
                SiteBundle bundle = new SiteBundle();
                bundle.planId = plan.id;
                bundle.campaignId = campaign.id();
                bundle.beneficiaryId = plan.beneficiaryId;
                bundle.deviceId = plan.deviceId;
                bundle.month = first;
                bundle.megabytes = plan.monthlyMegabytes;
                bundle.activatesOn = first;
                bundle.expiresOn = first.plusMonths(1).minusDays(1);
                bundle.actor = actor;
                bundle.committedAt = clock.instant();
                bundle.persist();
                available -= plan.monthlyMegabytes;
                issued += plan.monthlyMegabytes;
                result = SiteBundleView.Result.ISSUED;
            }
            outcomes.add(new SiteBundleView.Outcome(code, month, plan.monthlyMegabytes, result, detail));
        }
        if (issued > 0) {
            allocations.addToPool(campaign, issued);
        }
        return new SiteBundleView.Run(slug, month, outcomes, allocations.poolInTransaction(campaign));
    }

    /** The campaigns that have site plans: what the schedule runs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> campaignsWithPlans() {
        return SitePlan.<SitePlan>listAll().stream().map(p -> p.campaignId).distinct()
                .map(catalog::byId).filter(java.util.Objects::nonNull).map(CampaignRules::slug).toList();
    }

    private boolean equipped(String code) {
        try {
            return EQUIPPED.contains(sites.get(code).status());
        } catch (ClientError notSurveyed) {
            return false;
        }
    }

    private SiteBundleView.Plan view(SitePlan plan) {
        String code = beneficiaries.require(plan.beneficiaryId).code;
        String iccid = io.clickgive.site.SiteDevice.<io.clickgive.site.SiteDevice>findByIdOptional(plan.deviceId)
                .map(d -> d.iccid).orElse("");
        List<SiteBundleView.Issued> issued = SiteBundle.<SiteBundle>list("planId = ?1 order by month", plan.id)
                .stream().map(b -> new SiteBundleView.Issued(YearMonth.from(b.month).toString(), b.megabytes,
                        b.activatesOn, b.expiresOn)).toList();
        return new SiteBundleView.Plan(code, iccid, plan.monthlyMegabytes, YearMonth.from(plan.firstMonth).toString(),
                plan.months, issued);
    }

    private static LocalDate month(String field, String value) {
        try {
            return YearMonth.parse(value == null ? "" : value.strip()).atDay(1);
        } catch (DateTimeParseException e) {
            throw ClientError.badRequest(field + ": a month such as 2026-12");
        }
    }
}
