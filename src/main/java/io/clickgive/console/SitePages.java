package io.clickgive.console;

import io.clickgive.site.SiteReport;
import io.clickgive.site.DeviceDraft;
import io.clickgive.site.DeviceView;
import io.clickgive.site.SiteDevices;
import io.clickgive.site.SiteService;
import io.clickgive.site.SiteStatus;
import io.clickgive.site.SiteSteps;
import io.clickgive.site.SiteView;
import io.clickgive.web.ClientError;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The village programme in the console: its phases and figures, every site with where it stands, and on a site's page
 * the form of its next step (survey, approval, installation, live, offline, maintenance) through SiteService. A step
 * refused comes back as the page with the reason; nothing changed.
 */
@Path("/console/sites")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class SitePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sites(ConsoleView view, List<SiteView> sites, SiteReport report,
                                             List<String> problems);

        static native TemplateInstance site(ConsoleView view, String code, SiteView site, List<SiteStatus> changes,
                                            List<DeviceView> devices, Map<String, String> form, String message,
                                            List<String> problems);
    }

    private final Console console;
    private final SiteService sites;
    private final SiteDevices devices;

    public SitePages(Console console, SiteService sites, SiteDevices devices) {
        this.console = console;
        this.sites = sites;
        this.devices = devices;
    }

    @GET
    @Operation(summary = "The village programme: phases, figures and every site")
    public TemplateInstance list(@QueryParam("lang") String lang, @Context SecurityContext security) {
        return Templates.sites(console.view(lang, security), sites.list(), sites.report(), List.of());
    }

    @POST
    @Path("phases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Open a roll-out phase (form)")
    public Response phase(@FormParam("csrf") String token, @FormParam("lang") String lang,
                          @FormParam("number") String number, @FormParam("name") String name,
                          @FormParam("budgetMad") String budget, @FormParam("planned") String planned,
                          @Context SecurityContext security) {
        return Console.submit(() -> {
            console.poster(security, token);
            Integer cost = Console.whole("budgetMad", budget);
            sites.createPhase(console.valid(new SiteSteps.PhaseDraft(Console.whole("number", number),
                    Console.text(name), cost == null ? null : cost.longValue(), Console.whole("planned", planned))));
            return Console.seeOther("/console/sites", lang, Map.of());
        }, problems -> Templates.sites(console.view(lang, security), sites.list(), sites.report(), problems));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A site, every step it took, and the form of its next one")
    public TemplateInstance site(@PathParam("code") String code, @QueryParam("lang") String lang,
                                 @QueryParam("done") String done, @Context SecurityContext security) {
        ConsoleView view = console.view(lang, security);
        return page(view, code, Map.of(), done == null ? null : view.text("console.saved"), List.of());
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Record a site's next step: survey, installation, or a change of status (form)")
    public Response step(@PathParam("code") String code, MultivaluedMap<String, String> fields,
                         @Context SecurityContext security) {
        String lang = fields.getFirst("lang");
        Map<String, String> form = new java.util.HashMap<>();
        fields.forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.get(0)));
        return Console.submit(() -> {
            String user = console.poster(security, form.get("csrf"));
            switch (form.getOrDefault("step", "")) {
                case "survey" -> sites.survey(code, console.valid(new SiteSteps.Survey(Console.text(form.get("partner")),
                        date("surveyedOn", form.get("surveyedOn")), form.get("gridPower") != null,
                        Console.text(form.get("findings")), Console.text(form.get("recommendedKit")))), user);
                case "installation" -> {
                    Integer cost = Console.whole("costMad", form.get("costMad"));
                    sites.install(code, console.valid(new SiteSteps.Installation(Console.whole("phase", form.get("phase")),
                            date("installedOn", form.get("installedOn")), Console.text(form.get("kit")),
                            decimal("mastMeters", form.get("mastMeters")),
                            Console.whole("wifiRangeMeters", form.get("wifiRangeMeters")),
                            Console.whole("bandwidthMbps", form.get("bandwidthMbps")),
                            cost == null ? null : cost.longValue())), user);
                }
                case "change" -> sites.change(code, console.valid(new SiteSteps.Change(status(form.get("to")),
                        Console.text(form.get("note")))), user);
                case "device" -> devices.add(code, console.valid(new DeviceDraft(Console.text(form.get("iccid")),
                        Console.text(form.get("msisdn")), Console.text(form.get("label")))), user);
                default -> throw ClientError.badRequest("step: survey, installation, change or device");
            }
            return Console.seeOther("/console/sites/" + code, lang, Map.of("done", 1));
        }, problems -> page(console.view(lang, security), code, form, null, problems));
    }

    private TemplateInstance page(ConsoleView view, String code, Map<String, String> form, String message,
                                  List<String> problems) {
        SiteView site = sites.list().stream().anyMatch(s -> s.code().equals(code)) ? sites.get(code) : null;
        List<SiteStatus> changes = site == null ? List.of() : site.status().next().stream()
                .filter(s -> s != SiteStatus.SURVEYED && s != SiteStatus.INSTALLED).sorted().toList();
        List<DeviceView> sims = site == null ? List.of() : devices.list(code);
        return Templates.site(view, code, site, changes, sims, form, message, problems);
    }

    private static LocalDate date(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ClientError.badRequest(field + ": a date such as 2024-02-15");
        }
    }

    private static BigDecimal decimal(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw ClientError.badRequest(field + ": a number such as 6 or 6.5");
        }
    }

    private static SiteStatus status(String value) {
        try {
            return SiteStatus.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("to: one of " + List.of(SiteStatus.values()));
        }
    }
}
