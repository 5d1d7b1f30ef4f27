package io.clickgive.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public transparency report of a campaign, as JSON (the page /c/{slug}/report shows the same). */
@Path("/api/campaigns/{slug}/report")
@Tag(name = "Transparency (public)")
public class TransparencyResource {

    private final ReportService reports;

    public TransparencyResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "Clicks and GB confirmed in the ledger, in flight apart, allocated, delivered, per region")
    public Transparency report(@PathParam("slug") String slug) {
        return reports.transparency(slug);
    }
}
