package io.clickgive.console;

import io.clickgive.request.RequestService;
import io.clickgive.usage.UseReport;
import io.clickgive.usage.UseReports;
import io.clickgive.usage.UsageLinks;
import io.clickgive.usage.UsagePhotos;
import io.clickgive.request.RequestStep;
import io.clickgive.request.RequestView;
import io.clickgive.request.Review;
import io.clickgive.request.UsageReport;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A campaign's requests in the console: listed by step, each with its whole history; a review (decision, what is
 * granted, a reason) — reviewing again is a correction that names the review it corrects — and the usage report once
 * delivered. Through RequestService, as the API: the same rules, the same append-only events.
 */
@Path("/console/campaigns/{slug}/requests")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class RequestPages {

    /** A review or usage form as it was sent, so a refused one comes back filled in. */
    public record Form(String decision, String approvedTablets, String approvedGigabytes, String reason,
                       String summary, String peopleReached, String gigabytesUsed) {

        static final Form EMPTY = new Form(null, null, null, null, null, null, null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requests(ConsoleView view, String slug, List<RequestView> requests,
                                                Map<RequestStep, Integer> counts, RequestStep step,
                                                List<UseReport.Due> due);

        static native TemplateInstance request(ConsoleView view, String slug, RequestView request, Form form,
                                               List<RequestStep> decisions, String usageLink,
                                               java.util.Set<Long> photos, String message, List<String> problems);
    }

    private static final List<RequestStep> DECISIONS = List.of(RequestStep.APPROVED, RequestStep.PARTLY_APPROVED,
            RequestStep.DECLINED);

    private final Console console;
    private final RequestService requests;
    private final UsageLinks links;
    private final UseReports uses;
    private final UsagePhotos photos;

    public RequestPages(Console console, RequestService requests, UsageLinks links, UseReports uses,
                        UsagePhotos photos) {
        this.console = console;
        this.requests = requests;
        this.links = links;
        this.uses = uses;
        this.photos = photos;
    }

    @GET
    @Path("{id}/photos/{event}")
    @Produces({"image/png", "image/jpeg"})
    @Operation(summary = "The photo a beneficiary joined to a usage report")
    public Response photo(@PathParam("slug") String slug, @PathParam("id") long id, @PathParam("event") long event) {
        of(slug, id);
        UsagePhotos.Photo photo = photos.photo(id, event);
        // Checked when stored (ProofImage); served as what it is, never sniffed, never cached by a shared cache.
        return Response.ok(photo.bytes(), photo.type()).header("Cache-Control", "private, max-age=3600")
                .header("Content-Disposition", "inline").build();
    }

    @GET
    @Operation(summary = "A campaign's requests, by step")
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("step") String step,
                                 @QueryParam("lang") String lang, @Context SecurityContext security) {
        RequestStep chosen = step == null || step.isBlank() ? null : step(step);
        List<RequestView> all = requests.list(slug, null);
        Map<RequestStep, Integer> counts = new EnumMap<>(RequestStep.class);
        all.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return Templates.requests(console.view(lang, security), slug,
                all.stream().filter(r -> chosen == null || r.status() == chosen).toList(), counts, chosen,
                uses.report(slug).due());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request, its history, and its review and usage forms")
    public TemplateInstance one(@PathParam("slug") String slug, @PathParam("id") long id,
                                @QueryParam("lang") String lang, @QueryParam("done") String done,
                                @Context SecurityContext security) {
        ConsoleView view = console.view(lang, security);
        return Templates.request(view, slug, of(slug, id), Form.EMPTY, DECISIONS, usageLink(slug, id),
                photos.reportsWithPhotos(id), done == null ? null : view.text("console.saved"), List.of());
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Review a request, or correct its review (form)")
    public Response review(@PathParam("slug") String slug, @PathParam("id") long id, @FormParam("csrf") String token,
                           @FormParam("decision") String decision, @FormParam("approvedTablets") String tablets,
                           @FormParam("approvedGigabytes") String gigabytes, @FormParam("reason") String reason,
                           @FormParam("lang") String lang, @Context SecurityContext security) {
        Form form = new Form(decision, tablets, gigabytes, reason, null, null, null);
        return Console.submit(() -> {
            String user = console.poster(security, token);
            of(slug, id);
            if (decision == null || decision.isBlank()) {
                throw ClientError.badRequest("decision: APPROVED, PARTLY_APPROVED or DECLINED");
            }
            requests.review(id, console.valid(new Review(step(decision), Console.whole("approvedTablets", tablets),
                    Console.whole("approvedGigabytes", gigabytes), Console.text(reason))), user);
            return saved(slug, id, lang);
        }, problems -> Templates.request(console.view(lang, security), slug, of(slug, id), form, DECISIONS,
                usageLink(slug, id), photos.reportsWithPhotos(id), null,
                problems));
    }

    @POST
    @Path("{id}/usage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Report how a delivered request's data was used, or correct the report (form)")
    public Response usage(@PathParam("slug") String slug, @PathParam("id") long id, @FormParam("csrf") String token,
                          @FormParam("summary") String summary, @FormParam("peopleReached") String people,
                          @FormParam("gigabytesUsed") String gigabytes, @FormParam("lang") String lang,
                          @Context SecurityContext security) {
        Form form = new Form(null, null, null, null, summary, people, gigabytes);
        return Console.submit(() -> {
            String user = console.poster(security, token);
            of(slug, id);
            requests.reportUsage(id, console.valid(new UsageReport(Console.text(summary),
                    Console.whole("peopleReached", people), Console.whole("gigabytesUsed", gigabytes))), user);
            return saved(slug, id, lang);
        }, problems -> Templates.request(console.view(lang, security), slug, of(slug, id), form, DECISIONS,
                usageLink(slug, id), photos.reportsWithPhotos(id), null,
                problems));
    }

    /** The request, if it belongs to this campaign: another campaign's is unknown here (404), as in the API. */
    private RequestView of(String slug, long id) {
        RequestView request = requests.get(id);
        if (!slug.equals(request.campaign())) {
            throw ClientError.notFound("No request " + id);
        }
        return request;
    }

    private static RequestStep step(String value) {
        try {
            return RequestStep.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("'" + value.strip() + "' is not a step: one of "
                    + List.of(RequestStep.values()));
        }
    }

    private static Response saved(String slug, long id, String lang) {
        return Console.seeOther("/console/campaigns/" + slug + "/requests/" + id, lang, Map.of("done", 1));
    }

    /** The link the beneficiary reports its use through, once its tablets are delivered: to send it by message. */
    private String usageLink(String slug, long id) {
        RequestStep status = of(slug, id).status();
        return status == RequestStep.DELIVERED || status == RequestStep.USAGE_REPORTED ? links.page(slug, id) : null;
    }
}
