package io.clickgive.page;

import io.clickgive.beneficiary.BeneficiaryKind;
import io.clickgive.call.ApplicantView;
import io.clickgive.call.ApplicationDraft;
import io.clickgive.call.ApplicationProblem;
import io.clickgive.call.ApplyResource;
import io.clickgive.call.CallView;
import io.clickgive.call.Calls;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.Region;
import io.clickgive.common.Clocks;
import io.clickgive.guard.Admission;
import io.clickgive.guard.ProofOfWork;
import io.clickgive.web.ClientError;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The call for projects' public pages: the application form (ar/fr/en, right to left in Arabic, phone first), and
 * the applicant's own page behind their link. The form's script pays the proof of work and then posts the form as is;
 * a refusal comes back as the filled-in form with every problem in the applicant's language.
 */
@Path("/c/{slug}/apply")
@Tag(name = "Public page")
public class ApplyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance apply(PageView page, ApplyForm form);

        static native TemplateInstance applicant(PageView page, ApplicantPage application);

        static native TemplateInstance notice(PageView page, String title, String text);
    }

    private static final List<String> FIELDS = List.of("organisation", "kind", "region", "province", "peopleServed",
            "purpose", "tablets", "gigabytes", "contactName", "contactPhone", "contactEmail", "gridPower", "siteFacts");

    private final Calls calls;
    private final CampaignCatalog catalog;
    private final PageTexts texts;
    private final Admission admission;

    public ApplyPages(Calls calls, CampaignCatalog catalog, PageTexts texts, Admission admission) {
        this.calls = calls;
        this.catalog = catalog;
        this.texts = texts;
        this.admission = admission;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The call for projects' application form (HTML), in Arabic, French or English")
    public Response form(@PathParam("slug") String slug, @QueryParam("lang") String requested,
                         @HeaderParam("Accept-Language") String acceptLanguage, @Context UriInfo uri) {
        String lang = PageTexts.choose(requested, acceptLanguage);
        PageView page = page(lang, slug, uri);
        Optional<CallView> call = find(slug);
        if (call.isEmpty()) {
            return PrivatePage.html(404, Templates.notice(page, page.text("apply.noneTitle"), page.text("apply.none")));
        }
        if (!call.get().open()) {
            return PrivatePage.html(410, Templates.notice(page, call.get().title(), page.text("apply.closed")));
        }
        return PrivatePage.html(200, Templates.apply(page, form(page, call.get(), Map.of(), List.of(), List.of())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Send the application form; on success, the applicant's page (303)")
    public Response apply(@PathParam("slug") String slug, MultivaluedMap<String, String> fields,
                          @Context HttpServerRequest http, @HeaderParam("X-Forwarded-For") String forwardedFor,
                          @HeaderParam("Accept-Language") String acceptLanguage, @Context UriInfo uri) {
        String lang = PageTexts.choose(fields.getFirst("lang"), acceptLanguage);
        PageView page = page(lang, slug, uri);
        Optional<CallView> found = find(slug);
        if (found.isEmpty()) {
            return PrivatePage.html(404, Templates.notice(page, page.text("apply.noneTitle"), page.text("apply.none")));
        }
        CallView call = found.get();
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, Optional.ofNullable(fields.getFirst(f)).orElse("")));
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < call.questions().size(); i++) {
            answers.add(Optional.ofNullable(fields.getFirst("answer" + i)).orElse(""));
        }
        List<String> unreadable = new ArrayList<>();
        ApplicationDraft draft = new ApplicationDraft(values.get("organisation"), kind(values.get("kind")),
                values.get("region"), values.get("province"), whole(page, "peopleServed", values, unreadable),
                values.get("purpose"), whole(page, "tablets", values, unreadable),
                whole(page, "gigabytes", values, unreadable), values.get("contactName"), values.get("contactPhone"),
                values.get("contactEmail"), answers,
                values.get("gridPower").isEmpty() ? null : "yes".equals(values.get("gridPower")),
                values.get("siteFacts"));
        List<String> problems = new ArrayList<>(unreadable);
        calls.problems(slug, draft).forEach(p -> problems.add(problem(page, p)));
        if (!problems.isEmpty()) {
            return PrivatePage.html(400, Templates.apply(page, form(page, call, values, answers, problems)));
        }
        ProofOfWork.Solution proof = new ProofOfWork.Solution(fields.getFirst("powSalt"),
                number(fields.getFirst("powNumber")), fields.getFirst("powSignature"));
        String peer = http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
        try {
            Calls.Submitted submitted = calls.submit(slug, draft, proof, admission.network(peer, forwardedFor));
            return Response.seeOther(URI.create(ApplyResource.page(slug, submitted.reference(), submitted.key())
                    + "&lang=" + lang)).build();
        } catch (ClientError refused) {
            String code = refused.code() == null ? "" : refused.code();
            String text = code.startsWith("POW_") ? page.text("apply.refusal.PUZZLE")
                    : page.t().containsKey("apply.refusal." + code) ? page.text("apply.refusal." + code)
                    : refused.getMessage();
            return PrivatePage.html(refused.status(), Templates.apply(page, form(page, call, values, answers, List.of(text))));
        }
    }

    @GET
    @Path("{reference}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The applicant's page for their application, through their link's key (HTML)")
    public Response applicant(@PathParam("slug") String slug, @PathParam("reference") String reference,
                              @QueryParam("key") String key, @QueryParam("lang") String requested,
                              @HeaderParam("Accept-Language") String acceptLanguage, @Context UriInfo uri) {
        String lang = PageTexts.choose(requested, acceptLanguage);
        PageView page = page(lang, slug, uri, key);
        try {
            ApplicantView view = calls.applicant(reference, key);
            if (!view.campaign().equals(slug)) {
                throw ClientError.notFound("No application behind this link");
            }
            return PrivatePage.html(200, Templates.applicant(page, applicantPage(page, view, key, uri, List.of())));
        } catch (ClientError unknown) {
            return PrivatePage.html(404, Templates.notice(page, page.text("apply.status.title"), page.text("apply.status.notFound")));
        }
    }

    @POST
    @Path("{reference}/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The applicant's reply to the team's question, through their link's key")
    public Response reply(@PathParam("slug") String slug, @PathParam("reference") String reference,
                          @QueryParam("key") String key, MultivaluedMap<String, String> fields,
                          @HeaderParam("Accept-Language") String acceptLanguage, @Context UriInfo uri) {
        String lang = PageTexts.choose(fields.getFirst("lang"), acceptLanguage);
        PageView page = page(lang, slug, uri);
        ApplicantView view;
        try {
            view = calls.applicant(reference, key);
        } catch (ClientError unknown) {
            return PrivatePage.html(404, Templates.notice(page, page.text("apply.status.title"), page.text("apply.status.notFound")));
        }
        try {
            calls.reply(reference, key, fields.getFirst("message"));
            return Response.seeOther(URI.create(ApplyResource.page(slug, reference, key) + "&lang=" + lang)).build();
        } catch (ClientError refused) {
            String text = refused.status() == 400 ? page.text("apply.status.replyRequired") : refused.getMessage();
            return PrivatePage.html(refused.status(), Templates.applicant(page, applicantPage(page, view, key, uri, List.of(text))));
        }
    }

    private Optional<CallView> find(String slug) {
        try {
            return calls.find(slug);
        } catch (ClientError unknownCampaign) {
            return Optional.empty();
        }
    }

    private ApplyForm form(PageView page, CallView call, Map<String, String> values, List<String> answers,
                           List<String> problems) {
        String lang = page.lang();
        List<ApplyForm.Choice> kinds = call.kinds().stream().map(k -> new ApplyForm.Choice(k.name(),
                page.text("apply.kind." + k.name()), k.name().equals(values.get("kind")))).toList();
        List<ApplyForm.Choice> regions = new ArrayList<>();
        for (Region region : catalog.regions()) {
            if (call.regions().isEmpty() || call.regions().contains(region.code)) {
                regions.add(new ApplyForm.Choice(region.code, regionName(region, lang),
                        region.code.equals(values.get("region"))));
            }
        }
        List<ApplyForm.Question> questions = new ArrayList<>();
        for (int i = 0; i < call.questions().size(); i++) {
            questions.add(new ApplyForm.Question(i, call.questions().get(i), i < answers.size() ? answers.get(i) : ""));
        }
        String separator = page.text("apply.listSeparator");
        String who = page.text("apply.who")
                .replace("{kinds}", String.join(separator, kinds.stream().map(ApplyForm.Choice::label).toList()))
                .replace("{regions}", call.regions().isEmpty() ? page.text("apply.allRegions")
                        : String.join(separator, regions.stream().map(ApplyForm.Choice::label).toList()))
                .replace("{people}", String.valueOf(call.minPeople()));
        return new ApplyForm(call.campaign(), call.title(), when(call.deadline(), lang), who, kinds, regions, questions,
                values, problems, call.kinds().contains(BeneficiaryKind.CONNECTIVITY_SITE));
    }

    private ApplicantPage applicantPage(PageView page, ApplicantView view, String key, UriInfo uri,
                                        List<String> problems) {
        List<ApplicantPage.Step> steps = view.steps().stream().map(s -> new ApplicantPage.Step(when(s.at(), page.lang()),
                page.text(s.byApplicant() ? "apply.status.byYou" : "apply.status.byTeam"),
                page.text("apply.status." + s.status()), s.message() == null ? "" : s.message())).toList();
        return new ApplicantPage(view.campaign(), view.reference(), view.call(), view.organisation(),
                view.status().name(), page.text("apply.status." + view.status()), when(view.submittedAt(), page.lang()),
                steps, view.replyAwaited(), ApplyResource.page(view.campaign(), view.reference(), key),
                uri.getBaseUri().resolve(ApplyResource.page(view.campaign(), view.reference(), key)).toString(),
                problems);
    }

    private static String problem(PageView page, ApplicationProblem problem) {
        String what = page.text("apply.problem." + problem.code().name())
                .replace("{limit}", problem.limit() == null ? "" : String.valueOf(problem.limit()));
        return page.text("apply.problemLine").replace("{field}", page.text("apply.field." + problem.field()))
                .replace("{problem}", what);
    }

    private static Integer whole(PageView page, String field, Map<String, String> values, List<String> problems) {
        String value = values.get(field).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(page.text("apply.problemLine").replace("{field}", page.text("apply.field." + field))
                    .replace("{problem}", page.text("apply.problem.NUMBER")));
            return -1;
        }
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BeneficiaryKind kind(String value) {
        try {
            return value == null || value.isBlank() ? null : BeneficiaryKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String regionName(Region region, String lang) {
        return switch (lang) {
            case "ar" -> region.nameAr;
            case "fr" -> region.nameFr;
            default -> region.nameEn;
        };
    }

    private static String when(Instant instant, String lang) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(lang + "-MA")).withZone(Clocks.MOROCCO).format(instant);
    }

    private PageView page(String lang, String slug, UriInfo uri) {
        return page(lang, slug, uri, null);
    }

    private PageView page(String lang, String slug, UriInfo uri, String key) {
        return texts.view("apply", "apply.title", lang, slug, uri.getRequestUri().toString(), key);
    }

}
