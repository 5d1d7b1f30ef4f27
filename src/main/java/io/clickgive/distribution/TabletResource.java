package io.clickgive.distribution;

import io.clickgive.common.Actors;
import io.clickgive.csv.ImportReport;
import io.clickgive.web.QueryParams;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for the tablet inventory: import, preload, ship, return, restock, lost. */
@Path("/api/manage/tablets")
@Tag(name = "Tablets (managers)")
public class TabletResource {

    private final TabletService tablets;
    private final TabletImport imports;

    public TabletResource(TabletService tablets, TabletImport imports) {
        this.tablets = tablets;
        this.imports = imports;
    }

    @GET
    @Operation(summary = "List tablets, optionally in one status or at one distributor")
    public List<TabletView> list(@QueryParam("status") String status,
                                 @QueryParam("distributor") String distributor) {
        return tablets.list(QueryParams.oneOf(TabletStatus.class, "status", status), distributor);
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "Read one tablet with its history")
    public TabletView get(@PathParam("serial") String serial) {
        return tablets.get(serial);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", "application/octet-stream"})
    @Operation(summary = "Import tablets from a UTF-8 CSV file (serial, imei, model)",
            description = "IMEIs must carry a valid check digit. mode=all-or-nothing (default) or keep-valid. "
                    + "Rows already imported (same serial and IMEI) are skipped.")
    @APIResponse(responseCode = "422", description = "Refused as a whole; the report lists the bad rows")
    public Response importCsv(byte[] body, @QueryParam("mode") String mode, @Context SecurityContext security) {
        ImportReport report = imports.importCsv(body, ImportReport.Mode.parse(mode), Actors.of(security));
        return Response.status(report.refused() ? 422 : 200).entity(report).build();
    }

    @POST
    @Path("preload")
    @Operation(summary = "Preload tablets in stock with bundles of an allocation (or one given bundle)")
    @APIResponse(responseCode = "409", description = "A tablet not in stock, a bundle on a tablet already, or too few bundles")
    public List<TabletView> preload(TabletOrders.Preload order, @Context SecurityContext security) {
        return tablets.preload(order, Actors.of(security));
    }

    @POST
    @Path("ship")
    @Operation(summary = "Ship preloaded tablets to a distributor serving their beneficiaries' regions")
    public List<TabletView> ship(TabletOrders.Ship order, @Context SecurityContext security) {
        return tablets.ship(order, Actors.of(security));
    }

    @POST
    @Path("return")
    @Operation(summary = "Record tablets given back (preloaded, shipped or assigned)")
    public List<TabletView> giveBack(TabletOrders.Move order, @Context SecurityContext security) {
        return tablets.giveBack(order, Actors.of(security));
    }

    @POST
    @Path("restock")
    @Operation(summary = "Put returned tablets back in stock; their bundles are free for other tablets")
    public List<TabletView> restock(TabletOrders.Move order, @Context SecurityContext security) {
        return tablets.restock(order, Actors.of(security));
    }

    @POST
    @Path("lost")
    @Operation(summary = "Record tablets as lost")
    public List<TabletView> lost(TabletOrders.Move order, @Context SecurityContext security) {
        return tablets.markLost(order, Actors.of(security));
    }
}
