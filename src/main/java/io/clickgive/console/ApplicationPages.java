package io.clickgive.console;

import io.clickgive.call.ApplicationReview;
import io.clickgive.call.ApplicationView;
import io.clickgive.call.Calls;
import io.clickgive.web.ClientError;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One application in the console: everything it says, its steps, and the manager's answers (accept, ask for more,
 * decline) through the same service as the API. A refused answer comes back as the page with the reason.
 */
@Path("/console/applications")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class ApplicationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance application(ConsoleView view, ApplicationView application,
                                                   Map<String, String> form, String message, List<String> problems);
    }

    private final Console console;
    private final Calls calls;
    private final ApplicationReview review;

    public ApplicationPages(Console console, Calls calls, ApplicationReview review) {
        this.console = console;
        this.calls = calls;
        this.review = review;
    }

    @GET
    @Path("{reference}")
    @Operation(summary = "An application: everything it says, every step, and the manager's answers")
    public TemplateInstance application(@PathParam("reference") String reference, @QueryParam("lang") String lang,
                                        @QueryParam("done") String done, @Context SecurityContext security) {
        ConsoleView view = console.view(lang, security);
        return Templates.application(view, calls.get(reference), Map.of(),
                done == null ? null : view.text("console.saved"), List.of());
    }

    @POST
    @Path("{reference}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Answer an application: accept, ask for more or decline (form)")
    public Response answer(@PathParam("reference") String reference, MultivaluedMap<String, String> fields,
                           @Context SecurityContext security) {
        String lang = fields.getFirst("lang");
        Map<String, String> form = new HashMap<>();
        fields.forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.get(0)));
        return Console.submit(() -> {
            String user = console.poster(security, form.get("csrf"));
            switch (form.getOrDefault("action", "")) {
                case "accept" -> review.accept(reference, console.valid(new ApplicationReview.Acceptance(
                        Console.text(form.get("beneficiary")), Console.text(form.get("note")))), user);
                case "ask" -> review.askMore(reference, console.valid(
                        new ApplicationReview.Message(Console.text(form.get("message")))), user);
                case "decline" -> review.decline(reference, console.valid(
                        new ApplicationReview.Message(Console.text(form.get("message")))), user);
                default -> throw ClientError.badRequest("action: accept, ask or decline");
            }
            return Console.seeOther("/console/applications/" + reference, lang, Map.of("done", 1));
        }, problems -> Templates.application(console.view(lang, security), calls.get(reference), form, null,
                problems));
    }
}
