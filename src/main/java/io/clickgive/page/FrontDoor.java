package io.clickgive.page;

import io.clickgive.call.Calls;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.totals.CampaignProgress;
import io.clickgive.totals.TotalsService;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The front door, /: the live campaigns with their totals and progress, the closed ones with what they gave, each with
 * its game and its transparency report; a discreet link to the console. Drafts and campaigns not yet open are not
 * shown (the public learns of a campaign when it opens).
 */
@Path("/")
@Tag(name = "Public page")
public class FrontDoor {

    /** One campaign as the front door lists it. */
    public record Entry(String slug, String name, String gigabytes, int percent, String goalLine, boolean live,
                        boolean takesApplications) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PageView page, List<Entry> live, List<Entry> closed, boolean dev);
    }

    private final CampaignCatalog catalog;
    private final TotalsService totals;
    private final PageTexts texts;
    private final Calls calls;
    private final Clock clock;

    public FrontDoor(CampaignCatalog catalog, TotalsService totals, PageTexts texts, Calls calls, Clock clock) {
        this.catalog = catalog;
        this.calls = calls;
        this.totals = totals;
        this.texts = texts;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The front door (HTML): live campaigns with their totals, closed ones with what they gave")
    public Response home(@QueryParam("lang") String requested, @HeaderParam("Accept-Language") String acceptLanguage,
                         @Context UriInfo uri) {
        String lang = PageTexts.choose(requested, acceptLanguage);
        Map<String, String> t = texts.of(lang);
        PageView page = new PageView(null, lang, lang.equals("ar") ? "rtl" : "ltr", t, t.get("site"),
                uri.getRequestUri().toString(), PageTexts.ogLocale(lang), "", "", "", texts.languages(lang), "{}");
        NumberFormat numbers = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang + "-MA"));
        numbers.setMaximumFractionDigits(1);
        Instant now = clock.instant();
        List<CampaignRules> shown = catalog.all().stream()
                .filter(c -> c.status() == CampaignStatus.CLOSED || c.status() == CampaignStatus.LIVE
                        && !now.isBefore(c.opensAt()))
                .sorted(Comparator.comparing(CampaignRules::opensAt).reversed()).toList();
        List<Entry> live = shown.stream().filter(c -> c.status() == CampaignStatus.LIVE && now.isBefore(c.closesAt()))
                .map(c -> entry(c, lang, page, numbers, true)).toList();
        List<Entry> closed = shown.stream().filter(c -> !(c.status() == CampaignStatus.LIVE
                && now.isBefore(c.closesAt()))).map(c -> entry(c, lang, page, numbers, false)).toList();
        return Response.ok(Templates.home(page, live, closed, LaunchMode.current() == LaunchMode.DEVELOPMENT))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-cache").build();
    }

    private Entry entry(CampaignRules campaign, String lang, PageView page, NumberFormat numbers, boolean live) {
        BigDecimal gigabytes = BigDecimal.ZERO;
        BigDecimal percent = BigDecimal.ZERO;
        try {
            CampaignProgress progress = totals.progress(campaign).await().atMost(Duration.ofSeconds(1));
            gigabytes = progress.gigabytes();
            percent = progress.percentOfGoal();
        } catch (RuntimeException e) {
            Log.warnf("Totals of %s unavailable for the front door: %s", campaign.slug(), e.getMessage());
        }
        String goal = page.text("ofGoal").replace("{percent}", numbers.format(percent))
                .replace("{goal}", numbers.format(campaign.goalGigabytes()));
        return new Entry(campaign.slug(), campaign.names().getOrDefault(lang, campaign.slug()),
                page.text("gigabytes", "value", numbers.format(gigabytes)), Math.min(100, percent.intValue()), goal,
                live, calls.takesApplications(campaign.id()));
    }
}
