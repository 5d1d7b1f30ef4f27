package io.clickgive.call;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Manager API for one application: read it, accept it, ask for more, decline it. */
@Path("/api/manage/applications")
@Tag(name = "Calls for projects")
public class ApplicationResource {

    private final Calls calls;
    private final ApplicationReview review;

    public ApplicationResource(Calls calls, ApplicationReview review) {
        this.calls = calls;
        this.review = review;
    }

    @GET
    @Path("{reference}")
    @Operation(summary = "An application, its answers and every step")
    public ApplicationView application(@PathParam("reference") String reference) {
        return calls.get(reference);
    }

    @POST
    @Path("{reference}/accept")
    @Operation(summary = "Accept: create the beneficiary (or link one by its code) and submit its request to the campaign")
    public ApplicationView accept(@PathParam("reference") String reference,
                                  @NotNull @Valid ApplicationReview.Acceptance acceptance,
                                  @Context SecurityContext security) {
        return review.accept(reference, acceptance, Actors.of(security));
    }

    @POST
    @Path("{reference}/ask")
    @Operation(summary = "Ask the applicant for more; they reply through their link")
    public ApplicationView ask(@PathParam("reference") String reference,
                               @NotNull @Valid ApplicationReview.Message question, @Context SecurityContext security) {
        return review.askMore(reference, question, Actors.of(security));
    }

    @POST
    @Path("{reference}/decline")
    @Operation(summary = "Decline, with the reason the applicant reads")
    public ApplicationView decline(@PathParam("reference") String reference,
                                   @NotNull @Valid ApplicationReview.Message reason, @Context SecurityContext security) {
        return review.decline(reference, reason, Actors.of(security));
    }
}
