package io.clickgive.voids;

import io.clickgive.common.Actors;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A hold, once placed, is lifted (its clicks count again) or confirmed (a void, for good). */
@Path("/api/manage/voids/{id}")
@Tag(name = "Holds and voids (managers)")
public class VoidActions {

    private final Voids voids;

    public VoidActions(Voids voids) {
        this.voids = voids;
    }

    @POST
    @Path("lift")
    @Operation(summary = "Lift a hold: its clicks count again")
    @APIResponse(responseCode = "409", description = "Not a hold in force")
    public VoidView lift(@PathParam("id") long id, @Context SecurityContext security) {
        return voids.lift(id, Actors.of(security));
    }

    @POST
    @Path("confirm")
    @Operation(summary = "Confirm a hold: it becomes a void, for good")
    @APIResponse(responseCode = "409", description = "Not a hold in force")
    public VoidView confirm(@PathParam("id") long id, @Context SecurityContext security) {
        return voids.confirm(id, Actors.of(security));
    }
}
