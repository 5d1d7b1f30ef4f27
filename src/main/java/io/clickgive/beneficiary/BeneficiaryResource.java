package io.clickgive.beneficiary;

import io.clickgive.csv.ImportReport;
import io.clickgive.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for the register of beneficiaries. */
@Path("/api/manage/beneficiaries")
@Tag(name = "Beneficiaries (managers)")
public class BeneficiaryResource {

    private final BeneficiaryService beneficiaries;

    public BeneficiaryResource(BeneficiaryService beneficiaries) {
        this.beneficiaries = beneficiaries;
    }

    @POST
    @Operation(summary = "Register a beneficiary")
    @APIResponse(responseCode = "201", description = "Registered; Location names it")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@NotNull @Valid BeneficiaryDraft draft, @Context UriInfo uri) {
        BeneficiaryView created = beneficiaries.create(draft);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "List beneficiaries, optionally of one region or kind")
    public List<BeneficiaryView> list(@QueryParam("region") String region, @QueryParam("kind") String kind) {
        return beneficiaries.list(region, QueryParams.oneOf(BeneficiaryKind.class, "kind", kind));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Read one beneficiary")
    @APIResponse(responseCode = "404", description = "Unknown beneficiary")
    public BeneficiaryView get(@PathParam("code") String code) {
        return beneficiaries.get(code);
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Correct a beneficiary's details (the code stays)")
    public BeneficiaryView update(@PathParam("code") String code, @NotNull @Valid BeneficiaryDraft draft) {
        return beneficiaries.update(code, draft);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", "application/octet-stream"})
    @Operation(summary = "Import beneficiaries from a UTF-8 CSV file",
            description = "Columns: code, kind, name, region, province, people_served; optionally tablets_requested, "
                    + "gigabytes_requested, contact_name, contact_phone, contact_email, bandwidth_mbps, "
                    + "installation_cost, phase. mode=all-or-nothing (default) refuses the file when a row is bad; "
                    + "mode=keep-valid imports the good rows. Rows whose code exists are skipped.")
    @APIResponse(responseCode = "200", description = "Imported; the report lists bad rows (keep-valid)")
    @APIResponse(responseCode = "422", description = "Refused as a whole; the report lists the bad rows")
    @APIResponse(responseCode = "400", description = "Not a CSV file with the expected header")
    public Response importCsv(byte[] body, @QueryParam("mode") String mode) {
        ImportReport report = beneficiaries.importCsv(body, ImportReport.Mode.parse(mode));
        return Response.status(report.refused() ? 422 : 200).entity(report).build();
    }
}
