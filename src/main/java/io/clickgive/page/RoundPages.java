package io.clickgive.page;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.ledger.Rounds;
import io.clickgive.share.ShareCard;
import io.clickgive.share.ShareImages;
import io.clickgive.web.ClientError;
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

import java.net.URI;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A round shared: "I gave 280 MB" as the ledger recorded it (never as the page claimed), on a page whose share image
 * says so and which invites whoever opens it to play. The session id is random and unguessable; an unknown one shows
 * the campaign with 0 MB, which tells nothing about other rounds.
 */
@Path("/c/{slug}/r/{session}")
@Tag(name = "Public page")
public class RoundPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance round(PageView page, String line, String image);
    }

    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final CampaignCatalog catalog;
    private final Rounds rounds;
    private final ShareImages images;
    private final PageTexts texts;

    public RoundPages(CampaignCatalog catalog, Rounds rounds, ShareImages images, PageTexts texts) {
        this.catalog = catalog;
        this.rounds = rounds;
        this.images = images;
        this.texts = texts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A shared round: what it gave, and an invitation to play (HTML)")
    public Response page(@PathParam("slug") String slug, @PathParam("session") String session,
                         @QueryParam("lang") String requested, @HeaderParam("Accept-Language") String acceptLanguage,
                         @Context UriInfo uri) {
        String lang = PageTexts.choose(requested, acceptLanguage);
        CampaignRules campaign = campaign(slug, session);
        Map<String, String> t = texts.of(lang);
        String line = t.get("shareText").replace("{megabytes}", megabytes(campaign, session, lang));
        String name = campaign.names().getOrDefault(lang, slug);
        PageView page = new PageView(slug, lang, lang.equals("ar") ? "rtl" : "ltr", t, name,
                uri.getRequestUri().toString(), PageTexts.ogLocale(lang), "", "", "", texts.languages(lang), "{}");
        URI here = uri.getRequestUri();
        String image = here.getScheme() + "://" + here.getRawAuthority() + "/c/" + slug + "/r/" + session
                + "/image.png?lang=" + lang;
        return Response.ok(Templates.round(page, line, image)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("image.png")
    @Produces("image/png")
    @Operation(summary = "A shared round's image (PNG, 1200 × 630): what it gave, as the ledger recorded it")
    public Response image(@PathParam("slug") String slug, @PathParam("session") String session,
                          @QueryParam("lang") String requested) {
        String lang = PageTexts.choose(requested, null);
        CampaignRules campaign = campaign(slug, session);
        Map<String, String> t = texts.of(lang);
        String given = megabytes(campaign, session, lang);
        // With a sponsor, the image thanks it: "I gave 280 MB", given by Maroc Data.
        String caption = campaign.sponsor() == null ? t.get("shareRound")
                : t.get("shareRound") + " · " + t.get("sponsoredBy") + " " + campaign.sponsor().name();
        ShareCard card = new ShareCard(lang, campaign.names().getOrDefault(lang, slug),
                t.get("megabytes").replace("{value}", given), caption, t.get("site") + " · " + t.get("shareFoot"));
        // Keyed by what the image says, not by the session: rounds that gave the same are one image, and a flood of
        // made-up sessions (all 0 MB) draws one image, not one each.
        return Response.ok(images.png("round|" + slug + "|" + lang + "|" + given + "|" + caption, card), "image/png")
                .header("Cache-Control", "public, max-age=3600").build();
    }

    private CampaignRules campaign(String slug, String session) {
        if (!SESSION.matcher(session).matches()) {
            throw ClientError.notFound("No such round");
        }
        return catalog.publicBySlug(slug);
    }

    private String megabytes(CampaignRules campaign, String session, String lang) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag(lang + "-MA"))
                .format(rounds.given(campaign.id(), session).megabytes());
    }
}
