package io.clickgive.console;

import io.clickgive.beneficiary.BeneficiaryKind;
import io.clickgive.call.ApplicationStatus;
import io.clickgive.call.ApplicationView;
import io.clickgive.call.CallDraft;
import io.clickgive.call.CallView;
import io.clickgive.call.Calls;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.Region;
import io.clickgive.web.ClientError;
import io.clickgive.web.QueryParams;
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

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A campaign's call for projects in the console: its rules (open it, change it) and its applications by status. */
@Path("/console/campaigns/{slug}/call")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class CallPages {

    /** The call's form as shown: what the manager typed, or the call as it stands. */
    public record CallForm(String title, List<String> kinds, List<String> regions, String minPeople, String questions,
                           String deadline) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance call(ConsoleView view, String slug, CallView call, CallForm form,
                                            List<Region> regions, List<BeneficiaryKind> kinds,
                                            List<ApplicationView> applications, ApplicationStatus status,
                                            String message, List<String> problems);
    }

    private final Console console;
    private final Calls calls;
    private final CampaignCatalog catalog;

    public CallPages(Console console, Calls calls, CampaignCatalog catalog) {
        this.console = console;
        this.calls = calls;
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "A campaign's call for projects: its rules and its applications by status")
    public TemplateInstance call(@PathParam("slug") String slug, @QueryParam("status") String status,
                                 @QueryParam("lang") String lang, @QueryParam("done") String done,
                                 @Context SecurityContext security) {
        ConsoleView view = console.view(lang, security);
        ApplicationStatus chosen = QueryParams.oneOf(ApplicationStatus.class, "status", status);
        return page(view, slug, chosen, null, done == null ? null : view.text("console.saved"), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Open or change the campaign's call for projects (form)")
    public Response open(@PathParam("slug") String slug, MultivaluedMap<String, String> fields,
                         @Context SecurityContext security) {
        String lang = fields.getFirst("lang");
        CallForm form = new CallForm(value(fields, "title"), Optional.ofNullable(fields.get("kind")).orElse(List.of()),
                Optional.ofNullable(fields.get("region")).orElse(List.of()), value(fields, "minPeople"),
                value(fields, "questions"), value(fields, "deadline"));
        return Console.submit(() -> {
            String user = console.poster(security, fields.getFirst("csrf"));
            List<BeneficiaryKind> kinds = Optional.ofNullable(fields.get("kind")).orElse(List.of()).stream()
                    .map(k -> QueryParams.oneOf(BeneficiaryKind.class, "kinds", k)).toList();
            List<String> questions = Arrays.stream(form.questions().split("\\R"))
                    .map(String::strip).filter(q -> !q.isEmpty()).toList();
            calls.open(slug, console.valid(new CallDraft(Console.text(form.title()), new LinkedHashSet<>(kinds),
                    form.regions(), Console.whole("minPeople", form.minPeople()), questions,
                    CampaignForm.time("deadline", form.deadline()))), user);
            return Console.seeOther("/console/campaigns/" + slug + "/call", lang, Map.of("done", 1));
        }, problems -> page(console.view(lang, security), slug, null, form, null, problems));
    }

    private static String value(MultivaluedMap<String, String> fields, String name) {
        return Optional.ofNullable(fields.getFirst(name)).orElse("");
    }

    private TemplateInstance page(ConsoleView view, String slug, ApplicationStatus status, CallForm form,
                                  String message, List<String> problems) {
        catalog.bySlug(slug);
        CallView call;
        List<ApplicationView> applications;
        try {
            call = calls.call(slug, false);
            applications = calls.list(slug, status);
        } catch (ClientError noCallYet) {
            call = null;
            applications = List.of();
        }
        CallForm shown = form != null ? form : call == null ? new CallForm("", List.of(), List.of(), "", "", "")
                : new CallForm(call.title(), call.kinds().stream().map(Enum::name).toList(), call.regions(),
                String.valueOf(call.minPeople()), String.join("\n", call.questions()), view.inputTime(call.deadline()));
        List<Region> regions = catalog.regions().stream().sorted(Comparator.comparing(r -> r.code)).toList();
        return Templates.call(view, slug, call, shown, regions, List.of(BeneficiaryKind.values()), applications,
                status, message, problems);
    }
}
