package io.clickgive.console;

import io.clickgive.distribution.DistributorService;
import io.clickgive.distribution.DistributorView;
import io.clickgive.security.UserDraft;
import io.clickgive.security.UserService;
import io.clickgive.security.UserView;
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

import java.util.List;
import java.util.Map;

/** The admin's page: the console's users, a form to add one, and removal. Passwords are never shown. */
@Path("/console/users")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class UserPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(ConsoleView view, List<UserView> users,
                                             List<DistributorView> distributors, String message,
                                             List<String> problems);
    }

    private final Console console;
    private final UserService users;
    private final DistributorService distributors;

    public UserPages(Console console, UserService users, DistributorService distributors) {
        this.console = console;
        this.users = users;
        this.distributors = distributors;
    }

    @GET
    @Operation(summary = "The console's users (admins)")
    public TemplateInstance list(@QueryParam("lang") String lang, @QueryParam("done") String done,
                                 @Context SecurityContext security) {
        String message = done == null ? null : console.view(lang, security).text("console.userSaved", "user", done);
        return page(lang, security, message, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Add a user (form)")
    public Response create(@FormParam("csrf") String token, @FormParam("lang") String lang,
                           @FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("role") String role, @FormParam("distributor") String distributor,
                           @Context SecurityContext security) {
        return Console.submit(() -> {
            console.poster(security, token);
            String organisation = distributor == null || distributor.isBlank() ? null : distributor.strip();
            UserView created = users.create(console.valid(new UserDraft(username == null ? null : username.strip(),
                    password, role, organisation)));
            return Console.seeOther("/console/users", lang, Map.of("done", created.username()));
        }, problems -> page(lang, security, null, problems));
    }

    @POST
    @Path("{username}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Remove a user (form)")
    public Response delete(@PathParam("username") String username, @FormParam("csrf") String token,
                           @FormParam("lang") String lang, @Context SecurityContext security) {
        return Console.submit(() -> {
            String admin = console.poster(security, token);
            users.delete(username, admin);
            return Console.seeOther("/console/users", lang, Map.of());
        }, problems -> page(lang, security, null, problems));
    }

    private TemplateInstance page(String lang, SecurityContext security, String message, List<String> problems) {
        return Templates.users(console.view(lang, security), users.list(), distributors.list(), message, problems);
    }
}
