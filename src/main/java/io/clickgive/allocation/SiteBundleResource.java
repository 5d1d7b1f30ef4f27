package io.clickgive.allocation;

import io.clickgive.common.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for the sites' monthly bundles from a campaign's pool. */
@Path("/api/manage/campaigns/{slug}")
@Tag(name = "Allocation")
public class SiteBundleResource {

    private final SiteBundles bundles;

    public SiteBundleResource(SiteBundles bundles) {
        this.bundles = bundles;
    }

    @GET
    @Path("site-plans")
    @Operation(summary = "The sites' monthly plans in this campaign, with the months issued")
    public List<SiteBundleView.Plan> plans(@PathParam("slug") String slug) {
        return bundles.plans(slug);
    }

    @PUT
    @Path("site-plans/{code}")
    @Operation(summary = "Plan a site's monthly bundles: to its router SIM, megabytes a month, from a month, for months")
    public Response plan(@PathParam("slug") String slug, @PathParam("code") String code,
                         @NotNull @Valid SitePlanDraft draft, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(bundles.plan(slug, code, draft, Actors.of(security)))
                .build();
    }

    @POST
    @Path("site-bundles")
    @Operation(summary = "Issue a month's site bundles from the pool (the schedule does it every hour for this month)")
    public SiteBundleView.Run issue(@PathParam("slug") String slug, @QueryParam("month") String month,
                                    @Context SecurityContext security) {
        return bundles.issue(slug, month, Actors.of(security));
    }
}
