package io.clickgive.request;

import io.clickgive.common.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Manager API for one request: read it with its steps, review it, record how the data was used. */
@Path("/api/manage/requests")
@Tag(name = "Requests (managers)")
public class RequestResource {

    private final RequestService requests;

    public RequestResource(RequestService requests) {
        this.requests = requests;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a request with all its steps")
    public RequestView get(@PathParam("id") long id) {
        return requests.get(id);
    }

    @POST
    @Path("{id}/review")
    @Operation(summary = "Approve, partly approve or decline a request, with a reason; again to correct a review")
    @APIResponse(responseCode = "409", description = "Delivered already, or fewer tablets than already allocated")
    public RequestView review(@PathParam("id") long id, @NotNull @Valid Review review,
                              @Context SecurityContext security) {
        return requests.review(id, review, Actors.of(security));
    }

    @POST
    @Path("{id}/usage")
    @Operation(summary = "Record the beneficiary's report of how the data was used (after delivery)")
    @APIResponse(responseCode = "409", description = "Not delivered yet")
    public RequestView reportUsage(@PathParam("id") long id, @NotNull @Valid UsageReport report,
                                   @Context SecurityContext security) {
        return requests.reportUsage(id, report, Actors.of(security));
    }
}
