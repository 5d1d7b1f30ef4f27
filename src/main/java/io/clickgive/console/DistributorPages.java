package io.clickgive.console;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.Region;
import io.clickgive.distribution.DistributorDraft;
import io.clickgive.distribution.DistributorService;
import io.clickgive.distribution.DistributorView;
import io.clickgive.distribution.TabletService;
import io.clickgive.distribution.TabletStatus;
import io.clickgive.distribution.TabletView;
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

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Distributors in the console: each with its regions, its users and how far its tablets have gone; a form to register
 * one and to change its name, contact and regions. Users are created by admins (the users page); an admin gets a form
 * here that creates a user of this distributor.
 */
@Path("/console/distributors")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class DistributorPages {

    /** A distributor as the list shows it. */
    public record Row(DistributorView distributor, List<UserView> users, int tablets, int delivered) {
    }

    /** The form as sent. */
    public record Form(String code, String name, String contact, List<String> regions) {

        static final Form EMPTY = new Form(null, null, null, List.of());

        static Form of(DistributorView d) {
            return new Form(d.code(), d.name(), d.contact(), d.regions());
        }

        DistributorDraft draft() {
            return new DistributorDraft(Console.text(code), Console.text(name), Console.text(contact),
                    new LinkedHashSet<>(regions));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance distributors(ConsoleView view, List<Row> rows);

        static native TemplateInstance form(ConsoleView view, Form form, boolean creating, List<Region> regions,
                                            List<UserView> users, List<String> problems);
    }

    private final Console console;
    private final DistributorService distributors;
    private final UserService users;
    private final TabletService tablets;
    private final CampaignCatalog catalog;

    public DistributorPages(Console console, DistributorService distributors, UserService users,
                            TabletService tablets, CampaignCatalog catalog) {
        this.console = console;
        this.distributors = distributors;
        this.users = users;
        this.tablets = tablets;
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Distributors with their regions, users and tablets")
    public TemplateInstance list(@QueryParam("lang") String lang, @Context SecurityContext security) {
        List<UserView> all = users.list();
        List<Row> rows = distributors.list().stream().map(d -> {
            List<TabletView> theirs = tablets.list(null, d.code());
            return new Row(d, all.stream().filter(u -> d.code().equals(u.distributor())).toList(), theirs.size(),
                    (int) theirs.stream().filter(t -> t.status() == TabletStatus.DELIVERED).count());
        }).toList();
        return Templates.distributors(console.view(lang, security), rows);
    }

    @GET
    @Path("new")
    @Operation(summary = "The form for a new distributor")
    public TemplateInstance create(@QueryParam("lang") String lang, @Context SecurityContext security) {
        return Templates.form(console.view(lang, security), Form.EMPTY, true, regions(), List.of(), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Register a distributor (form)")
    public Response created(@FormParam("csrf") String token, @FormParam("lang") String lang,
                            @FormParam("code") String code, @FormParam("name") String name,
                            @FormParam("contact") String contact, @FormParam("region") List<String> regions,
                            @Context SecurityContext security) {
        Form form = new Form(code, name, contact, Console.listed(regions));
        return Console.submit(() -> {
            console.poster(security, token);
            distributors.create(console.valid(form.draft()));
            return Console.seeOther("/console/distributors", lang, Map.of());
        }, problems -> Templates.form(console.view(lang, security), form, true, regions(), List.of(), problems));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A distributor's form, with its users")
    public TemplateInstance edit(@PathParam("code") String code, @QueryParam("lang") String lang,
                                 @Context SecurityContext security) {
        return Templates.form(console.view(lang, security), Form.of(distributors.get(code)), false, regions(),
                usersOf(code), List.of());
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save a distributor's name, contact and regions (form)")
    public Response edited(@PathParam("code") String code, @FormParam("csrf") String token,
                           @FormParam("lang") String lang, @FormParam("name") String name,
                           @FormParam("contact") String contact, @FormParam("region") List<String> regions,
                           @Context SecurityContext security) {
        Form form = new Form(code, name, contact, Console.listed(regions));
        return Console.submit(() -> {
            console.poster(security, token);
            distributors.update(code, console.valid(form.draft()));
            return Console.seeOther("/console/distributors", lang, Map.of());
        }, problems -> Templates.form(console.view(lang, security), form, false, regions(), usersOf(code),
                problems));
    }

    private List<UserView> usersOf(String code) {
        return users.list().stream().filter(u -> code.equals(u.distributor())).toList();
    }

    private List<Region> regions() {
        return catalog.regions().stream().sorted(Comparator.comparing(r -> r.code)).toList();
    }
}
