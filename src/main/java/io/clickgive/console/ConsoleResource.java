package io.clickgive.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/**
 * The console's door: sign-in, the home page with what the signed-in role may do, sign-out. The console's pages are
 * server-rendered and usable without script; every form post is checked for its CSRF token and every change goes
 * through the same services as the API, so the rules and the audit trail are the same.
 */
@Path("/console")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(ConsoleView view, boolean failed, Long waitSeconds, boolean busy);

        static native TemplateInstance home(ConsoleView view);
    }

    private final Console console;

    public ConsoleResource(Console console) {
        this.console = console;
    }

    @GET
    @Path("login")
    @Operation(summary = "The console's sign-in page")
    public TemplateInstance login(@QueryParam("lang") String lang, @QueryParam("error") String error,
                                  @QueryParam("wait") String wait, @QueryParam("busy") String busy) {
        Long seconds = null;
        if (wait != null && wait.matches("[0-9]{1,6}")) { // set by LoginThrottle; anything else is ignored
            seconds = Long.parseLong(wait);
        }
        return Templates.login(console.view(lang, null), error != null, seconds, busy != null);
    }

    @GET
    @Operation(summary = "The console's home page")
    public TemplateInstance home(@QueryParam("lang") String lang, @Context SecurityContext security) {
        return Templates.home(console.view(lang, security));
    }

    @GET
    @Path("logout")
    @Operation(summary = "Sign out of the console")
    public Response logout() {
        NewCookie gone = new NewCookie.Builder("clickgive-console").path("/").maxAge(0).value("").build();
        return Response.seeOther(UriBuilder.fromPath("/console/login").build()).cookie(gone).build();
    }
}
