package io.clickgive.request;

import io.clickgive.beneficiary.Beneficiary;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes a request through its steps: submitted → reviewed (approved, partly approved, declined; always with a reason)
 * → allocated → delivered → usage reported. Nothing is edited: every step, correction included, is a new event.
 */
@ApplicationScoped
@Transactional
public class RequestService {

    private static final String DELIVERED = Resources.sql("request/delivered-megabytes");

    private final CampaignCatalog catalog;
    private final BeneficiaryService beneficiaries;
    private final Clock clock;

    public RequestService(CampaignCatalog catalog, BeneficiaryService beneficiaries, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.beneficiaries = beneficiaries;
    }

    public RequestView submit(String slug, RequestDraft draft, String actor) {
        CampaignRules campaign = catalog.bySlug(slug);
        Beneficiary beneficiary = beneficiaries.require(draft.beneficiary());
        Request request = new Request();
        request.submittedAt = clock.instant();
        request.campaignId = campaign.id();
        request.beneficiaryId = beneficiary.id;
        request.purpose = draft.purpose().strip();
        request.people = draft.people();
        request.place = draft.place().strip();
        request.tablets = draft.tablets();
        request.gigabytes = draft.gigabytes() == null ? 0 : draft.gigabytes();
        request.persist();
        RequestEvent.append(request.id, RequestStep.SUBMITTED, actor, clock.instant()).persist();
        return get(request.id);
    }

    public RequestView review(long id, Review review, String actor) {
        Request request = lock(id);
        State state = State.of(request, RequestEvent.of(id));
        if (state.status() == RequestStep.DELIVERED || state.status() == RequestStep.USAGE_REPORTED) {
            throw ClientError.conflict("Request " + id + " has been delivered; its review is final");
        }
        if (!review.decision().isReview()) {
            throw ClientError.badRequest("decision must be APPROVED, PARTLY_APPROVED or DECLINED");
        }
        int tablets;
        int gigabytes;
        switch (review.decision()) {
            case APPROVED -> {
                tablets = orElse(review.approvedTablets(), request.tablets);
                gigabytes = orElse(review.approvedGigabytes(), request.gigabytes);
                if (tablets != request.tablets || gigabytes != request.gigabytes) {
                    throw ClientError.badRequest("APPROVED grants what was asked (" + request.tablets + " tablets, "
                            + request.gigabytes + " GB); grant less with PARTLY_APPROVED");
                }
            }
            case PARTLY_APPROVED -> {
                if (review.approvedTablets() == null) {
                    throw ClientError.badRequest("PARTLY_APPROVED needs approvedTablets");
                }
                tablets = review.approvedTablets();
                gigabytes = orElse(review.approvedGigabytes(), request.gigabytes);
                if (tablets < 1 || tablets > request.tablets || gigabytes > request.gigabytes
                        || (tablets == request.tablets && gigabytes == request.gigabytes)) {
                    throw ClientError.badRequest("PARTLY_APPROVED grants between 1 and " + request.tablets
                            + " tablets and at most " + request.gigabytes + " GB, less than asked in at least one");
                }
            }
            default -> {
                if (orElse(review.approvedTablets(), 0) != 0 || orElse(review.approvedGigabytes(), 0) != 0) {
                    throw ClientError.badRequest("DECLINED grants nothing: leave approvedTablets and approvedGigabytes out");
                }
                tablets = 0;
                gigabytes = 0;
            }
        }
        if (tablets < state.allocatedBundles()) {
            throw ClientError.conflict("Request " + id + " has " + state.allocatedBundles()
                    + " bundles allocated already; a correction cannot approve fewer tablets than that");
        }
        RequestEvent event = RequestEvent.append(id, review.decision(), actor, clock.instant());
        event.approvedTablets = tablets;
        event.approvedGigabytes = gigabytes;
        event.reason = review.reason().strip();
        event.corrects = state.lastReview() == null ? null : state.lastReview().id;
        event.persist();
        return get(id);
    }

