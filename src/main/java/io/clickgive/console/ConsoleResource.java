package io.clickgive.console;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignService;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.campaign.CampaignView;
import io.clickgive.common.ClientError;
import io.clickgive.common.QueryParams;
import io.clickgive.totals.CampaignTotals;
import io.clickgive.guard.RejectionResource;
import io.clickgive.totals.TotalsService;
import io.clickgive.distribution.TabletOrders;
import io.clickgive.distribution.TabletService;
import io.clickgive.distribution.TabletStatus;
import io.clickgive.distribution.TabletView;
import io.clickgive.page.PageTexts;
import io.clickgive.security.User;
import io.clickgive.security.UserService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The console's pages, server-rendered and usable without script: sign-in; for managers the campaigns with their
 * transitions and a live dashboard; for distributors their tablets with assign and deliver forms. Every form post is checked for its CSRF token; every change goes through the same
 * services as the API, so the rules and the audit trail are the same.
 */
@Path("/console")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(ConsoleView view, boolean failed);

        static native TemplateInstance home(ConsoleView view);

        static native TemplateInstance tablets(ConsoleView view, List<TabletView> tablets, String message);

        static native TemplateInstance campaigns(ConsoleView view, List<CampaignView> campaigns);

        static native TemplateInstance dashboard(ConsoleView view, CampaignView campaign, CampaignTotals totals,
                                                 RejectionResource.Report refusals);
    }

    /** What every console page needs: language, texts, who is signed in, the form token. */
    public record ConsoleView(String lang, String dir, Map<String, String> t, String user, String role, String csrf) {

        public String text(String key) {
            return t.getOrDefault(key, key);
        }

        public String text(String key, String name, Object value) {
            return text(key).replace("{" + name + "}", String.valueOf(value));
        }

        public String status(CampaignStatus status) {
            return text("console.status." + status.name());
        }

        public String moveTo(CampaignStatus status) {
            return text("console.to." + status.name());
        }

        public String tablet(TabletStatus status) {
            return text("tablet." + status.name());
        }

        /** A number as this page's language writes it (Morocco's conventions for ar, fr and en). */
        public String number(Object value) {
            java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(
                    java.util.Locale.forLanguageTag(lang + "-MA"));
            format.setMaximumFractionDigits(3);
            return format.format(value);
        }
    }

    private final PageTexts texts;
    private final UserService users;
    private final TabletService tablets;
    private final CampaignService campaigns;
    private final CampaignCatalog catalog;
    private final TotalsService totals;
    private final Csrf csrf;

    public ConsoleResource(PageTexts texts, UserService users, TabletService tablets, CampaignService campaigns,
                           CampaignCatalog catalog, TotalsService totals, Csrf csrf) {
        this.texts = texts;
        this.users = users;
        this.tablets = tablets;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.totals = totals;
        this.csrf = csrf;
    }

    @GET
    @Path("campaigns")
    @Operation(summary = "Campaigns, with their status transitions (managers)")
    public TemplateInstance campaigns(@QueryParam("lang") String lang, @Context SecurityContext security) {
        managerOnly(security);
        return Templates.campaigns(view(lang, security), campaigns.list());
    }

    @POST
    @Path("campaigns/{slug}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Move a campaign to another status (form)")
    public Response changeStatus(@PathParam("slug") String slug, @FormParam("csrf") String token,
                                 @FormParam("status") String status, @FormParam("lang") String lang,
                                 @Context SecurityContext security) {
        managerOnly(security);
        csrf.check(security.getUserPrincipal().getName(), token);
        campaigns.changeStatus(slug, QueryParams.oneOf(CampaignStatus.class, "status", status));
        return Response.seeOther(UriBuilder.fromPath("/console/campaigns").queryParam("lang", PageTexts.choose(lang, null))
                .build()).build();
    }

    @GET
    @Path("campaigns/{slug}")
    @Operation(summary = "A campaign's live dashboard: totals, regions, the guard's refusals (managers)")
    public TemplateInstance dashboard(@PathParam("slug") String slug, @QueryParam("lang") String lang,
                                      @Context SecurityContext security) {
        managerOnly(security);
        CampaignRules rules = catalog.bySlug(slug);
        return Templates.dashboard(view(lang, security), campaigns.get(slug),
                totals.totals(rules).await().atMost(Duration.ofSeconds(2)),
                RejectionResource.report(totals.refusals(rules).await().atMost(Duration.ofSeconds(2))));
    }

    private static void managerOnly(SecurityContext security) {
        if (!security.isUserInRole(User.MANAGER) && !security.isUserInRole(User.ADMIN)) {
            throw ClientError.forbidden("This page is for managers");
        }
    }

    @GET
    @Path("login")
    @Operation(summary = "The console's sign-in page")
    public TemplateInstance login(@QueryParam("lang") String lang, @QueryParam("error") String error) {
        return Templates.login(view(lang, null), error != null);
    }

    @GET
    @Operation(summary = "The console's home page")
    public TemplateInstance home(@QueryParam("lang") String lang, @Context SecurityContext security) {
        return Templates.home(view(lang, security));
    }

    @GET
    @Path("logout")
    @Operation(summary = "Sign out of the console")
    public Response logout() {
        NewCookie gone = new NewCookie.Builder("clickgive-console").path("/").maxAge(0).value("").build();
        return Response.seeOther(UriBuilder.fromPath("/console/login").build()).cookie(gone).build();
    }

    @GET
    @Path("tablets")
    @Operation(summary = "A distributor's tablets, with assign and deliver forms")
    public TemplateInstance myTablets(@QueryParam("lang") String lang, @QueryParam("done") Integer done,
                                      @Context SecurityContext security) {
        ConsoleView view = view(lang, security);
        String organisation = organisation(security);
        String message = done == null ? null : view.text("console.done", "count", done);
        return Templates.tablets(view, tablets.mine(organisation, null), message);
    }

    @POST
    @Path("tablets/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Assign the chosen tablets to a beneficiary (form)")
    public Response assign(@FormParam("csrf") String token, @FormParam("serial") List<String> serials,
                           @FormParam("beneficiary") String beneficiary, @FormParam("lang") String lang,
                           @Context SecurityContext security) {
        String user = security.getUserPrincipal().getName();
        csrf.check(user, token);
        if (serials == null || serials.isEmpty() || beneficiary == null || beneficiary.isBlank()) {
            throw ClientError.badRequest("Choose tablets and name the beneficiary");
        }
        tablets.assign(organisation(security), new TabletOrders.Assign(serials, beneficiary.strip()), user);
        return backToTablets(lang, serials.size());
    }

    @POST
    @Path("tablets/deliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Confirm delivery of the chosen tablets (form)")
    public Response deliver(@FormParam("csrf") String token, @FormParam("serial") List<String> serials,
                            @FormParam("deliveredOn") String deliveredOn, @FormParam("recipient") String recipient,
                            @FormParam("note") String note, @FormParam("lang") String lang,
                            @Context SecurityContext security) {
        String user = security.getUserPrincipal().getName();
        csrf.check(user, token);
        if (serials == null || serials.isEmpty() || recipient == null || recipient.isBlank()) {
            throw ClientError.badRequest("Choose tablets and name who received them");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(deliveredOn);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ClientError.badRequest("deliveredOn must be a date such as 2026-03-21");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        tablets.deliver(organisation(security), new TabletOrders.Deliver(serials.stream()
                .map(s -> new TabletOrders.Delivery(s, date, recipient.strip(), cleanNote)).toList()), user);
        return backToTablets(lang, serials.size());
    }

    private static Response backToTablets(String lang, int count) {
        // Post, redirect, get: reloading the page does not post the form again.
        return Response.seeOther(UriBuilder.fromPath("/console/tablets").queryParam("lang", PageTexts.choose(lang, null))
                .queryParam("done", count).build()).build();
    }

    private String organisation(SecurityContext security) {
        if (!security.isUserInRole(User.DISTRIBUTOR)) {
            throw ClientError.forbidden("This page is for distributors");
        }
        return users.organisationOf(security.getUserPrincipal().getName())
                .orElseThrow(() -> ClientError.forbidden("This page is for distributors"));
    }

    private ConsoleView view(String requested, SecurityContext security) {
        String lang = PageTexts.choose(requested, null);
        String user = security == null || security.getUserPrincipal() == null ? null
                : security.getUserPrincipal().getName();
        String role = user == null ? null : security.isUserInRole(User.ADMIN) ? User.ADMIN
                : security.isUserInRole(User.MANAGER) ? User.MANAGER : User.DISTRIBUTOR;
        return new ConsoleView(lang, lang.equals("ar") ? "rtl" : "ltr", texts.of(lang), user, role,
                user == null ? null : csrf.token(user));
    }
}
