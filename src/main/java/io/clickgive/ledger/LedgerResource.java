package io.clickgive.ledger;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.csv.ImportReport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
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
    @Path("likes/import")
    @Consumes({"text/csv", "application/octet-stream"})
    @Operation(summary = "Import likes from a partner's CSV export",
            description = "UTF-8 CSV with a header: externalId, and optionally region and likedAt (ISO instant). "
                    + "mode=all-or-nothing (default) refuses the file when a row is bad; mode=keep-valid imports the "
                    + "good rows. Likes already imported (same externalId) are skipped.")
    @APIResponse(responseCode = "200", description = "Imported; the report lists bad rows (keep-valid)")
    @APIResponse(responseCode = "422", description = "Refused as a whole; the report lists the bad rows")
    @APIResponse(responseCode = "409", description = "The campaign is not live or paused")
    public Response importCsv(@PathParam("slug") String slug, byte[] body, @QueryParam("mode") String mode) {
        ImportReport report = likes.importCsv(slug, body, ImportReport.Mode.parse(mode));
        return Response.status(report.refused() ? 422 : 200).entity(report).build();
    }

    @POST
    @Path("reconcile")
    @Operation(summary = "Compare live counters with ledger + in flight, and repair them")
    public ReconcileReport reconcile(@PathParam("slug") String slug) {
        return reconciler.reconcile(catalog.bySlug(slug));
    }
}
