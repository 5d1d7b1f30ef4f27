package io.clickgive.console;

import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.campaign.CampaignService;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.campaign.CampaignView;
import io.clickgive.web.ClientError;
import io.clickgive.csv.ImportReport;
import io.clickgive.web.QueryParams;
import io.clickgive.distribution.TabletImport;
import io.clickgive.ledger.LikeService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The managers' CSV imports: beneficiaries, tablets, and a partner's likes for a campaign. The same imports as the
 * API's, so the same checks; the page shows the report — rows read, imported, skipped as already known, and each bad
 * row with its line — and a refused file changes nothing.
 */
@Path("/console/imports")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    /** What can be imported here. */
    public enum Kind { BENEFICIARIES, TABLETS, LIKES }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(ConsoleView view, List<CampaignView> campaigns, Kind kind,
                                               ImportReport report, List<String> problems);
    }

    private final Console console;
    private final BeneficiaryService beneficiaries;
    private final TabletImport tablets;
    private final LikeService likes;
    private final CampaignService campaigns;

    public ImportPages(Console console, BeneficiaryService beneficiaries, TabletImport tablets, LikeService likes,
                       CampaignService campaigns) {
        this.console = console;
        this.beneficiaries = beneficiaries;
        this.tablets = tablets;
        this.likes = likes;
        this.campaigns = campaigns;
    }

    @GET
    @Operation(summary = "The import forms (managers)")
    public TemplateInstance page(@QueryParam("lang") String lang, @Context SecurityContext security) {
        return page(lang, security, null, null, List.of());
    }

    @POST
    @Path("{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a CSV file (form): beneficiaries, tablets or likes")
    public Response upload(@PathParam("kind") String kindName, @RestForm String csrf, @RestForm String lang,
                           @RestForm String mode, @RestForm String campaign, @RestForm FileUpload file,
                           @Context SecurityContext security) {
        // A refused upload shows the form it came from; an unknown kind is refused on the page too.
        Kind shown = java.util.Arrays.stream(Kind.values()).filter(k -> k.name().equalsIgnoreCase(kindName.strip()))
                .findFirst().orElse(null);
        return Console.submit(() -> {
            String user = console.poster(security, csrf);
            Kind kind = QueryParams.oneOf(Kind.class, "kind", kindName);
            if (file == null || file.size() == 0) {
                throw ClientError.badRequest("Choose a CSV file");
            }
            byte[] body = read(file);
            ImportReport.Mode how = ImportReport.Mode.parse(mode);
            ImportReport report = switch (kind) {
                case BENEFICIARIES -> beneficiaries.importCsv(body, how);
                case TABLETS -> tablets.importCsv(body, how, user);
                case LIKES -> {
                    if (campaign == null || campaign.isBlank()) {
                        throw ClientError.badRequest("Choose the campaign the likes were given to");
                    }
                    yield likes.importCsv(campaign, body, how);
                }
            };
            return Response.status(report.refused() ? 422 : 200).entity(page(lang, security, kind, report, List.of()))
                    .build();
        }, problems -> page(lang, security, shown, null, problems));
    }

    private TemplateInstance page(String lang, SecurityContext security, Kind kind, ImportReport report,
                                  List<String> problems) {
        List<CampaignView> open = campaigns.list().stream()
                .filter(c -> c.status() == CampaignStatus.LIVE || c.status() == CampaignStatus.PAUSED).toList();
        return Templates.imports(console.view(lang, security), open, kind, report, problems);
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
