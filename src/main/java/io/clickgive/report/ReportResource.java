package io.clickgive.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Manager API for a campaign's report: donated, allocated, tablets and people reached, per region; JSON or CSV. */
@Path("/api/manage/campaigns/{slug}/report")
@Tag(name = "Reports (managers)")
public class ReportResource {

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "The campaign's report per region, with totals")
    public CampaignReport report(@PathParam("slug") String slug) {
        return reports.report(slug);
    }

    @GET
    @Path("csv")
    @Produces("text/csv")
    @Operation(summary = "The same report as a CSV file (UTF-8, one line per region, then the total)")
    public Response csv(@PathParam("slug") String slug) {
        return csvFile(reports, slug);
    }

    /** The report's CSV as a file to save (the API's and the console's download alike). */
    public static Response csvFile(ReportService reports, String slug) {
        return Response.ok(reports.csv(slug))
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-report.csv\"").build();
    }
}
