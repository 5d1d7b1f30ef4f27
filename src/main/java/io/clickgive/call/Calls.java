package io.clickgive.call;

import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.guard.Networks;
import io.clickgive.guard.ProofOfWork;
import io.clickgive.web.ClientError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Calls for projects and the applications they take. A call is opened (or changed) by a manager; an application is
 * checked against the call's rules (every problem listed, nothing stored, no proof spent), paid for with the network's
 * proof of work, then stored with its first event, under a lock on the organisation and the phone so that the limit
 * on open applications and the refusal of duplicates hold across instances.
 */
@ApplicationScoped
public class Calls {

    /** Not an account: what an applicant keeps to return to their application. */
    public record Submitted(String reference, String key, ApplicationStatus status) {
    }

    private static final String LOCK = Resources.sql("call/lock");
    private static final String COUNTS = Resources.sql("call/counts");
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The actor of the applicant's own steps: parentheses, which no user name may hold. */
    static final String APPLICANT = "(applicant)";
    private static final Duration OPEN_CALLS_FRESH = Duration.ofSeconds(10);

    private final CampaignCatalog catalog;
    private final ApplicationGate gate;
    private final ApplicantLinks links;
    private final BeneficiaryService beneficiaries;
    private final Clock clock;
    private final int maxOpen;
    /** The campaigns whose call takes applications now, as last read: the front door asks on every request. */
    private volatile OpenCalls openCalls = new OpenCalls(Set.of(), Instant.EPOCH);

    private record OpenCalls(Set<Long> campaigns, Instant readAt) {
    }

    public Calls(CampaignCatalog catalog, ApplicationGate gate, ApplicantLinks links, BeneficiaryService beneficiaries,
                 Clock clock, ClickgiveConfig config) {
        this.catalog = catalog;
        this.gate = gate;
        this.links = links;
        this.beneficiaries = beneficiaries;
        this.clock = clock;
        this.maxOpen = config.calls().maxOpen();
    }

    /** Opens the campaign's call, or changes it; the rules apply to applications sent from now on. */
    @Transactional
    public CallView open(String slug, @NotNull @Valid CallDraft draft, String actor) {
        CampaignRules campaign = catalog.bySlug(slug);
        Instant now = clock.instant();
        if (!draft.deadline().isAfter(now)) {
            throw ClientError.badRequest("deadline: must be in the future");
        }
        ProjectCall call = ProjectCall.<ProjectCall>find("campaignId", campaign.id())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElseGet(() -> {
                    ProjectCall created = new ProjectCall();
                    created.campaignId = campaign.id();
                    created.createdAt = now;
                    return created;
                });
        call.title = draft.title().strip();
        call.kinds = draft.kinds().stream().map(Enum::name).sorted().toArray(String[]::new);
        call.regions = draft.regions().stream().distinct().sorted().toArray(String[]::new);
        call.minPeople = draft.minPeople();
        call.questions = draft.questions().stream().map(String::strip).toList();
        call.deadline = draft.deadline();
        call.updatedAt = now;
        call.updatedBy = actor;
        call.persist();
        return view(campaign, call);
    }

    /** The campaign's call; 404 when it has none (or, for the public, when the campaign is a draft). */
    @Transactional
    public CallView call(String slug, boolean publicly) {
        CampaignRules campaign = publicly ? catalog.publicBySlug(slug) : catalog.bySlug(slug);
        return view(campaign, require(campaign));
    }

