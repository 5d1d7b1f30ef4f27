package io.clickgive.console;

import io.clickgive.allocation.AllocationService;
import io.clickgive.allocation.CommitResult;
import io.clickgive.allocation.PlanOrder;
import io.clickgive.allocation.PlanView;
import io.clickgive.allocation.PoolView;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignService;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.campaign.CampaignView;
import io.clickgive.web.ClientError;
import io.clickgive.web.QueryParams;
import io.clickgive.guard.GuardSettings;
import io.clickgive.totals.RejectionResource;
import io.clickgive.voids.Flags;
import io.clickgive.voids.VoidOrder;
import io.clickgive.voids.VoidView;
import io.clickgive.voids.Voids;
import io.clickgive.ledger.LedgerBacklog;
import io.clickgive.report.CampaignReport;
import io.clickgive.report.ReportResource;
import io.clickgive.report.ReportService;
import io.clickgive.totals.CampaignTotals;
import io.clickgive.totals.TotalsService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The managers' campaign pages: list, create and edit, status transitions, a live dashboard, allocation (preview, then
 * commit exactly what was previewed) and the report. Each form goes through the same service as the API; a refused
 * form comes back filled in, with what was wrong and the API's status.
 */
@Path("/console/campaigns")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class CampaignPages {

    /** Minutes the dashboard's chart covers. */
    static final int CHART_MINUTES = 30;

    private static final Duration REDIS_WAIT = Duration.ofSeconds(2);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance campaigns(ConsoleView view, List<CampaignView> campaigns,
                                                 List<String> problems);

        static native TemplateInstance form(ConsoleView view, CampaignForm form, boolean creating,
                                            List<String> problems);

        static native TemplateInstance dashboard(ConsoleView view, CampaignView campaign, CampaignTotals totals,
                                                 MinuteChart chart, LedgerBacklog.Backlog backlog,
                                                 RejectionResource.Report refusals, Flags.Review review,
                                                 DashboardPlayers.Panel players, List<String> problems);

        static native TemplateInstance allocation(ConsoleView view, CampaignView campaign, PoolView pool,
                                                  List<String> regions, Map<String, String> floors, String size,
                                                  PlanView plan, CommitResult committed, List<String> problems);

        static native TemplateInstance report(ConsoleView view, CampaignView campaign, CampaignReport report,
                                              DashboardPlayers.Panel players);
    }

    private final Console console;
    private final CampaignService campaigns;
    private final CampaignCatalog catalog;
    private final TotalsService totals;
    private final LedgerBacklog backlog;
    private final AllocationService allocations;
    private final ReportService reports;
    private final Flags flags;
    private final Voids voids;
    private final java.time.Clock clock;

    private final DashboardPlayers players;

    public CampaignPages(Console console, CampaignService campaigns, CampaignCatalog catalog, TotalsService totals,
                         LedgerBacklog backlog, AllocationService allocations, ReportService reports, Flags flags,
                         Voids voids, DashboardPlayers players, java.time.Clock clock) {
        this.players = players;
        this.clock = clock;
        this.flags = flags;
        this.voids = voids;
        this.console = console;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.totals = totals;
        this.backlog = backlog;
        this.allocations = allocations;
        this.reports = reports;
    }

    @GET
    @Operation(summary = "Campaigns, with their status transitions (managers)")
    public TemplateInstance list(@QueryParam("lang") String lang, @Context SecurityContext security) {
        return Templates.campaigns(console.view(lang, security), campaigns.list(), List.of());
    }

    @GET
    @Path("new")
    @Operation(summary = "The form for a new campaign (managers)")
    public TemplateInstance newForm(@QueryParam("lang") String lang, @Context SecurityContext security) {
        return Templates.form(console.view(lang, security), CampaignForm.blank(), true, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a campaign (form); it starts as a draft")
    public Response create(@FormParam("csrf") String token, @FormParam("lang") String lang,
                           @BeanParam CampaignForm form, @Context SecurityContext security) {
        return Console.submit(() -> {
            console.poster(security, token);
            campaigns.create(console.valid(form.draft(GuardSettings.DEFAULTS, 1000)));
            // To the list, where the new draft waits to go live (its dashboard opens once it is in the catalog).
            return Console.seeOther("/console/campaigns", lang, Map.of());
        }, problems -> Templates.form(console.view(lang, security), form, true, problems));
    }

    @GET
    @Path("{slug}/edit")
    @Operation(summary = "The form to change a campaign's settings (managers)")
    public TemplateInstance editForm(@PathParam("slug") String slug, @QueryParam("lang") String lang,
                                     @Context SecurityContext security) {
        ConsoleView view = console.view(lang, security);
        return Templates.form(view, CampaignForm.of(campaigns.get(slug), view), false, List.of());
    }

    @POST
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Change a campaign's settings (form)")
    public Response update(@PathParam("slug") String slug, @FormParam("csrf") String token,
                           @FormParam("lang") String lang, @BeanParam CampaignForm form,
                           @Context SecurityContext security) {
        CampaignView current = campaigns.get(slug);
        form.slug = slug; // the slug is part of public links: never changed by a form
        return Console.submit(() -> {
            console.poster(security, token);
            campaigns.update(slug, console.valid(form.draft(current.guard(), current.megabytesPerGigabyte())));
            return Console.seeOther("/console/campaigns/" + slug, lang, Map.of());
        }, problems -> Templates.form(console.view(lang, security), form, false, problems));
    }

    @POST
    @Path("{slug}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Move a campaign to another status (form)")
    public Response changeStatus(@PathParam("slug") String slug, @FormParam("csrf") String token,
                                 @FormParam("status") String status, @FormParam("lang") String lang,
                                 @Context SecurityContext security) {
        // A refused move (not allowed from the campaign's status, say) comes back as the list saying why.
        return Console.submit(() -> {
            console.poster(security, token);
            CampaignStatus target = QueryParams.oneOf(CampaignStatus.class, "status", status);
            if (target == null) {
                throw ClientError.badRequest("status is required: one of DRAFT, LIVE, PAUSED, CLOSED");
            }
            campaigns.changeStatus(slug, target);
            return Console.seeOther("/console/campaigns", lang, Map.of());
        }, problems -> Templates.campaigns(console.view(lang, security), campaigns.list(), problems));
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A campaign's live dashboard: totals, clicks per minute, regions, ledger lag, the guard's refusals (managers)")
    public TemplateInstance dashboard(@PathParam("slug") String slug, @QueryParam("lang") String lang,
                                      @Context SecurityContext security) {
        return dashboard(slug, lang, security, null);
    }

    private TemplateInstance dashboard(String slug, String lang, SecurityContext security, List<String> problems) {
        CampaignRules rules = catalog.bySlug(slug);
        return Templates.dashboard(console.view(lang, security), campaigns.get(slug),
                totals.totals(rules).await().atMost(REDIS_WAIT),
                MinuteChart.of(totals.perMinute(rules, CHART_MINUTES).await().atMost(REDIS_WAIT)),
                backlog.of(rules.id()),
                RejectionResource.report(totals.refusals(rules).await().atMost(REDIS_WAIT)),
                flags.review(slug, FLAG_WINDOW, FLAG_ROWS),
                players.of(slug), problems);
    }

    /** The window the dashboard's flags look back over, and a flagged row's void covers. */
    static final Duration FLAG_WINDOW = Duration.ofHours(24);

    /**
     * Networks the dashboard reviews, busiest first: each costs a read of its refusals in every shard, and the page
     * refreshes every 5 s (the API's flags take up to 5 000).
     */
    static final int FLAG_ROWS = 50;

    /** Rows of each kind in the flags' download (the API's default too). */
    static final int FLAGS_DOWNLOADED = 200;

    @POST
    @Path("{slug}/voids")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Hold or void a flagged network's or identity's clicks of the dashboard's window (form)")
    public Response voidFlagged(@PathParam("slug") String slug, @FormParam("csrf") String token,
                                @FormParam("target") String target, @FormParam("hash") String hash,
                                @FormParam("reason") String reason, @FormParam("hold") String hold,
                                @FormParam("lang") String lang, @Context SecurityContext security) {
        return Console.submit(() -> {
            String actor = console.poster(security, token);
            java.time.Instant now = clock.instant();
            voids.order(slug, new VoidOrder(target, hash, now.minus(FLAG_WINDOW), now.plusSeconds(1), reason,
                    hold != null), actor);
            return Console.seeOther("/console/campaigns/" + slug, lang, Map.of());
        }, problems -> dashboard(slug, lang, security, problems));
    }

    @GET
    @Path("{slug}/allocation")
    @Operation(summary = "A campaign's pool and the allocation form (managers)")
    public TemplateInstance allocation(@PathParam("slug") String slug, @QueryParam("lang") String lang,
                                       @Context SecurityContext security) {
        return allocationPage(slug, lang, security, Map.of(), null, null, null, List.of());
    }

    @POST
    @Path("{slug}/allocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Preview an allocation plan, or commit the one previewed (form)")
    public Response allocate(@PathParam("slug") String slug, @FormParam("csrf") String token,
                             @FormParam("lang") String lang, @FormParam("bundleMegabytes") String size,
                             @FormParam("digest") String digest, @FormParam("action") String action,
                             MultivaluedMap<String, String> fields, @Context SecurityContext security) {
        Map<String, String> floors = new TreeMap<>();
        for (String region : regionCodes()) {
            String floor = fields.getFirst("floor." + region);
            if (floor != null && !floor.isBlank()) {
                floors.put(region, floor.strip());
            }
        }
        return Console.submit(() -> {
            String user = console.poster(security, token);
            boolean commit = "commit".equals(action);
            PlanOrder order = console.valid(new PlanOrder(whole("bundleMegabytes", size), wholes(floors),
                    commit ? digest : null));
            if (commit) {
                CommitResult result = allocations.commit(slug, order, user);
                return Response.ok(allocationPage(slug, lang, security, floors, size, null, result, List.of())).build();
            }
            PlanView plan = allocations.preview(slug, order);
            return Response.ok(allocationPage(slug, lang, security, floors, size, plan, null, List.of())).build();
        }, problems -> allocationPage(slug, lang, security, floors, size, null, null, problems));
    }

    @GET
    @Path("{slug}/report")
    @Operation(summary = "A campaign's report per region, with its CSV (managers)")
    public TemplateInstance report(@PathParam("slug") String slug, @QueryParam("lang") String lang,
                                   @Context SecurityContext security) {
        return Templates.report(console.view(lang, security), campaigns.get(slug), reports.report(slug), players.of(slug));
    }

    /*
     * The console's downloads, under its own signed-in session: a link to the Basic-protected API would make the
     * browser ask for the password in its own prompt, and keep it for every later request to the API.
     */

    @GET
    @Path("{slug}/report.csv")
    @Produces("text/csv")
    @Operation(summary = "The report's CSV, downloaded from the console (managers)")
    public Response reportCsv(@PathParam("slug") String slug) {
        campaigns.get(slug); // 404 for an unknown campaign
        return ReportResource.csvFile(reports, slug);
    }

    @GET
    @Path("{slug}/flags.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The busiest networks and identities of the last 24 hours, flagged first (managers)")
    public Flags.Review flagsJson(@PathParam("slug") String slug) {
        return flags.review(slug, FLAG_WINDOW, FLAGS_DOWNLOADED);
    }

    @GET
    @Path("{slug}/voids.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The campaign's holds and voids, newest first (managers)")
    public List<VoidView> voidsJson(@PathParam("slug") String slug) {
        return voids.list(slug);
    }

    private TemplateInstance allocationPage(String slug, String lang, SecurityContext security,
                                            Map<String, String> floors, String size, PlanView plan,
                                            CommitResult committed, List<String> problems) {
        PoolView pool = committed != null ? committed.pool() : allocations.pool(slug);
        return Templates.allocation(console.view(lang, security), campaigns.get(slug), pool, regionCodes(),
                floors, size, plan, committed, problems);
    }

    private List<String> regionCodes() {
        return catalog.regions().stream().map(region -> region.code).sorted().toList();
    }

    private static Integer whole(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ClientError.badRequest(field + " is required");
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest(field + ": a whole number");
        }
    }

    private static Map<String, Integer> wholes(Map<String, String> floors) {
        Map<String, Integer> numbers = new TreeMap<>();
        floors.forEach((region, floor) -> numbers.put(region, whole("floor " + region, floor)));
        return numbers;
    }
}
