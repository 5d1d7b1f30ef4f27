package io.clickgive.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.campaign.Matching;
import io.clickgive.sponsor.Purses;
import io.clickgive.common.Clocks;
import io.clickgive.campaign.Region;
import io.clickgive.web.ClientError;
import io.clickgive.report.CampaignReport;
import io.clickgive.report.ReportService;
import io.clickgive.report.Transparency;
import io.clickgive.site.SiteReport;
import io.clickgive.totals.CampaignTotals;
import io.clickgive.totals.TotalsService;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public campaign page, /c/{slug}: a server-rendered shell (title, OpenGraph tags, lang and dir, the total as last
 * read) that the page's script takes over. An unknown, closed or not-yet-open campaign gets a page that says so.
 */
@Path("/c/{slug}")
@Tag(name = "Public page")
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance campaign(PageView page, String matching, SponsorLine sponsor);

        static native TemplateInstance unavailable(PageView page, String title, String text);

        static native TemplateInstance report(PageView page, ReportPage report, SiteReport sites);
    }

    private final CampaignCatalog catalog;
    private final TotalsService totals;
    private final ReportService reports;
    private final PageTexts texts;
    private final ObjectMapper json;
    private final Clock clock;
    private final Purses purses;

    public PageResource(CampaignCatalog catalog, TotalsService totals, ReportService reports, PageTexts texts,
                        ObjectMapper json, Clock clock, Purses purses) {
        this.purses = purses;
        this.catalog = catalog;
        this.totals = totals;
        this.reports = reports;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Path("report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The campaign's public transparency report (HTML): donated, allocated, delivered")
    public Response report(@PathParam("slug") String slug, @QueryParam("lang") String requested,
                           @HeaderParam("Accept-Language") String acceptLanguage, @Context UriInfo uri) {
        String lang = PageTexts.choose(requested, acceptLanguage);
        Transparency transparency;
        try {
            transparency = reports.transparency(slug);
        } catch (ClientError unknown) {
            return unknown(lang, uri);
        }
        CampaignRules campaign = catalog.bySlug(slug);
        PageView page = view(lang, campaign, latest(campaign), uri);
        return html(200, Templates.report(page, reportPage(lang, page, campaign, transparency), reports.programme()));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The campaign's public page (HTML), in Arabic, French or English")
    public Response page(@PathParam("slug") String slug, @QueryParam("lang") String requested,
                         @HeaderParam("Accept-Language") String acceptLanguage, @Context UriInfo uri) {
        String lang = PageTexts.choose(requested, acceptLanguage);
        CampaignRules campaign;
        try {
            campaign = catalog.bySlug(slug);
        } catch (ClientError unknown) {
            return unknown(lang, uri);
        }
        if (campaign.status() == CampaignStatus.DRAFT) {
            return unknown(lang, uri);
        }
        CampaignTotals current = latest(campaign);
        PageView page = view(lang, campaign, current, uri);
        Instant now = clock.instant();
        if (campaign.status() == CampaignStatus.CLOSED || !now.isBefore(campaign.closesAt())) {
            return html(200, Templates.unavailable(page, page.text("closedTitle"),
                    page.text("closedText", "gigabytes", page.gigabytes())));
        }
        if (campaign.status() != CampaignStatus.LIVE || now.isBefore(campaign.opensAt())) {
            return html(200, Templates.unavailable(page, page.text("notLiveTitle"), page.text("notLiveText")));
        }
        return html(200, Templates.campaign(page, matchingLine(page, campaign.matchingOnOrNext(now), now),
                SponsorLine.of(page, purses.view(campaign), campaign)));
    }

    private ReportPage reportPage(String lang, PageView page, CampaignRules campaign, Transparency t) {
        NumberFormat whole = NumberFormat.getIntegerInstance(Locale.forLanguageTag(lang + "-MA"));
        NumberFormat gigabytes = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang + "-MA"));
        gigabytes.setMaximumFractionDigits(1);
        CampaignReport.Row total = t.report().total();
        Map<String, String> regionNames = new LinkedHashMap<>();
        for (Region region : catalog.regions()) {
            regionNames.put(region.code, switch (lang) {
                case "ar" -> region.nameAr;
                case "fr" -> region.nameFr;
                default -> region.nameEn;
            });
        }
        Map<String, io.clickgive.usage.UseReport.Row> use = new java.util.HashMap<>();
        t.use().regions().forEach(r -> use.put(r.key(), r));
        List<ReportPage.Region> rows = new ArrayList<>();
        for (CampaignReport.Row row : t.report().regions()) {
            io.clickgive.usage.UseReport.Row used = use.get(row.region());
            if (row.donatedMegabytes() + row.allocatedMegabytes() + row.tabletsDelivered() + row.siteMegabytes() == 0) {
                continue;
            }
            rows.add(new ReportPage.Region(row.region() == null ? page.text("unknownRegion")
                    : regionNames.getOrDefault(row.region(), row.region()),
                    gigabytes.format(row.donatedGigabytes()), gigabytes.format(row.allocatedGigabytes()),
                    whole.format(row.tabletsDelivered()), gigabytes.format(row.siteGigabytes()),
                    used == null ? "0" : gigabytes.format(used.usedGigabytes()),
                    used == null ? "0" : gigabytes.format(used.lapsedGigabytes())));
        }
        return new ReportPage(campaign.slug(), gigabytes.format(total.donatedGigabytes()),
                page.text("clicksConfirmed").replace("{clicks}", whole.format(t.confirmedClicks()))
                        .replace("{likes}", whole.format(t.confirmedLikes())),
                t.inFlightGigabytes() == null ? "–" : gigabytes.format(t.inFlightGigabytes()),
                gigabytes.format(total.allocatedGigabytes()), percent(total.allocatedMegabytes(), total.donatedMegabytes()),
                gigabytes.format(total.deliveredGigabytes()),
                percent(total.deliveredMegabytes(), total.donatedMegabytes()),
                page.text("tabletsDelivered", "count", whole.format(total.tabletsDelivered())),
                page.text("beneficiariesReached", "count", whole.format(total.beneficiariesReached())),
                page.text("peopleReached", "count", whole.format(total.peopleReached())),
                gigabytes.format(total.siteGigabytes()), percent(total.siteMegabytes(), total.donatedMegabytes()),
                page.text("sitesServed", "count", whole.format(total.sitesServed())),
                gigabytes.format(t.use().total().usedGigabytes()), gigabytes.format(t.use().total().lapsedGigabytes()),
                gigabytes.format(t.use().total().unreportedGigabytes()), rows);
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.min(100, part * 100 / whole);
    }

    /** An unknown campaign, or one still in draft: the public is told only that there is none. */
    private Response unknown(String lang, UriInfo uri) {
        PageView page = view(lang, null, null, uri);
        return html(404, Templates.unavailable(page, page.text("unknownTitle"), page.text("unknownText")));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page)
                .header("Cache-Control", "no-cache").build();
    }

    /** The totals as the public sees them, or none when Redis does not answer in time: the script will fetch them. */
    private CampaignTotals latest(CampaignRules campaign) {
        try {
            return totals.totals(campaign).await().atMost(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            Log.warnf("Totals of %s unavailable for the page: %s", campaign.slug(), e.getMessage());
            return null;
        }
    }

    private PageView view(String lang, CampaignRules campaign, CampaignTotals current, UriInfo uri) {
        Map<String, String> t = texts.of(lang);
        Locale locale = Locale.forLanguageTag(lang + "-MA");
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(1);
        BigDecimal gigabytes = current == null ? BigDecimal.ZERO : current.gigabytes();
        BigDecimal percent = current == null ? BigDecimal.ZERO : current.percentOfGoal();
        String name = campaign == null ? t.get("site") : name(campaign, lang);
        return new PageView(campaign == null ? null : campaign.slug(), lang, lang.equals("ar") ? "rtl" : "ltr", t, name, uri.getRequestUri().toString(),
                PageTexts.ogLocale(lang), numbers.format(gigabytes), numbers.format(percent),
                campaign == null ? "" : numbers.format(campaign.goalGigabytes()), texts.languages(lang),
                campaign == null ? "{}" : boot(lang, campaign, current));
    }

    /**
     * The matching hour on ("every click counts x2 until 22:00") or the next one to come, in the page's language and
     * Morocco's time; null when there is none.
     */
    private static String matchingLine(PageView page, Matching window, Instant now) {
        if (window == null) {
            return null;
        }
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern(
                window.startsAt().atZone(Clocks.MOROCCO).toLocalDate().equals(now.atZone(Clocks.MOROCCO).toLocalDate())
                        ? "HH:mm" : "d MMMM HH:mm", Locale.forLanguageTag(page.lang() + "-MA")).withZone(Clocks.MOROCCO);
        String rate = NumberFormat.getNumberInstance(Locale.forLanguageTag(page.lang() + "-MA"))
                .format(window.rateTenths() / 10.0);
        return window.isOnAt(now)
                ? page.text("matchingOn").replace("{rate}", rate).replace("{to}", time.format(window.endsAt()))
                : page.text("matchingNext").replace("{rate}", rate).replace("{from}", time.format(window.startsAt()))
                .replace("{to}", time.format(window.endsAt()));
    }

    private static String name(CampaignRules campaign, String lang) {
        return campaign.names().getOrDefault(lang, campaign.slug());
    }

    private String boot(String lang, CampaignRules campaign, CampaignTotals current) {
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("lang", lang);
        boot.put("slug", campaign.slug());
        boot.put("names", campaign.names());
        boot.put("sessionSeconds", campaign.sessionSeconds());
        boot.put("megabytesPerClick", campaign.megabytesPerClick());
        boot.put("goalGigabytes", campaign.goalGigabytes());
        boot.put("guard", campaign.guard().enabled());
        boot.put("texts", texts.all());
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Region region : catalog.regions()) {
            regions.add(Map.of("code", region.code, "names", Map.of("ar", region.nameAr, "fr", region.nameFr,
                    "en", region.nameEn)));
        }
        boot.put("regions", regions);
        boot.put("totals", current);
        // The page counts a round's megabytes as the server will: at the rate of the matching hour on.
        boot.put("matching", campaign.matching());
        boot.put("sponsor", campaign.sponsor() == null ? null : campaign.sponsor().name());
        boot.put("megabytesPerGigabyte", campaign.megabytesPerGigabyte());
        try {
            // Inside <script>, "</script>" or "<!--" in a text would end the element: "<" is written as \\u003c.
            return json.writeValueAsString(boot).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
