package io.clickgive.sponsor;

import io.clickgive.campaign.SponsorDraft;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Managers set a campaign's sponsor and purse. */
@Path("/api/manage/campaigns/{slug}/sponsor")
@Tag(name = "Sponsors")
public class SponsorResource {

    private final Purses purses;

    public SponsorResource(Purses purses) {
        this.purses = purses;
    }

    @PUT
    @Operation(summary = "Set the campaign's sponsor (name, logo, link) and purse (the most megabytes it gives)")
    @APIResponse(responseCode = "400", description = "Each problem of the sponsor")
    @APIResponse(responseCode = "409", description = "A purse below what the campaign's clicks already gave")
    public PurseView set(@PathParam("slug") String slug, SponsorDraft draft) {
        return purses.set(slug, draft);
    }
}
