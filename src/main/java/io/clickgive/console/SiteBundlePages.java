package io.clickgive.console;

import io.clickgive.allocation.AllocationService;
import io.clickgive.allocation.PoolView;
import io.clickgive.allocation.SiteBundleView;
import io.clickgive.allocation.SiteBundles;
import io.clickgive.allocation.SitePlanDraft;
import io.clickgive.common.Clocks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
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

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's monthly bundles to connectivity sites in the console: the plans (site, router SIM, megabytes a month,
 * months), a new plan, and a month's run with what it did for each site (issued, already, not installed, pool short).
 */
@Path("/console/campaigns/{slug}/site-bundles")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class SiteBundlePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bundles(ConsoleView view, String slug, PoolView pool,
                                               List<SiteBundleView.Plan> plans, String month,
                                               SiteBundleView.Run run, Map<String, String> form,
                                               List<String> problems);
    }

    private final Console console;
    private final SiteBundles bundles;
    private final AllocationService allocations;
    private final Clock clock;

    public SiteBundlePages(Console console, SiteBundles bundles, AllocationService allocations, Clock clock) {
        this.console = console;
        this.bundles = bundles;
        this.allocations = allocations;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "A campaign's monthly site bundles: plans, a new plan, a month's run")
    public TemplateInstance page(@PathParam("slug") String slug, @QueryParam("lang") String lang,
                                 @Context SecurityContext security) {
        return page(console.view(lang, security), slug, null, Map.of(), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Plan a site's monthly bundles, or issue a month's (form)")
    public Response act(@PathParam("slug") String slug, MultivaluedMap<String, String> fields,
                        @Context SecurityContext security) {
        String lang = fields.getFirst("lang");
        Map<String, String> form = new HashMap<>();
        fields.forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.get(0)));
        return Console.submit(() -> {
            String user = console.poster(security, form.get("csrf"));
            if ("issue".equals(form.get("action"))) {
                SiteBundleView.Run run = bundles.issue(slug, Console.text(form.get("month")), user);
                return Response.ok(page(console.view(lang, security), slug, run, form, List.of())).build();
            }
            bundles.plan(slug, Console.text(form.get("site")), console.valid(new SitePlanDraft(
                    Console.text(form.get("device")), Console.whole("monthlyMegabytes", form.get("monthlyMegabytes")),
                    Console.text(form.get("firstMonth")), Console.whole("months", form.get("months")))), user);
            return Console.seeOther("/console/campaigns/" + slug + "/site-bundles", lang, Map.of());
        }, problems -> page(console.view(lang, security), slug, null, form, problems));
    }

    private TemplateInstance page(ConsoleView view, String slug, SiteBundleView.Run run, Map<String, String> form,
                                  List<String> problems) {
        return Templates.bundles(view, slug, allocations.pool(slug), bundles.plans(slug),
                YearMonth.now(clock.withZone(Clocks.MOROCCO)).toString(), run, form, problems);
    }
}
