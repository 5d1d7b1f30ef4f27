package io.clickgive.console;

import io.clickgive.web.ClientError;
import io.clickgive.distribution.TabletOrders;
import io.clickgive.distribution.TabletService;
import io.clickgive.distribution.TabletStatus;
import io.clickgive.distribution.TabletView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A distributor's console: its tablets, with assign and deliver forms, and its progress. */
@Path("/console/tablets")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class TabletPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tablets(ConsoleView view, List<TabletView> tablets, Progress progress,
                                               String message, List<String> problems);
    }

    /** How far the distributor's tablets have travelled: a count per status, and who has been reached. */
    public record Progress(Map<TabletStatus, Integer> byStatus, int total, int delivered, long beneficiaries,
                           int percentDelivered) {

        static Progress of(List<TabletView> tablets) {
            Map<TabletStatus, Integer> byStatus = new EnumMap<>(TabletStatus.class);
            tablets.forEach(t -> byStatus.merge(t.status(), 1, Integer::sum));
            int delivered = byStatus.getOrDefault(TabletStatus.DELIVERED, 0);
            long beneficiaries = tablets.stream().filter(t -> t.status() == TabletStatus.DELIVERED)
                    .map(TabletView::beneficiary).distinct().count();
            return new Progress(byStatus, tablets.size(), delivered, beneficiaries,
                    tablets.isEmpty() ? 0 : delivered * 100 / tablets.size());
        }
    }

    private final Console console;
    private final TabletService tablets;

    public TabletPages(Console console, TabletService tablets) {
        this.console = console;
        this.tablets = tablets;
    }

    @GET
    @Operation(summary = "A distributor's tablets and progress, with assign and deliver forms")
    public TemplateInstance mine(@QueryParam("lang") String lang, @QueryParam("done") Integer done,
                                 @Context SecurityContext security) {
        ConsoleView view = console.view(lang, security);
        String message = done == null ? null : view.text("console.done", "count", done);
        return page(view, console.organisation(security), message, List.of());
    }

    @POST
    @Path("assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Assign the chosen tablets to a beneficiary (form)")
    public Response assign(@FormParam("csrf") String token, @FormParam("serial") List<String> serials,
                           @FormParam("beneficiary") String beneficiary, @FormParam("lang") String lang,
                           @Context SecurityContext security) {
        String organisation = console.organisation(security);
        return Console.submit(() -> {
            String user = console.poster(security, token);
            tablets.assign(organisation, new TabletOrders.Assign(Console.listed(serials), Console.text(beneficiary)),
                    user);
            return done(lang, serials.size());
        }, problems -> page(console.view(lang, security), organisation, null, problems));
    }

    @POST
    @Path("deliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Confirm delivery of the chosen tablets (form)")
    public Response deliver(@FormParam("csrf") String token, @FormParam("serial") List<String> serials,
                            @FormParam("deliveredOn") String deliveredOn, @FormParam("recipient") String recipient,
                            @FormParam("note") String note, @FormParam("lang") String lang,
                            @Context SecurityContext security) {
        String organisation = console.organisation(security);
        return Console.submit(() -> {
            String user = console.poster(security, token);
            LocalDate date;
            try {
                date = LocalDate.parse(deliveredOn);
            } catch (DateTimeParseException | NullPointerException e) {
                throw ClientError.badRequest("deliveredOn must be a date such as 2026-03-21");
            }
            String cleanNote = Console.text(note);
            // The service validates the order as it does the API's (sizes, blanks): one rule for both.
            tablets.deliver(organisation, new TabletOrders.Deliver(Console.listed(serials).stream()
                    .map(s -> new TabletOrders.Delivery(s, date, Console.text(recipient), cleanNote)).toList()), user);
            return done(lang, serials.size());
        }, problems -> page(console.view(lang, security), organisation, null, problems));
    }

    /** Post, redirect, get, with how many tablets the order moved (orders are all or nothing). */
    private static Response done(String lang, int count) {
        return Console.seeOther("/console/tablets", lang, Map.of("done", count));
    }

    private TemplateInstance page(ConsoleView view, String organisation, String message, List<String> problems) {
        List<TabletView> mine = tablets.mine(organisation, null);
        return Templates.tablets(view, mine, Progress.of(mine), message, problems);
    }
}
