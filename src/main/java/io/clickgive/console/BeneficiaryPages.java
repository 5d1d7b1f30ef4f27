package io.clickgive.console;

import io.clickgive.beneficiary.BeneficiaryDraft;
import io.clickgive.beneficiary.BeneficiaryKind;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.beneficiary.BeneficiaryView;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.Region;
import io.clickgive.web.ClientError;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Beneficiary organisations in the console: the list with filters (region, kind), a form to register one and to edit
 * it, through BeneficiaryService as the API (the same checks: a connectivity site needs its bandwidth, cost and
 * phase; other kinds have none). Imports are on the imports page.
 */
@Path("/console/beneficiaries")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class BeneficiaryPages {

    /** The form's fields as sent, so a refused form comes back as it was typed. */
    public static class Form {
        @FormParam("code") public String code;
        @FormParam("kind") public String kind;
        @FormParam("name") public String name;
        @FormParam("region") public String region;
        @FormParam("province") public String province;
        @FormParam("peopleServed") public String peopleServed;
        @FormParam("tabletsRequested") public String tabletsRequested;
        @FormParam("gigabytesRequested") public String gigabytesRequested;
        @FormParam("contactName") public String contactName;
        @FormParam("contactPhone") public String contactPhone;
        @FormParam("contactEmail") public String contactEmail;
        @FormParam("bandwidthMbps") public String bandwidthMbps;
        @FormParam("installationCost") public String installationCost;
        @FormParam("phase") public String phase;

        static Form of(BeneficiaryView b) {
            Form form = new Form();
            form.code = b.code();
            form.kind = b.kind().name();
            form.name = b.name();
            form.region = b.region();
            form.province = b.province();
            form.peopleServed = String.valueOf(b.peopleServed());
            form.tabletsRequested = String.valueOf(b.tabletsRequested());
            form.gigabytesRequested = String.valueOf(b.gigabytesRequested());
            form.contactName = b.contactName();
            form.contactPhone = b.contactPhone();
            form.contactEmail = b.contactEmail();
            form.bandwidthMbps = b.bandwidthMbps() == null ? null : b.bandwidthMbps().toString();
            form.installationCost = b.installationCost() == null ? null : b.installationCost().toString();
            form.phase = b.phase() == null ? null : b.phase().toString();
            return form;
        }

        BeneficiaryDraft draft() {
            BeneficiaryKind parsed = null;
            if (Console.text(kind) != null) {
                try {
                    parsed = BeneficiaryKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ClientError.badRequest("kind: one of " + List.of(BeneficiaryKind.values()));
                }
            }
            Integer cost = Console.whole("installationCost", installationCost);
            return new BeneficiaryDraft(Console.text(code), parsed, Console.text(name), Console.text(region),
                    Console.text(province), Console.whole("peopleServed", peopleServed),
                    Console.whole("tabletsRequested", tabletsRequested),
                    Console.whole("gigabytesRequested", gigabytesRequested), Console.text(contactName),
                    Console.text(contactPhone), Console.text(contactEmail), Console.whole("bandwidthMbps", bandwidthMbps),
                    cost == null ? null : cost.longValue(), Console.whole("phase", phase));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance beneficiaries(ConsoleView view, List<BeneficiaryView> beneficiaries,
                                                     String region, String kind, List<Region> regions,
                                                     List<BeneficiaryKind> kinds);

        static native TemplateInstance form(ConsoleView view, Form form, boolean creating, List<Region> regions,
                                            List<BeneficiaryKind> kinds, List<String> problems);
    }

    private final Console console;
    private final BeneficiaryService beneficiaries;
    private final CampaignCatalog catalog;

    public BeneficiaryPages(Console console, BeneficiaryService beneficiaries, CampaignCatalog catalog) {
        this.console = console;
        this.beneficiaries = beneficiaries;
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Beneficiaries, filtered by region and kind")
    public TemplateInstance list(@QueryParam("region") String region, @QueryParam("kind") String kind,
                                 @QueryParam("lang") String lang, @Context SecurityContext security) {
        BeneficiaryKind chosen = null;
        if (Console.text(kind) != null) {
            try {
                chosen = BeneficiaryKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ClientError.badRequest("kind: one of " + List.of(BeneficiaryKind.values()));
            }
        }
        return Templates.beneficiaries(console.view(lang, security),
                beneficiaries.list(Console.text(region), chosen), Console.text(region),
                chosen == null ? null : chosen.name(), regions(), List.of(BeneficiaryKind.values()));
    }

    @GET
    @Path("new")
    @Operation(summary = "The form for a new beneficiary")
    public TemplateInstance create(@QueryParam("lang") String lang, @Context SecurityContext security) {
        return Templates.form(console.view(lang, security), new Form(), true, regions(),
                List.of(BeneficiaryKind.values()), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Register a beneficiary (form)")
    public Response created(@FormParam("csrf") String token, @FormParam("lang") String lang, @BeanParam Form form,
                            @Context SecurityContext security) {
        return Console.submit(() -> {
            console.poster(security, token);
            beneficiaries.create(console.valid(form.draft()));
            return Console.seeOther("/console/beneficiaries", lang, Map.of());
        }, problems -> Templates.form(console.view(lang, security), form, true, regions(),
                List.of(BeneficiaryKind.values()), problems));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "The form to edit a beneficiary")
    public TemplateInstance edit(@PathParam("code") String code, @QueryParam("lang") String lang,
                                 @Context SecurityContext security) {
        return Templates.form(console.view(lang, security), Form.of(beneficiaries.get(code)), false, regions(),
                List.of(BeneficiaryKind.values()), List.of());
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save a beneficiary's changes (form)")
    public Response edited(@PathParam("code") String code, @FormParam("csrf") String token,
                           @FormParam("lang") String lang, @BeanParam Form form, @Context SecurityContext security) {
        return Console.submit(() -> {
            console.poster(security, token);
            beneficiaries.update(code, console.valid(form.draft()));
            return Console.seeOther("/console/beneficiaries", lang, Map.of());
        }, problems -> Templates.form(console.view(lang, security), form, false, regions(),
                List.of(BeneficiaryKind.values()), problems));
    }

    private List<Region> regions() {
        return catalog.regions().stream().sorted(Comparator.comparing(r -> r.code)).toList();
    }
}
