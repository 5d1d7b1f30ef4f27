package io.clickgive.usage;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.distribution.ProofImage;
import io.clickgive.request.RequestService;
import io.clickgive.request.RequestStep;
import io.clickgive.request.RequestView;
import io.clickgive.request.UsageReport;
import io.clickgive.web.ClientError;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.NoResultException;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A beneficiary's own usage report, through the link it received with its delivery: what it was delivered and until
 * when, and the report (people reached, gigabytes used, a short story, an optional photo) through the same rules as a
 * manager's (RequestService.reportUsage: only once delivered, never more than delivered). A photo is kept with the
 * report's event, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class BeneficiaryReports {

    /** The actor of a report the beneficiary made itself: parentheses, which no user name may hold. */
    static final String BENEFICIARY = "(beneficiary)";
    private static final String ONE = Resources.sql("usage/one-request");
    private static final String PHOTO = Resources.sql("usage/photo-add");

    /** What the beneficiary's page shows. */
    public record Delivered(long request, String campaign, String name, long tablets, BigDecimal gigabytes,
                            LocalDate validUntil, RequestStep status, Map<String, Object> lastReport,
                            boolean reportable) {
    }

    private final UsageLinks links;
    private final RequestService requests;
    private final CampaignCatalog catalog;

    public BeneficiaryReports(UsageLinks links, RequestService requests, CampaignCatalog catalog) {
        this.links = links;
        this.requests = requests;
        this.catalog = catalog;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Delivered delivered(String slug, long request, String key) {
        Tuple row = opened(slug, request, key);
        CampaignRules campaign = catalog.byId(Rows.number(row, "campaign_id"));
        RequestView view = requests.get(request);
        Map<String, Object> last = view.steps().stream().filter(s -> s.kind() == RequestStep.USAGE_REPORTED)
                .reduce((a, b) -> b).map(RequestView.Step::report).orElse(null);
        Object until = row.get("valid_until");
        return new Delivered(request, slug, Rows.text(row, "name"), Rows.number(row, "tablets"),
                campaign.gigabytes(Rows.number(row, "megabytes")),
                until instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) until, view.status(), last,
                view.status() == RequestStep.DELIVERED || view.status() == RequestStep.USAGE_REPORTED);
    }

    /** The beneficiary's report through its link; 404 for a link that opens nothing, 409 before delivery or beyond it. */
    public RequestView report(String slug, long request, String key, @NotNull @Valid UsageReport report,
                              ProofImage photo) {
        // Only the link and the campaign are checked here: the request itself is locked by reportUsage, and a
        // request read before in this transaction could not be locked any more.
        opened(slug, request, key);
        RequestView view = requests.reportUsage(request, report, BENEFICIARY);
        if (photo != null) {
            long event = view.steps().get(view.steps().size() - 1).id();
            Panache.getEntityManager().createNativeQuery(PHOTO).setParameter(1, event).setParameter(2, photo.type())
                    .setParameter(3, photo.bytes()).setParameter(4, photo.width()).setParameter(5, photo.height())
                    .executeUpdate();
        }
        return view;
    }

    /** The request's row as the page shows it, when the key opens it in this campaign; a 404 otherwise. */
    private Tuple opened(String slug, long request, String key) {
        if (!links.opens(request, key)) {
            throw ClientError.notFound("No request behind this link");
        }
        Tuple row;
        try {
            row = Rows.single(ONE, request, BundleValidity.DEFAULT_DAYS);
        } catch (NoResultException e) {
            throw ClientError.notFound("No request behind this link");
        }
        CampaignRules campaign = catalog.byId(Rows.number(row, "campaign_id"));
        if (campaign == null || !campaign.slug().equals(slug)) {
            throw ClientError.notFound("No request behind this link");
        }
        return row;
    }
}
