package io.clickgive.request;

import io.clickgive.common.Actors;
import io.clickgive.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for a campaign's requests: record one, list them. */
@Path("/api/manage/campaigns/{slug}/requests")
@Tag(name = "Requests (managers)")
public class CampaignRequestsResource {

    private final RequestService requests;

    public CampaignRequestsResource(RequestService requests) {
        this.requests = requests;
    }

    @POST
    @Operation(summary = "Record a beneficiary's request for tablets and data")
    @APIResponse(responseCode = "201", description = "Recorded as SUBMITTED")
    @APIResponse(responseCode = "404", description = "Unknown campaign or beneficiary")
    public Response submit(@PathParam("slug") String slug, @NotNull @Valid RequestDraft draft,
                           @Context SecurityContext security) {
        RequestView created = requests.submit(slug, draft, Actors.of(security));
        return Response.created(UriBuilder.fromPath("/api/manage/requests/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "List a campaign's requests, optionally in one status")
    public List<RequestView> list(@PathParam("slug") String slug, @QueryParam("status") String status) {
        return requests.list(slug, QueryParams.oneOf(RequestStep.class, "status", status));
    }
}
