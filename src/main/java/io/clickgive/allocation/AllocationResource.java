package io.clickgive.allocation;

import io.clickgive.common.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for a campaign's pool, its bundle sizes, and allocation plans (preview, then commit). */
@Path("/api/manage/campaigns/{slug}")
@Tag(name = "Allocation (managers)")
public class AllocationResource {

    private final AllocationService allocations;

    public AllocationResource(AllocationService allocations) {
        this.allocations = allocations;
    }

    @GET
    @Path("pool")
    @Operation(summary = "The pool: GB donated (ledger) and allocated, what is left, and what is still in flight")
    public PoolView pool(@PathParam("slug") String slug) {
        return allocations.pool(slug);
    }

    @GET
    @Path("bundle-sizes")
    @Operation(summary = "The bundle sizes the campaign hands out, in MB")
    public List<Integer> bundleSizes(@PathParam("slug") String slug) {
        return allocations.bundleSizes(slug);
    }

    @PUT
    @Path("bundle-sizes")
    @Operation(summary = "Set the bundle sizes the campaign hands out, in MB")
    public List<Integer> replaceBundleSizes(@PathParam("slug") String slug, @NotNull @Valid BundleSizes sizes) {
        return allocations.replaceBundleSizes(slug, sizes);
    }

    @POST
    @Path("allocations/preview")
    @Operation(summary = "Preview an allocation plan: whole bundles per approved request, with totals per region")
    @APIResponse(responseCode = "400", description = "Not one of the campaign's bundle sizes")
    @APIResponse(responseCode = "409", description = "Regional floors beyond what can be allocated")
    public PlanView preview(@PathParam("slug") String slug, @NotNull @Valid PlanOrder order) {
        return allocations.preview(slug, order);
    }

    @POST
    @Path("allocations")
    @Operation(summary = "Commit a plan: reserve its bundles in one transaction",
            description = "Send the previewed plan's digest: if the pool, the stock or the requests changed since, "
                    + "nothing is committed and the answer is 409.")
    @APIResponse(responseCode = "201", description = "Committed")
    @APIResponse(responseCode = "409", description = "The plan changed since the preview, or there is nothing to allocate")
    public Response commit(@PathParam("slug") String slug, @NotNull @Valid PlanOrder order,
                           @Context SecurityContext security) {
        return Response.status(201).entity(allocations.commit(slug, order, Actors.of(security))).build();
    }
}