    public RequestView reportUsage(long id, UsageReport report, String actor) {
        Request request = lock(id);
        State state = State.of(request, RequestEvent.of(id));
        if (state.status() != RequestStep.DELIVERED && state.status() != RequestStep.USAGE_REPORTED) {
            throw ClientError.conflict("Request " + id + " is " + state.status()
                    + "; usage can be reported once its tablets are delivered");
        }
        CampaignRules campaign = catalog.byId(request.campaignId);
        long delivered = Rows.number(Rows.single(DELIVERED, id), "megabytes");
        long reported = (long) report.gigabytesUsed() * campaign.megabytesPerGigabyte();
        if (reported > delivered) {
            throw ClientError.conflict("Request " + id + " was delivered " + delivered + " MB ("
                    + campaign.gigabytes(delivered).stripTrailingZeros().toPlainString() + " GB); a report of "
                    + report.gigabytesUsed() + " GB used is more than that");
        }
        RequestEvent event = RequestEvent.append(id, RequestStep.USAGE_REPORTED, actor, clock.instant());
        event.report = new LinkedHashMap<>(Map.of("summary", report.summary().strip(),
                "peopleReached", report.peopleReached(), "gigabytesUsed", report.gigabytesUsed()));
        event.corrects = state.lastReport() == null ? null : state.lastReport().id;
        event.persist();
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestView get(long id) {
        Request request = Request.findById(id);
        if (request == null) {
            throw ClientError.notFound("No request " + id);
        }
        return view(request, RequestEvent.of(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestView> list(String slug, RequestStep status) {
        CampaignRules campaign = catalog.bySlug(slug);
        List<Request> requests = Request.list("campaignId = ?1 order by id", campaign.id());
        Map<Long, List<RequestEvent>> events = new HashMap<>();
        if (!requests.isEmpty()) {
            RequestEvent.<RequestEvent>list("requestId in ?1 order by id", requests.stream().map(r -> r.id).toList())
                    .forEach(e -> events.computeIfAbsent(e.requestId, k -> new ArrayList<>()).add(e));
        }
        return requests.stream().map(r -> view(r, events.getOrDefault(r.id, List.of())))
                .filter(v -> status == null || v.status() == status).toList();
    }

    /** Appended by a committed allocation. */
    public void allocated(long requestId, int bundles, String actor) {
        RequestEvent event = RequestEvent.append(requestId, RequestStep.ALLOCATED, actor, clock.instant());
        event.bundles = bundles;
        event.persist();
    }

    /** Appends DELIVERED to each request whose allocated bundles have all been delivered, once. */
    public void deliveredWhenComplete(Collection<Long> requestIds, Map<Long, Long> deliveredBundles, String actor) {
        for (long id : requestIds) {
            Request request = lock(id);
            State state = State.of(request, RequestEvent.of(id));
            if (state.status() == RequestStep.ALLOCATED && state.allocatedBundles() > 0
                    && deliveredBundles.getOrDefault(id, 0L) >= state.allocatedBundles()) {
                RequestEvent.append(id, RequestStep.DELIVERED, actor, clock.instant()).persist();
            }
        }
    }

    private static Request lock(long id) {
        Request request = Request.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw ClientError.notFound("No request " + id);
        }
        return request;
    }

    private RequestView view(Request request, List<RequestEvent> events) {
        State state = State.of(request, events);
        Beneficiary beneficiary = Beneficiary.findById(request.beneficiaryId);
        CampaignRules campaign = catalog.byId(request.campaignId);
        RequestEvent review = state.lastReview();
        return new RequestView(request.id, campaign == null ? null : campaign.slug(), beneficiary.code,
                beneficiary.regionCode, request.purpose, request.people, request.place, request.tablets,
                request.gigabytes, state.status(), review == null ? 0 : review.approvedTablets,
                review == null ? 0 : review.approvedGigabytes, state.allocatedBundles(),
                events.stream().map(RequestView.Step::of).toList());
    }

    private static int orElse(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** A request's standing, read from its events: the furthest step reached, the review in force, bundles allocated. */
    record State(RequestStep status, RequestEvent lastReview, RequestEvent lastReport, int allocatedBundles) {

        static State of(Request request, List<RequestEvent> events) {
            RequestEvent review = null;
            RequestEvent report = null;
            int allocated = 0;
            boolean delivered = false;
            for (RequestEvent e : events) {
                Objects.requireNonNull(e.kind);
                if (e.kind.isReview()) {
                    review = e;
                } else if (e.kind == RequestStep.ALLOCATED) {
                    allocated += e.bundles;
                } else if (e.kind == RequestStep.DELIVERED) {
                    delivered = true;
                } else if (e.kind == RequestStep.USAGE_REPORTED) {
                    report = e;
                }
            }
            RequestStep status = report != null ? RequestStep.USAGE_REPORTED
                    : delivered ? RequestStep.DELIVERED
                    : allocated > 0 ? RequestStep.ALLOCATED
                    : review != null ? review.kind : RequestStep.SUBMITTED;
            return new State(status, review, report, allocated);
        }
    }
}
