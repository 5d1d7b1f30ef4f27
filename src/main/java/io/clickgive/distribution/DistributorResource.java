package io.clickgive.distribution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for the partner organisations that distribute tablets. */
@Path("/api/manage/distributors")
@Tag(name = "Distributors (managers)")
public class DistributorResource {

    private final DistributorService distributors;

    public DistributorResource(DistributorService distributors) {
        this.distributors = distributors;
    }

    @POST
    @Operation(summary = "Register a distributor with the regions it serves")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@NotNull @Valid DistributorDraft draft, @Context UriInfo uri) {
        DistributorView created = distributors.create(draft);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "List distributors")
    public List<DistributorView> list() {
        return distributors.list();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Read one distributor")
    @APIResponse(responseCode = "404", description = "Unknown distributor")
    public DistributorView get(@PathParam("code") String code) {
        return distributors.get(code);
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Change a distributor's name, contact or regions (the code stays)")
    public DistributorView update(@PathParam("code") String code, @NotNull @Valid DistributorDraft draft) {
        return distributors.update(code, draft);
    }
}
