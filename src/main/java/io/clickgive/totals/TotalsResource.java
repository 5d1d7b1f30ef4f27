package io.clickgive.totals;

import io.clickgive.campaign.CampaignCatalog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Public campaign totals, as a document and as a live stream. */
@Path("/api/campaigns/{slug}/totals")
@Tag(name = "Totals (public)")
public class TotalsResource {

    private final CampaignCatalog catalog;
    private final TotalsService totals;

    public TotalsResource(CampaignCatalog catalog, TotalsService totals) {
        this.catalog = catalog;
        this.totals = totals;
    }

    @GET
    @Operation(summary = "Clicks, sessions, participants, megabytes and gigabytes of a campaign, with its regions")
    @APIResponse(responseCode = "404", description = "Unknown campaign, or one still in draft")
    public Uni<CampaignTotals> get(@PathParam("slug") String slug) {
        return totals.totals(catalog.publicBySlug(slug));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same totals as server-sent events, one a second")
    public Multi<CampaignTotals> stream(@PathParam("slug") String slug) {
        return totals.stream(catalog.publicBySlug(slug));
    }
}
