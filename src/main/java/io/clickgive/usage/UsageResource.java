package io.clickgive.usage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Manager API for what became of the data: the bundles' validity, and the use report with the reports due. */
@Path("/api/manage/campaigns/{slug}")
@Tag(name = "Reports")
public class UsageResource {

    private final Validities validities;
    private final UseReports reports;

    public UsageResource(Validities validities, UseReports reports) {
        this.validities = validities;
        this.reports = reports;
    }

    @GET
    @Path("bundle-validity")
    @Operation(summary = "How long the campaign's bundles are valid once delivered (days; per size where it differs)")
    public BundleValidity validity(@PathParam("slug") String slug) {
        return validities.get(slug);
    }

    @PUT
    @Path("bundle-validity")
    @Operation(summary = "Set how long the campaign's bundles are valid once delivered")
    public BundleValidity setValidity(@PathParam("slug") String slug, @NotNull @Valid BundleValidity validity) {
        return validities.set(slug, validity);
    }

    @GET
    @Path("use-report")
    @Operation(summary = "GB delivered, reported used, lapsed and not reported, per region and per kind; reports due")
    public UseReport useReport(@PathParam("slug") String slug) {
        return reports.report(slug);
    }
}
