package io.clickgive.console;

import io.clickgive.common.Clocks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clickgive.distribution.FieldAction;
import io.clickgive.distribution.FieldActions;
import io.clickgive.distribution.FieldAnswer;
import io.clickgive.distribution.FieldTablet;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The distributor in the field, on a phone with no signal: an app shell (/console/field/app) that a service worker
 * keeps, the distributor's tablets as JSON (kept on the phone for when there is no network), and the door its queued
 * actions go through when the network returns (FieldActions: each once, by the id the phone drew). Form-signed-in as
 * the rest of the console; the actions carry the console's form token in a header.
 */
@Path("/console/field")
@Tag(name = "Console (pages)")
public class FieldPages {

    /** What the phone keeps: the form token to send with its actions, who it is, today, and its tablets. */
    public record FieldData(String csrf, String user, String distributor, String today, List<FieldTablet> tablets) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance app(ConsoleView view, String boot);
    }


    private final Console console;
    private final FieldActions field;
    private final ConsoleTexts texts;
    private final ObjectMapper json;
    private final Clock clock;

    public FieldPages(Console console, FieldActions field, ConsoleTexts texts, ObjectMapper json, Clock clock) {
        this.console = console;
        this.field = field;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Path("app")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The distributor's field app: works offline once loaded (a service worker keeps it)")
    public Response app(@QueryParam("lang") String lang, @Context SecurityContext security) {
        console.organisation(security);
        ConsoleView view = console.view(lang, security);
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("lang", view.lang());
        // The field's texts only: the phone keeps this page, and with it every word it will need offline.
        boot.put("texts", texts.of(view.lang()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("field.") || e.getKey().startsWith("tablet."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        try {
            // The one page allowed the camera (to scan a tablet's label); everywhere else it stays off.
            return Response.ok(Templates.app(view, json.writeValueAsString(boot).replace("<", "\\u003c")))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("data")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The distributor's tablets as its phone keeps them, with the token its actions carry")
    public FieldData data(@Context SecurityContext security) {
        String organisation = console.organisation(security);
        ConsoleView view = console.view(null, security);
        return new FieldData(view.csrf(), view.user(), organisation, LocalDate.now(clock.withZone(Clocks.MOROCCO)).toString(),
                field.tablets(organisation));
    }

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One action the phone queued (assign, or deliver with proof): applied once, by its client id")
    @APIResponse(responseCode = "200", description = "Done, now or when it first arrived",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FieldAnswer.class)))
    public Response act(@HeaderParam("X-CSRF-Token") String token, @NotNull @Valid FieldAction action,
                        @Context SecurityContext security) {
        String organisation = console.organisation(security);
        String user = console.poster(security, token);
        FieldAnswer answer = field.apply(organisation, action, user);
        return Response.ok(answer).build();
    }
}
