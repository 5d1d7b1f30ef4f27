package io.clickgive.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.share.ShareCard;
import io.clickgive.share.ShareImages;
import io.clickgive.team.TeamService;
import io.clickgive.team.TeamView;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A team's page, its invite link: /c/{slug}/t/{code}. Its figures as the ledger counts them, a button to join (the
 * page's script asks with the player's identity), the text to invite friends, and a share image with the team's name
 * and megabytes. A hidden team, or one of another campaign, is a 404.
 */
@Path("/c/{slug}/t/{code}")
@Tag(name = "Public page")
public class TeamPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(PageView page, TeamView team, Figures figures, String image, String invite);
    }

    /** The team's figures as this page's language writes them. */
    record Figures(String megabytes, String clicks, String members, String rounds, String rank, String region) {
    }

    private final CampaignCatalog catalog;
    private final TeamService teams;
    private final ShareImages images;
    private final PageTexts texts;
    private final ObjectMapper json;

    public TeamPages(CampaignCatalog catalog, TeamService teams, ShareImages images, PageTexts texts, ObjectMapper json) {
        this.catalog = catalog;
        this.teams = teams;
        this.images = images;
        this.texts = texts;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A team's page and invite link (HTML): its figures, join, invite")
    public Response page(@PathParam("slug") String slug, @PathParam("code") String code,
                         @QueryParam("lang") String requested, @HeaderParam("Accept-Language") String acceptLanguage,
                         @Context UriInfo uri) throws JsonProcessingException {
        String lang = PageTexts.choose(requested, acceptLanguage);
        CampaignRules campaign = catalog.publicBySlug(slug);
        TeamView team = teams.team(slug, code);
        Map<String, String> t = texts.of(lang);
        URI here = uri.getRequestUri();
        String origin = here.getScheme() + "://" + here.getRawAuthority();
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("slug", slug);
        boot.put("code", code);
        boot.put("guard", campaign.guard().enabled());
        boot.put("lang", lang);
        boot.put("texts", t);
        PageView page = new PageView(slug, lang, lang.equals("ar") ? "rtl" : "ltr", t, team.name(), here.toString(),
                PageTexts.ogLocale(lang), "", "", "", texts.languages(lang),
                json.writeValueAsString(boot).replace("<", "\\u003c"));
        String invite = t.get("teamShareText").replace("{team}", team.name())
                .replace("{megabytes}", String.valueOf(campaign.megabytesPerClick()));
        return Response.ok(Templates.team(page, team, figures(campaign, team, lang, t), origin + team.link()
                        + "/image.png?lang=" + lang, invite))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("image.png")
    @Produces("image/png")
    @Operation(summary = "A team's share image (PNG, 1200 × 630): its name and what it gave")
    public Response image(@PathParam("slug") String slug, @PathParam("code") String code,
                          @QueryParam("lang") String requested) {
        String lang = PageTexts.choose(requested, null);
        CampaignRules campaign = catalog.publicBySlug(slug);
        TeamView team = teams.team(slug, code);
        Map<String, String> t = texts.of(lang);
        Figures figures = figures(campaign, team, lang, t);
        // A name in a script the shipped fonts lack (they cover Arabic and Latin) would draw as boxes: the campaign's
        // name stands in.
        String title = images.canDraw(team.name()) ? team.name() : campaign.names().getOrDefault(lang, slug);
        ShareCard card = new ShareCard(lang, title, t.get("megabytes").replace("{value}", figures.megabytes()),
                t.get("teamCaption").replace("{members}", figures.members()),
                campaign.names().getOrDefault(lang, slug) + " · " + t.get("site"));
        return Response.ok(images.png("team|" + code + "|" + lang, card), "image/png")
                .header("Cache-Control", "public, max-age=300").build();
    }

    private Figures figures(CampaignRules campaign, TeamView team, String lang, Map<String, String> t) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.forLanguageTag(lang + "-MA"));
        String region = catalog.regions().stream().filter(r -> r.code.equals(team.region())).findFirst()
                .map(r -> switch (lang) {
                    case "ar" -> r.nameAr;
                    case "fr" -> r.nameFr;
                    default -> r.nameEn;
                }).orElse(team.region());
        return new Figures(number.format(team.megabytes()), number.format(team.clicks()), number.format(team.members()),
                number.format(team.rounds()), number.format(team.rank()), region);
    }
}
