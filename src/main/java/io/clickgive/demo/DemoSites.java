package io.clickgive.demo;

import io.clickgive.allocation.SiteBundleView;
import io.clickgive.allocation.SiteBundles;
import io.clickgive.allocation.SitePlanDraft;
import io.clickgive.common.Clocks;
import io.clickgive.site.DeviceDraft;
import io.clickgive.site.SiteDevices;
import io.clickgive.site.SiteReport;
import io.clickgive.site.SiteService;
import io.clickgive.site.SiteStatus;
import io.clickgive.site.SiteSteps;
import io.clickgive.site.SiteView;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The village programme in the demo: two phases (5 installations at 25 000 MAD and 30 Mbps, then 27 at 15 000 MAD and
 * 40 Mbps), and its six douars at every step, from a survey waiting for approval to sites live and one in maintenance.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
class DemoSites {

    /** A douar's way so far: surveyed how long ago, then as far as {@code reached}. */
    private record Douar(String code, SiteStatus reached, int phase, int mbps, long cost, int daysAgo) {
    }

    private static final List<Douar> DOUARS = List.of(
            new Douar("site-tinmel", SiteStatus.LIVE, 1, 30, 25_000, 300),
            new Douar("site-tafeghaghte", SiteStatus.LIVE, 1, 30, 25_000, 290),
            new Douar("site-ighil", SiteStatus.INSTALLED, 2, 40, 15_000, 120),
            new Douar("site-amizmiz", SiteStatus.MAINTENANCE, 2, 40, 15_000, 110),
            new Douar("site-imi-n-tala", SiteStatus.APPROVED, 2, 40, 15_000, 40),
            new Douar("site-tizi-ntest", SiteStatus.SURVEYED, 2, 40, 15_000, 20));


    /** Each installed douar's router SIM (ICCIDs with their check digit) and its monthly bundle of 20 GB. */
    static final java.util.Map<String, String> SIMS = java.util.Map.of(
            "site-tinmel", "8921200000000000015", "site-tafeghaghte", "8921200000000000023",
            "site-ighil", "8921200000000000031", "site-amizmiz", "8921200000000000049");
    static final int MONTHLY_MEGABYTES = 20_000;

    private final SiteService sites;
    private final SiteDevices devices;
    private final SiteBundles bundles;
    private final Clock clock;

    DemoSites(SiteService sites, SiteDevices devices, SiteBundles bundles, Clock clock) {
        this.sites = sites;
        this.devices = devices;
        this.bundles = bundles;
        this.clock = clock;
    }

    /**
     * The installed douars' router SIMs, their monthly plans on the live campaign from this month for a year, and this
     * month's bundles issued (what the hourly schedule would do).
     */
    void monthly(String slug) {
        String month = java.time.YearMonth.now(clock.withZone(Clocks.MOROCCO)).toString();
        java.util.Set<String> planned = bundles.plans(slug).stream().map(SiteBundleView.Plan::site)
                .collect(Collectors.toSet());
        for (var sim : new java.util.TreeMap<>(SIMS).entrySet()) {
            if (devices.list(sim.getKey()).isEmpty()) {
                devices.add(sim.getKey(), new DeviceDraft(sim.getValue(), "06700" + sim.getValue().substring(14),
                        "Routeur de l'école"), DemoLoader.MANAGER);
            }
            if (!planned.contains(sim.getKey())) {
                bundles.plan(slug, sim.getKey(), new SitePlanDraft(sim.getValue(), MONTHLY_MEGABYTES, month, 12),
                        DemoLoader.MANAGER);
            }
        }
        bundles.issue(slug, month, DemoLoader.MANAGER);
    }

    void build() {
        Set<Integer> phases = sites.report().phases().stream().map(SiteReport.Phase::number).collect(Collectors.toSet());
        if (!phases.contains(1)) {
            sites.createPhase(new SiteSteps.PhaseDraft(1, "Phase 1 — écoles temporaires", 125_000L, 5));
        }
        if (!phases.contains(2)) {
            sites.createPhase(new SiteSteps.PhaseDraft(2, "Phase 2 — 8 douars", 405_000L, 27));
        }
        Set<String> surveyed = sites.list().stream().map(SiteView::code).collect(Collectors.toSet());
        LocalDate today = LocalDate.now(clock.withZone(Clocks.MOROCCO));
        for (Douar douar : DOUARS) {
            if (surveyed.contains(douar.code())) {
                continue; // its way was laid out by an earlier load
            }
            sites.survey(douar.code(), new SiteSteps.Survey("Association Tichka (partenaire terrain)",
                    today.minusDays(douar.daysAgo()), true, "Douar raccordé au réseau électrique ; école temporaire",
                    "Mât de 6 m, WiFi extérieur ~200 m"), DemoLoader.MANAGER);
            if (douar.reached() == SiteStatus.SURVEYED) {
                continue;
            }
            sites.change(douar.code(), new SiteSteps.Change(SiteStatus.APPROVED, "Validé après visite"),
                    DemoLoader.MANAGER);
            if (douar.reached() == SiteStatus.APPROVED) {
                continue;
            }
            sites.install(douar.code(), new SiteSteps.Installation(douar.phase(), today.minusDays(douar.daysAgo() - 14),
                    "Routeur 4G, antenne extérieure", new BigDecimal("6.0"), 200, douar.mbps(), douar.cost()),
                    DemoLoader.MANAGER);
            if (douar.reached() == SiteStatus.INSTALLED) {
                continue;
            }
            sites.change(douar.code(), new SiteSteps.Change(SiteStatus.LIVE, null), DemoLoader.MANAGER);
            if (douar.reached() == SiteStatus.MAINTENANCE) {
                sites.change(douar.code(), new SiteSteps.Change(SiteStatus.MAINTENANCE, "Antenne réorientée"),
                        DemoLoader.MANAGER);
            }
        }
    }
}
