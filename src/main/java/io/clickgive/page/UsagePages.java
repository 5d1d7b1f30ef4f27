package io.clickgive.page;

import io.clickgive.distribution.ProofImage;
import io.clickgive.request.UsageReport;
import io.clickgive.usage.BeneficiaryReports;
import io.clickgive.web.ClientError;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page a beneficiary reports its use on, through the link it received with its delivery (ar/fr/en, phone first):
 * what it was delivered and until when, and the form (people reached, gigabytes used, a short story, a photo if it
 * wishes). A refusal comes back as the filled-in form with the reason; a forged or expired link is a 404.
 */
@Path("/c/{slug}/usage/{request}")
@Tag(name = "Public page")
public class UsagePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance usage(PageView page, BeneficiaryReports.Delivered delivered, String action,
                                             Map<String, String> form, List<String> problems, boolean thanks);

        static native TemplateInstance gone(PageView page);
    }

    private final BeneficiaryReports reports;
    private final PageTexts texts;
    private final Validator validator;

    public UsagePages(BeneficiaryReports reports, PageTexts texts, Validator validator) {
        this.reports = reports;
        this.texts = texts;
        this.validator = validator;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The beneficiary's usage report page, through the link sent with the delivery (HTML)")
    public Response page(@PathParam("slug") String slug, @PathParam("request") long request,
                         @QueryParam("key") String key, @QueryParam("lang") String requested,
                         @QueryParam("done") String done, @HeaderParam("Accept-Language") String acceptLanguage,
                         @Context UriInfo uri) {
        PageView page = page(PageTexts.choose(requested, acceptLanguage), slug, key, uri);
        try {
            return PrivatePage.html(200, Templates.usage(page, reports.delivered(slug, request, key), action(slug, request, key),
                    Map.of(), List.of(), done != null));
        } catch (ClientError unknown) {
            return PrivatePage.html(404, Templates.gone(page));
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The beneficiary's usage report (form, with an optional photo)")
    public Response report(@PathParam("slug") String slug, @PathParam("request") long request,
                           @QueryParam("key") String key, @RestForm String lang, @RestForm String peopleReached,
                           @RestForm String gigabytesUsed, @RestForm String summary, @RestForm FileUpload photo,
                           @HeaderParam("Accept-Language") String acceptLanguage, @Context UriInfo uri) {
        PageView page = page(PageTexts.choose(lang, acceptLanguage), slug, key, uri);
        BeneficiaryReports.Delivered delivered;
        try {
            delivered = reports.delivered(slug, request, key);
        } catch (ClientError unknown) {
            return PrivatePage.html(404, Templates.gone(page));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("peopleReached", peopleReached == null ? "" : peopleReached);
        form.put("gigabytesUsed", gigabytesUsed == null ? "" : gigabytesUsed);
        form.put("summary", summary == null ? "" : summary);
        try {
            UsageReport report = new UsageReport(summary == null || summary.isBlank() ? null : summary.strip(),
                    whole(page, "peopleReached", peopleReached), whole(page, "gigabytesUsed", gigabytesUsed));
            var violations = validator.validate(report);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            reports.report(slug, request, key, report, image(photo));
            return Response.seeOther(uri.getBaseUri().resolve(action(slug, request, key) + "&lang=" + page.lang()
                    + "&done=1")).build();
        } catch (ConstraintViolationException invalid) {
            List<String> problems = invalid.getConstraintViolations().stream()
                    .map(v -> page.text("usage.field." + v.getPropertyPath()) + " : " + v.getMessage()).sorted().toList();
            return PrivatePage.html(400, Templates.usage(page, delivered, action(slug, request, key), form, problems, false));
        } catch (ClientError refused) {
            return PrivatePage.html(refused.status(), Templates.usage(page, delivered, action(slug, request, key), form,
                    List.of(refused.getMessage()), false));
        }
    }

    private static Integer whole(PageView page, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest(page.text("usage.field." + field) + " : " + page.text("usage.number"));
        }
    }

    private static ProofImage image(FileUpload photo) {
        if (photo == null || photo.size() == 0) {
            return null;
        }
        try {
            return ProofImage.checked("photo", photo.contentType(), Files.readAllBytes(photo.uploadedFile()),
                    ProofImage.PHOTO_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String action(String slug, long request, String key) {
        return "/c/" + slug + "/usage/" + request + "?key=" + key;
    }

    private PageView page(String lang, String slug, String key, UriInfo uri) {
        return texts.view("usage", "usage.title", lang, slug, uri.getRequestUri().toString(), key);
    }

}
