package io.clickgive.page;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.share.ShareCard;
import io.clickgive.share.ShareImages;
import io.clickgive.totals.CampaignProgress;
import io.clickgive.totals.TotalsService;
import io.clickgive.web.ClientError;
import io.quarkus.logging.Log;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A campaign's share image (OpenGraph): its name and total in the page's language, drawn on the server, so a link
 * shared on a messaging app shows what the campaign gave. Unknown or draft campaigns: 404, as their pages are.
 */
@Path("/c/{slug}/share.png")
@Tag(name = "Public page")
public class SharePages {

    private final CampaignCatalog catalog;
    private final TotalsService totals;
    private final ShareImages images;
    private final PageTexts texts;

    public SharePages(CampaignCatalog catalog, TotalsService totals, ShareImages images, PageTexts texts) {
        this.catalog = catalog;
        this.totals = totals;
        this.images = images;
        this.texts = texts;
    }

    @GET
    @Produces("image/png")
    @Operation(summary = "The campaign's share image (PNG, 1200 × 630): its name and total, in ar, fr or en")
    public Response campaign(@PathParam("slug") String slug, @QueryParam("lang") String requested) {
        String lang = PageTexts.choose(requested, null);
        CampaignRules campaign = catalog.publicBySlug(slug);
        if (campaign.status() == CampaignStatus.DRAFT) {
            throw ClientError.notFound("No campaign '" + slug + "'");
        }
        Map<String, String> t = texts.of(lang);
        NumberFormat numbers = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang + "-MA"));
        numbers.setMaximumFractionDigits(0);
        BigDecimal gigabytes = BigDecimal.ZERO;
        try {
            CampaignProgress progress = totals.progress(campaign).await().atMost(Duration.ofSeconds(1));
            gigabytes = progress.gigabytes();
        } catch (RuntimeException e) {
            Log.warnf("Totals of %s unavailable for its share image: %s", slug, e.getMessage());
        }
        ShareCard card = new ShareCard(lang, campaign.names().getOrDefault(lang, slug),
                t.get("gigabytes").replace("{value}", numbers.format(gigabytes)), t.get("shareCaption"),
                t.get("site") + " · " + t.get("shareFoot"));
        return Response.ok(images.png(slug + "|" + lang, card), "image/png")
                .header("Cache-Control", "public, max-age=300").build();
    }
}
