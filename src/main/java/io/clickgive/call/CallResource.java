package io.clickgive.call;

import io.clickgive.common.Actors;
import io.clickgive.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for a campaign's call for projects: open or change it, read its applications. */
@Path("/api/manage/campaigns/{slug}/call")
@Tag(name = "Calls for projects")
public class CallResource {

    private final Calls calls;

    public CallResource(Calls calls) {
        this.calls = calls;
    }

    @PUT
    @Operation(summary = "Open the campaign's call for projects, or change it (kinds, regions, people, questions, deadline)")
    public CallView open(@PathParam("slug") String slug, @NotNull @Valid CallDraft draft,
                         @Context SecurityContext security) {
        return calls.open(slug, draft, Actors.of(security));
    }

    @GET
    @Operation(summary = "The campaign's call, with its applications counted by status")
    public CallView call(@PathParam("slug") String slug) {
        return calls.call(slug, false);
    }

    @GET
    @Path("applications")
    @Operation(summary = "The call's applications, newest first, optionally of one status")
    public List<ApplicationView> applications(@PathParam("slug") String slug, @QueryParam("status") String status) {
        return calls.list(slug, QueryParams.oneOf(ApplicationStatus.class, "status", status));
    }

}