    @Transactional
    public Optional<CallView> find(String slug) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        return ProjectCall.<ProjectCall>find("campaignId", campaign.id()).firstResultOptional()
                .map(call -> view(campaign, call));
    }

    /**
     * Whether the campaign's call takes applications now, as read at most ten seconds ago: one query
     * every ten seconds however many people open the front door.
     */
    public boolean takesApplications(long campaignId) {
        OpenCalls known = openCalls;
        Instant now = clock.instant();
        if (Duration.between(known.readAt(), now).compareTo(OPEN_CALLS_FRESH) > 0) {
            known = new OpenCalls(QuarkusTransaction.requiringNew().call(() -> ProjectCall.<ProjectCall>list(
                    "deadline > ?1", now).stream().map(c -> c.campaignId).collect(Collectors.toSet())), now);
            openCalls = known;
        }
        return known.campaigns().contains(campaignId);
    }

    /** The puzzle an application to this call costs the network now. */
    public ProofOfWork.Challenge challenge(String slug, Networks.Network network) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        ProjectCall call = QuarkusTransaction.requiringNew().call(() -> require(campaign));
        if (!clock.instant().isBefore(call.deadline)) {
            throw ClientError.gone("The call closed at its deadline, " + call.deadline);
        }
        return gate.challenge(campaign.id(), network).await().atMost(Duration.ofSeconds(5));
    }

    /**
     * Takes an application: the call's rules first (a 400 listing every problem), then the proof of work, then the
     * organisation's limits (409), each refusal leaving nothing stored.
     */
    public Submitted submit(String slug, ApplicationDraft draft, ProofOfWork.Solution proof,
                            Networks.Network network) {
        if (draft == null) {
            throw ClientError.badRequest("An application is required");
        }
        CampaignRules campaign = catalog.publicBySlug(slug);
        List<ApplicationProblem> problems = problems(slug, draft);
        if (!problems.isEmpty()) {
            throw ClientError.badRequest("The application does not meet the call's rules; nothing was stored",
                    problems.stream().map(ApplicationProblem::english).toList());
        }
        gate.pay(campaign.id(), proof, network).await().atMost(Duration.ofSeconds(5));
        return QuarkusTransaction.requiringNew().call(() -> store(require(campaign), draft));
    }

    /** What is wrong with an application under the campaign's call now, each against its field; none: it may go. */
    public List<ApplicationProblem> problems(String slug, ApplicationDraft draft) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        ProjectCall call = QuarkusTransaction.requiringNew().call(() -> require(campaign));
        return ApplicationRules.check(call, draft, clock.instant());
    }

    private Submitted store(ProjectCall call, ApplicationDraft draft) {
        String organisationKey = Duplicates.organisation(draft.organisation(), draft.region());
        String phoneKey = Duplicates.phone(draft.contactPhone());
        // Always in this order, so that two applications locking both keys cannot wait on each other.
        for (String key : organisationKey.compareTo(phoneKey) < 0 ? List.of(organisationKey, "p" + phoneKey)
                : List.of("p" + phoneKey, organisationKey)) {
            Rows.single(LOCK, key);
        }
        if (Application.count("callId = ?1 and (organisationKey = ?2 or phoneKey = ?3)", call.id, organisationKey,
                phoneKey) > 0) {
            throw ClientError.refused(409, null, "DUPLICATE", "This organisation (or this contact phone) has already "
                    + "applied to this call; follow that application with its link");
        }
        long open = Application.count("organisationKey = ?1 and status in ?2", organisationKey,
                List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_ASKED));
        if (open >= maxOpen) {
            throw ClientError.refused(409, null, "OPEN_LIMIT", "This organisation has " + open + " applications "
                    + "waiting for an answer; at most " + maxOpen + " may be open at once");
        }
        Instant now = clock.instant();
        Application application = new Application();
        application.reference = reference();
        application.callId = call.id;
        application.organisation = draft.organisation().strip();
        application.organisationKey = organisationKey;
        application.phoneKey = phoneKey;
        application.kind = draft.kind();
        application.regionCode = draft.region();
        application.province = draft.province().strip();
        application.peopleServed = draft.peopleServed();
        application.purpose = draft.purpose().strip();
        application.tablets = draft.tablets() == null ? 0 : draft.tablets();
        application.gigabytes = draft.gigabytes() == null ? 0 : draft.gigabytes();
        application.contactName = draft.contactName().strip();
        application.contactPhone = draft.contactPhone().strip();
        application.contactEmail = ApplicationRules.blank(draft.contactEmail()) ? null : draft.contactEmail().strip();
        application.answers = draft.answers() == null ? List.of()
                : draft.answers().subList(0, call.questions.size()).stream().map(String::strip).toList();
        boolean site = draft.kind() == io.clickgive.beneficiary.BeneficiaryKind.CONNECTIVITY_SITE;
        application.gridPower = site ? draft.gridPower() : null;
        application.siteFacts = site ? draft.siteFacts().strip() : null;
        application.status = ApplicationStatus.SUBMITTED;
        application.submittedAt = now;
        application.updatedAt = now;
        application.persist();
        ApplicationEvent.append(application, null, APPLICANT, now);
        return new Submitted(application.reference, links.key(application.reference, now), application.status);
    }

    /** The applicant's view through their link; 404 for a forged or expired key as for an unknown reference. */
    @Transactional
    public ApplicantView applicant(String reference, String key) {
        return applicantView(opened(reference, key));
    }

    /** The applicant's reply to a manager's question: the application goes back to the managers. */
    @Transactional
    public ApplicantView reply(String reference, String key, String message) {
        Application application = opened(reference, key);
        Application locked = Application.findById(application.id, LockModeType.PESSIMISTIC_WRITE);
        if (locked.status != ApplicationStatus.MORE_ASKED) {
            throw ClientError.conflict("Application " + reference + " is " + locked.status
                    + "; a reply is taken only when the managers asked for more");
        }
        if (ApplicationRules.blank(message) || message.strip().length() > ApplicationRules.TEXT_MAX) {
            throw ClientError.badRequest("reply: required, at most " + ApplicationRules.TEXT_MAX + " characters");
        }
        locked.status = ApplicationStatus.SUBMITTED;
        locked.updatedAt = clock.instant();
        ApplicationEvent.append(locked, message.strip(), APPLICANT, locked.updatedAt);
        return applicantView(locked);
    }

    @Transactional
    public List<ApplicationView> list(String slug, ApplicationStatus status) {
        CampaignRules campaign = catalog.bySlug(slug);
        ProjectCall call = require(campaign);
        List<Application> found = status == null
                ? Application.list("callId = ?1 order by submittedAt desc", call.id)
                : Application.list("callId = ?1 and status = ?2 order by submittedAt desc", call.id, status);
        return found.stream().map(a -> view(a, call, campaign)).toList();
    }

    @Transactional
    public ApplicationView get(String reference) {
        Application application = Application.<Application>find("reference", reference).firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("No application '" + reference + "'"));
        ProjectCall call = ProjectCall.findById(application.callId);
        return view(application, call, catalog.byId(call.campaignId));
    }

    private Application opened(String reference, String key) {
        Optional<Application> found = links.opens(reference, key)
                ? Application.find("reference", reference).firstResultOptional() : Optional.empty();
        return found.orElseThrow(() -> ClientError.notFound("No application behind this link"));
    }

    private ApplicantView applicantView(Application application) {
        ProjectCall call = ProjectCall.findById(application.callId);
        List<ApplicantView.Step> steps = ApplicationEvent.of(application.id).stream()
                .map(e -> new ApplicantView.Step(e.status, e.message, APPLICANT.equals(e.actor), e.at)).toList();
        return new ApplicantView(application.reference, catalog.byId(call.campaignId).slug(), call.title,
                application.status, application.organisation, application.submittedAt, steps,
                application.status == ApplicationStatus.MORE_ASKED);
    }

    ApplicationView view(Application a, ProjectCall call, CampaignRules campaign) {
        List<ApplicationView.Answer> answers = new ArrayList<>();
        for (int i = 0; i < a.answers.size(); i++) {
            answers.add(new ApplicationView.Answer(i < call.questions.size() ? call.questions.get(i) : "", a.answers.get(i)));
        }
        List<ApplicationView.Step> steps = ApplicationEvent.of(a.id).stream()
                .map(e -> new ApplicationView.Step(e.status, e.message, e.actor, e.at)).toList();
        String beneficiary = a.beneficiaryId == null ? null : beneficiaries.require(a.beneficiaryId).code;
        return new ApplicationView(a.reference, campaign.slug(), a.status, a.organisation, a.kind, a.regionCode,
                a.province, a.peopleServed, a.purpose, a.tablets, a.gigabytes, a.contactName, a.contactPhone,
                a.contactEmail, answers, a.gridPower, a.siteFacts, beneficiary, a.requestId, a.submittedAt, steps);
    }

    private ProjectCall require(CampaignRules campaign) {
        return ProjectCall.<ProjectCall>find("campaignId", campaign.id()).firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("Campaign '" + campaign.slug() + "' has no call for projects"));
    }

    private CallView view(CampaignRules campaign, ProjectCall call) {
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus status : ApplicationStatus.values()) {
            counts.put(status, 0L);
        }
        Rows.list(COUNTS, call.id).forEach(row -> counts.put(ApplicationStatus.valueOf(Rows.text(row, "status")),
                Rows.number(row, "applications")));
        return new CallView(campaign.slug(), call.title,
                java.util.Arrays.stream(call.kinds).map(io.clickgive.beneficiary.BeneficiaryKind::valueOf).toList(),
                List.of(call.regions), call.minPeople, call.questions, call.deadline,
                clock.instant().isBefore(call.deadline), counts);
    }

    private static String reference() {
        StringBuilder reference = new StringBuilder("AP-");
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
