package io.clickgive.sponsor;

import io.clickgive.campaign.CampaignCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public reads a campaign's sponsor and what is left of its purse. */
@Path("/api/campaigns/{slug}/sponsor")
@Tag(name = "Sponsors")
public class PurseResource {

    private final Purses purses;
    private final CampaignCatalog catalog;

    public PurseResource(Purses purses, CampaignCatalog catalog) {
        this.purses = purses;
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "The campaign's sponsor and what is left of its purse (read every second)")
    public PurseView get(@PathParam("slug") String slug) {
        return purses.view(catalog.publicBySlug(slug));
    }
}
