package io.clickgive.campaign;

import io.clickgive.common.Actors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Managers and a campaign's matching hours: schedule a window (before it starts), list them, cancel one to come. */
@Path("/api/manage/campaigns/{slug}/matching")
@Tag(name = "Matching hours")
public class MatchingResource {

    private final MatchingHours hours;

    public MatchingResource(MatchingHours hours) {
        this.hours = hours;
    }

    @POST
    @Operation(summary = "Schedule a matching window (startsAt, endsAt, rate from 1.1 to 5), a minute ahead at least")
    public Response schedule(@PathParam("slug") String slug, MatchingHours.Draft draft, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(hours.schedule(slug, draft, Actors.of(security))).build();
    }

    @GET
    @Operation(summary = "The campaign's matching windows: coming, on, ended and cancelled")
    public List<MatchingHours.View> list(@PathParam("slug") String slug) {
        return hours.list(slug);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a window that has not started")
    public MatchingHours.View cancel(@PathParam("slug") String slug, @PathParam("id") long id,
                                     @Context SecurityContext security) {
        return hours.cancel(slug, id, Actors.of(security));
    }
}
