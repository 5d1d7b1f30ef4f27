package io.clickgive.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for campaigns: create, read, edit, and move through DRAFT → LIVE ⇄ PAUSED → CLOSED. */
@Path("/api/manage/campaigns")
@Tag(name = "Campaigns (managers)")
public class CampaignResource {

    private final CampaignService campaigns;

    public CampaignResource(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @POST
    @Operation(summary = "Create a campaign (in DRAFT)")
    @APIResponse(responseCode = "201", description = "Created; Location names the campaign")
    @APIResponse(responseCode = "400", description = "Invalid settings")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@NotNull @Valid CampaignDraft draft, @Context UriInfo uri) {
        CampaignView created = campaigns.create(draft);
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "List all campaigns")
    public List<CampaignView> list() {
        return campaigns.list();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Read one campaign")
    @APIResponse(responseCode = "404", description = "Unknown campaign")
    public CampaignView get(@PathParam("slug") String slug) {
        return campaigns.get(slug);
    }

    @PUT
    @Path("{slug}")
    @Operation(summary = "Replace a campaign's settings")
    @APIResponse(responseCode = "409", description = "Closed campaign, or a conversion setting changed after launch")
    public CampaignView update(@PathParam("slug") String slug, @NotNull @Valid CampaignDraft draft) {
        return campaigns.update(slug, draft);
    }

    @POST
    @Path("{slug}/status")
    @Operation(summary = "Move a campaign to another status (DRAFT → LIVE ⇄ PAUSED → CLOSED)")
    @APIResponse(responseCode = "409", description = "The transition is not allowed")
    public CampaignView changeStatus(@PathParam("slug") String slug, @NotNull @Valid StatusChange change) {
        return campaigns.changeStatus(slug, change.status());
    }
}
