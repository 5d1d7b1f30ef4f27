package io.clickgive.report;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.web.ClientError;
import io.clickgive.common.Rows;
import io.clickgive.totals.TotalsService;
import io.quarkus.logging.Log;
import io.clickgive.common.Resources;
import io.clickgive.site.SiteReport;
import io.clickgive.site.SiteService;
import io.clickgive.usage.UseReport;
import io.clickgive.usage.UseReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import jakarta.persistence.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a campaign's report from PostgreSQL alone (the ledger's running sums, allocations, tablets), and its CSV form.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    private static final String BY_REGION = Resources.sql("report/by-region");
    private static final String LEDGER = Resources.sql("report/ledger-units");
    static final String CSV_HEADER = "region,donated_megabytes,donated_gigabytes,allocated_megabytes,allocated_gigabytes,"
            + "tablets_preloaded,tablets_shipped,tablets_delivered,delivered_megabytes,delivered_gigabytes,"
            + "beneficiaries_reached,people_reached,tablets_delivered_with_proof,site_megabytes,site_gigabytes,sites_served";

    private final CampaignCatalog catalog;
    private final TotalsService totals;
    private final Clock clock;
    private final SingleFlight<Long, Transparency> published;
    private final SiteService sites;
    private final SingleFlight<Boolean, SiteReport> programme;

    private final UseReports uses;

    public ReportService(CampaignCatalog catalog, TotalsService totals, Clock clock, ClickgiveConfig config,
                         SiteService sites, UseReports uses) {
        this.catalog = catalog;
        this.uses = uses;
        this.totals = totals;
        this.clock = clock;
        this.sites = sites;
        this.published = new SingleFlight<>(clock, config.report().fresh());
        this.programme = new SingleFlight<>(clock, config.report().fresh());
    }

    /**
     * The village programme's installations, for the public transparency pages: built at most once per freshness
     * period per instance, however many read them.
     */
    public SiteReport programme() {
        return programme.get(Boolean.TRUE, sites::report);
    }

    /**
     * The public report of a campaign that has gone live; a draft is unknown to the public (404). Anyone may ask, as
     * often as they like: it is built at most once per freshness period per instance, from the running sums.
     */
    public Transparency transparency(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        if (campaign.status() == CampaignStatus.DRAFT) {
            throw ClientError.notFound("No campaign '" + slug + "'");
        }
        return published.get(campaign.id(), () -> build(campaign));
    }

    private Transparency build(CampaignRules campaign) {
        String slug = campaign.slug();
        CampaignReport report = report(slug);
        Tuple ledger = Rows.single(LEDGER, campaign.id());
        Long inFlight = null;
        try {
            long live = totals.totals(campaign).await().atMost(Duration.ofSeconds(1)).megabytes();
            inFlight = Math.max(0, live - report.total().donatedMegabytes());
        } catch (RuntimeException e) {
            Log.warnf("Live totals of %s unavailable for its report: %s", slug, e.getMessage());
        }
        UseReport use = uses.report(slug);
        return new Transparency(campaign.slug(), campaign.gigabyteConvention(), Rows.number(ledger, "clicks"),
                Rows.number(ledger, "likes"), report, inFlight,
                inFlight == null ? null : campaign.gigabytes(inFlight),
                new UseReport(use.campaign(), use.gigabyteConvention(), use.total(), use.regions(), use.kinds(),
                        List.of()), clock.instant());
    }

    public CampaignReport report(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        List<CampaignReport.Row> regions = new ArrayList<>();
        long[] sums = new long[FIGURES.size()];
        for (Tuple row : Rows.list(BY_REGION, campaign.id())) {
            long[] figures = new long[FIGURES.size()];
            for (int i = 0; i < figures.length; i++) {
                figures[i] = Rows.number(row, FIGURES.get(i));
                sums[i] += figures[i];
            }
            regions.add(row(campaign, Rows.text(row, "region"), figures));
        }
        return new CampaignReport(campaign.slug(), campaign.gigabyteConvention(), row(campaign, null, sums), regions);
    }

    /** One line per region, then a line "total"; gigabytes in the campaign's convention, a dot for decimals. */
    public String csv(String slug) {
        CampaignReport report = report(slug);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        report.regions().forEach(r -> csv.append(line(r.region() == null ? "unknown" : r.region(), r)));
        csv.append(line("total", report.total()));
        return csv.toString();
    }

    private static String line(String region, CampaignReport.Row r) {
        return List.of(region, r.donatedMegabytes(), r.donatedGigabytes().toPlainString(), r.allocatedMegabytes(),
                        r.allocatedGigabytes().toPlainString(), r.tabletsPreloaded(), r.tabletsShipped(),
                        r.tabletsDelivered(), r.deliveredMegabytes(), r.deliveredGigabytes().toPlainString(),
                        r.beneficiariesReached(), r.peopleReached(), r.tabletsDeliveredWithProof(), r.siteMegabytes(),
                        r.siteGigabytes().toPlainString(), r.sitesServed()).stream()
                .map(String::valueOf).collect(Collectors.joining(",")) + "\n";
    }

    /** The columns of report/by-region.sql that are figures, in the order {@link #row} takes them. */
    private static final List<String> FIGURES = List.of("donated", "allocated", "preloaded", "shipped", "delivered",
            "beneficiaries", "people", "delivered_megabytes", "delivered_with_proof", "site_megabytes", "sites_served");

    private static CampaignReport.Row row(CampaignRules campaign, String region, long[] f) {
        return new CampaignReport.Row(region, f[0], campaign.gigabytes(f[0]), f[1], campaign.gigabytes(f[1]), f[2], f[3],
                f[4], f[5], f[6], f[7], campaign.gigabytes(f[7]), f[8], f[9], campaign.gigabytes(f[9]), f[10]);
    }
}
