package io.clickgive.voids;

import io.clickgive.common.Actors;
import io.clickgive.web.ClientError;
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

import java.time.Duration;
import java.util.List;

/** Managers review what is out of line and hold or void it; the ledger's rows stay, a void names them. */
@Path("/api/manage/campaigns/{slug}")
@Tag(name = "Holds and voids (managers)")
public class VoidResource {

    private final Voids voids;
    private final Flags flags;

    public VoidResource(Voids voids, Flags flags) {
        this.voids = voids;
        this.flags = flags;
    }

    @GET
    @Path("flags")
    @Operation(summary = "The busiest networks and identities of the last hours (24, 200 each by default), those out of "
            + "line flagged first")
    public Flags.Review flags(@PathParam("slug") String slug, @QueryParam("hours") Integer hours,
                              @QueryParam("limit") Integer limit) {
        if (hours != null && (hours < 1 || hours > 24 * 40)) {
            throw ClientError.badRequest("hours: between 1 and " + 24 * 40);
        }
        if (limit != null && (limit < 1 || limit > 5_000)) {
            throw ClientError.badRequest("limit: between 1 and 5000");
        }
        return flags.review(slug, Duration.ofHours(hours == null ? 24 : hours), limit == null ? 200 : limit);
    }

    @POST
    @Path("voids")
    @Operation(summary = "Hold (hold: true) or void the counted clicks of an identity or network over a time range")
    @APIResponse(responseCode = "201", description = "Held or voided: out of the totals, the report and the pool")
    @APIResponse(responseCode = "400", description = "No target, hash or reason, or an empty or inverted range")
    @APIResponse(responseCode = "404", description = "Unknown campaign, or no click of that target in its ledger")
    @APIResponse(responseCode = "409", description = "Nothing counted in that range, or the pool would fall below "
            + "what is already allocated")
    public Response order(@PathParam("slug") String slug, VoidOrder order, @Context SecurityContext security) {
        if (order == null) {
            throw ClientError.badRequest("A void {target, hash, from, to, reason, hold?} is required");
        }
        return Response.status(Response.Status.CREATED).entity(voids.order(slug, order, Actors.of(security))).build();
    }

    @GET
    @Path("voids")
    @Operation(summary = "The campaign's holds and voids, newest first")
    public List<VoidView> list(@PathParam("slug") String slug) {
        return voids.list(slug);
    }
}
