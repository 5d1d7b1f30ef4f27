package io.clickgive.console;

import io.clickgive.distribution.DeliveryProofs;
import io.clickgive.distribution.DistributorService;
import io.clickgive.distribution.DistributorView;
import io.clickgive.distribution.OpenAllocation;
import io.clickgive.distribution.TabletOrders;
import io.clickgive.distribution.TabletService;
import io.clickgive.distribution.TabletStatus;
import io.clickgive.distribution.TabletView;
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

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The managers' tablet inventory: every tablet with filters (status, distributor), bulk selection, and the orders of
 * TabletService — preload from an allocation, ship to a distributor, return, restock, lost — each all or nothing as
 * in the API; each tablet's history on its own page. Imports are on the imports page.
 */
@Path("/console/stock")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class StockPages {

    /** Tablets the list shows at most. */
    static final int SHOWN = 500;

    /** What the list shows: the filters as chosen, and which tablets are ticked. */
    public record Filter(String status, String distributor, Set<String> selected, boolean all) {

        public boolean ticked(String serial) {
            return all || selected.contains(serial);
        }

        Map<String, Object> query() {
            Map<String, Object> query = new HashMap<>();
            if (status != null) {
                query.put("status", status);
            }
            if (distributor != null) {
                query.put("distributor", distributor);
            }
            return query;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stock(ConsoleView view, List<TabletView> tablets, Filter filter,
                                             Map<TabletStatus, Long> counts, List<OpenAllocation> allocations,
                                             List<DistributorView> distributors, List<TabletStatus> statuses,
                                             String message, List<String> problems);

        static native TemplateInstance tablet(ConsoleView view, TabletView tablet, List<DeliveryProofs.Proof> proofs);

        static native TemplateInstance labels(ConsoleView view, LabelSheet sheet);
    }

    private final Console console;
    private final TabletService tablets;
    private final DistributorService distributors;
    private final DeliveryProofs proofs;

    public StockPages(Console console, TabletService tablets, DistributorService distributors, DeliveryProofs proofs) {
        this.console = console;
        this.tablets = tablets;
        this.distributors = distributors;
        this.proofs = proofs;
    }

    @GET
    @Operation(summary = "The tablet inventory with filters, bulk selection and the managers' orders")
    public TemplateInstance list(@QueryParam("lang") String lang, @QueryParam("status") String status,
                                 @QueryParam("distributor") String distributor, @QueryParam("all") String all,
                                 @QueryParam("done") Integer done, @Context SecurityContext security) {
        ConsoleView view = console.view(lang, security);
        Filter filter = new Filter(Console.text(status), Console.text(distributor), Set.of(), all != null);
        return page(view, filter, done == null ? null : view.text("console.done", "count", done), List.of());
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "One tablet and its history, with the proof of its delivery")
    public TemplateInstance tablet(@PathParam("serial") String serial, @QueryParam("lang") String lang,
                                   @Context SecurityContext security) {
        return Templates.tablet(console.view(lang, security), tablets.get(serial), proofs.of(serial));
    }

    @GET
    @Path("{serial}/proofs/{id}/{part}")
    @Produces({"image/png", "image/jpeg"})
    @Operation(summary = "The signature or the photo of a tablet's proof of delivery")
    public Response proof(@PathParam("serial") String serial, @PathParam("id") long id,
                          @PathParam("part") String part) {
        if (!part.equals("signature") && !part.equals("photo")) {
            throw ClientError.notFound("A proof has a signature and perhaps a photo");
        }
        DeliveryProofs.Image image = proofs.image(serial, id, part.equals("photo"));
        // Checked when stored (ProofImage); served as what it is, never sniffed, never cached by a shared cache.
        return Response.ok(image.bytes(), image.type()).header("Cache-Control", "private, max-age=3600")
                .header("Content-Disposition", "inline").build();
    }

    @GET
    @Path("labels")
    @Operation(summary = "A sheet of QR labels (serial and IMEI) for the ticked tablets, to print")
    public TemplateInstance labels(@QueryParam("serial") List<String> serials, @QueryParam("lang") String lang,
                                   @Context SecurityContext security) {
        List<String> wanted = Console.listed(serials);
        if (wanted.isEmpty() || wanted.size() > 1000) {
            throw ClientError.badRequest("serial: tick between 1 and 1000 tablets to print their labels");
        }
        return Templates.labels(console.view(lang, security), LabelSheet.of(wanted.stream().map(tablets::get)
                .map(t -> new TabletView(t.serial(), t.imei(), t.model(), t.status(), null, null, null, null, null,
                        null, null, List.of())).toList()));
    }

    @POST
    @Path("preload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Preload the ticked tablets with the next free bundles of an allocation (form)")
    public Response preload(@FormParam("csrf") String token, @FormParam("serial") List<String> serials,
                            @FormParam("allocation") String allocation, @FormParam("lang") String lang,
                            @FormParam("status") String status, @FormParam("filterDistributor") String filterBy,
                            @Context SecurityContext security) {
        return order(security, token, serials, lang, status, filterBy, (user) -> {
            Integer id = Console.whole("allocation", allocation);
            if (id == null) {
                throw ClientError.badRequest("allocation: choose the allocation whose bundles go on the tablets");
            }
            return tablets.preload(console.valid(new TabletOrders.Preload(Console.listed(serials), id.longValue(),
                    null)), user).size();
        });
    }

    @POST
    @Path("ship")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Ship the ticked tablets to a distributor (form)")
    public Response ship(@FormParam("csrf") String token, @FormParam("serial") List<String> serials,
                         @FormParam("distributor") String distributor, @FormParam("lang") String lang,
                         @FormParam("status") String status, @FormParam("filterDistributor") String filterBy,
                         @Context SecurityContext security) {
        return order(security, token, serials, lang, status, filterBy, (user) -> tablets.ship(console.valid(
                new TabletOrders.Ship(Console.listed(serials), Console.text(distributor))), user).size());
    }

    @POST
    @Path("move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Return, restock or report lost the ticked tablets, with a note (form)")
    public Response move(@FormParam("csrf") String token, @FormParam("serial") List<String> serials,
                         @FormParam("to") String to, @FormParam("note") String note, @FormParam("lang") String lang,
                         @FormParam("status") String status, @FormParam("filterDistributor") String filterBy,
                         @Context SecurityContext security) {
        return order(security, token, serials, lang, status, filterBy, (user) -> {
            TabletOrders.Move order = console.valid(new TabletOrders.Move(Console.listed(serials), Console.text(note)));
            return switch (to == null ? "" : to) {
                case "RETURNED" -> tablets.giveBack(order, user).size();
                case "IN_STOCK" -> tablets.restock(order, user).size();
                case "LOST" -> tablets.markLost(order, user).size();
                default -> throw ClientError.badRequest("to: RETURNED, IN_STOCK or LOST");
            };
        });
    }

    /**
     * Runs an order from the list's form. Refused, the list comes back with the same filters, the same tablets ticked
     * and each problem; nothing moved (orders are all or nothing).
     */
    private Response order(SecurityContext security, String token, List<String> serials, String lang, String status,
                           String filterBy, Function<String, Integer> action) {
        Filter filter = new Filter(Console.text(status), Console.text(filterBy), Set.copyOf(Console.listed(serials)),
                false);
        return Console.submit(() -> {
            int moved = action.apply(console.poster(security, token));
            Map<String, Object> query = filter.query();
            query.put("done", moved);
            return Console.seeOther("/console/stock", lang, query);
        }, problems -> page(console.view(lang, security), filter, null, problems));
    }

    private TemplateInstance page(ConsoleView view, Filter filter, String message, List<String> problems) {
        TabletStatus status = null;
        if (filter.status() != null) {
            try {
                status = TabletStatus.valueOf(filter.status().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ClientError.badRequest("status: one of " + List.of(TabletStatus.values()));
            }
        }
        List<TabletView> found = tablets.list(status, filter.distributor());
        // A page a phone can hold: beyond it, the filters narrow the list (the counts above it cover every tablet).
        List<TabletView> shown = found.size() > SHOWN ? found.subList(0, SHOWN) : found;
        List<String> notes = found.size() > SHOWN ? java.util.stream.Stream.concat(problems.stream(),
                java.util.stream.Stream.of(view.text("console.showingFirst", "count", SHOWN))).toList() : problems;
        return Templates.stock(view, shown, filter, tablets.countByStatus(), tablets.openAllocations(),
                distributors.list(), List.of(TabletStatus.values()), message, notes);
    }
}
