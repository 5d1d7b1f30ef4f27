package io.clickgive.ledger;

import io.clickgive.campaign.CampaignCatalog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Manager API on a campaign's ledger: import likes, reconcile live counters. */
@Path("/api/manage/campaigns/{slug}")
@Tag(name = "Ledger (managers)")
public class LedgerResource {

    private final CampaignCatalog catalog;
    private final LikeService likes;
    private final Reconciler reconciler;

    public LedgerResource(CampaignCatalog catalog, LikeService likes, Reconciler reconciler) {
        this.catalog = catalog;
        this.likes = likes;
        this.reconciler = reconciler;
    }

    @POST
    @Path("likes")
    @Operation(summary = "Import likes from a partner platform; re-sending a like (same externalId) counts it once")
    @APIResponse(responseCode = "409", description = "The campaign is not live or paused")
    public LikeImportResult importLikes(@PathParam("slug") String slug, @NotNull @Valid LikeImport batch) {
        return likes.importLikes(slug, batch);
    }

    @POST
    @Path("reconcile")
    @Operation(summary = "Compare live counters with ledger + in flight, and repair them")
    public ReconcileReport reconcile(@PathParam("slug") String slug) {
        return reconciler.reconcile(catalog.bySlug(slug));
    }
}
