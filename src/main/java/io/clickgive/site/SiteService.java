package io.clickgive.site;

import io.clickgive.common.Clocks;
import io.clickgive.beneficiary.Beneficiary;
import io.clickgive.beneficiary.BeneficiaryKind;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.web.ClientError;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Connectivity sites as installations: each step checked against where the site stands (SiteStatus), against the
 * programme's rules (grid power only; a phase's planned count and budget) and recorded as a SiteEvent, all in one
 * transaction: a step refused changes nothing. Orders are validated here, so the API and the console refuse alike.
 */
@ApplicationScoped
@Transactional
public class SiteService {

    private static final String COUNTS = Resources.sql("site/counts");
    private static final String BY_PHASE = Resources.sql("site/by-phase");
    private static final String BY_PROVINCE = Resources.sql("site/by-province");
    private static final String BY_MONTH = Resources.sql("site/by-month");

    private final BeneficiaryService beneficiaries;
    private final Clock clock;

    public SiteService(BeneficiaryService beneficiaries, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.clock = clock;
    }

    public SiteView survey(String code, @NotNull @Valid SiteSteps.Survey survey, String actor) {
        Beneficiary beneficiary = connectivitySite(code);
        notAfterToday("surveyedOn", survey.surveyedOn());
        Site site = Site.<Site>findByIdOptional(beneficiary.id, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        SiteStatus from = site == null ? null : site.status;
        if (site != null && site.status != SiteStatus.SURVEYED) {
            throw ClientError.conflict("Site '" + code + "' is " + site.status + "; a survey comes before approval");
        }
        if (site == null) {
            site = new Site();
            site.beneficiaryId = beneficiary.id;
        }
        site.status = SiteStatus.SURVEYED;
        site.gridPower = survey.gridPower();
        site.updatedAt = clock.instant();
        site.persist();
        SiteEvent event = event(site, from, actor);
        event.partner = survey.partner().strip();
        event.surveyedOn = survey.surveyedOn();
        event.gridPower = survey.gridPower();
        event.findings = survey.findings().strip();
        event.recommendedKit = survey.recommendedKit();
        event.persist();
        return get(code);
    }

    public SiteView install(String code, @NotNull @Valid SiteSteps.Installation installation, String actor) {
        Beneficiary beneficiary = connectivitySite(code);
        Site site = lock(beneficiary);
        expect(site, code, SiteStatus.INSTALLED);
        notAfterToday("installedOn", installation.installedOn());
        SitePhase phase = SitePhase.<SitePhase>find("number", installation.phase())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ClientError.badRequest("phase: no phase " + installation.phase() + " (create it first)"));
        List<Site> inPhase = Site.list("phaseId = ?1 and installedOn is not null", phase.id);
        long spent = inPhase.stream().mapToLong(s -> s.costMad).sum();
        if (inPhase.size() >= phase.plannedInstallations) {
            throw ClientError.conflict("Phase " + phase.number + " has its " + phase.plannedInstallations
                    + " planned installations already; plan a larger phase or use the next");
        }
        if (spent + installation.costMad() > phase.budgetMad) {
            throw ClientError.conflict("Phase " + phase.number + " has spent " + spent + " MAD of its " + phase.budgetMad
                    + "; this installation's " + installation.costMad() + " MAD would pass its budget");
        }
        SiteStatus from = site.status;
        site.status = SiteStatus.INSTALLED;
        site.phaseId = phase.id;
        site.installedOn = installation.installedOn();
        site.kit = installation.kit().strip();
        site.mastMeters = installation.mastMeters().setScale(1, java.math.RoundingMode.HALF_UP); // as the column keeps it
        site.wifiRangeMeters = installation.wifiRangeMeters();
        site.bandwidthMbps = installation.bandwidthMbps();
        site.costMad = installation.costMad();
        site.updatedAt = clock.instant();
        SiteEvent event = event(site, from, actor);
        event.phaseId = phase.id;
        event.installedOn = site.installedOn;
        event.kit = site.kit;
        event.mastMeters = site.mastMeters;
        event.wifiRangeMeters = site.wifiRangeMeters;
        event.bandwidthMbps = site.bandwidthMbps;
        event.costMad = site.costMad;
        event.persist();
        return get(code);
    }

    /** Approval, going live, offline, maintenance. */
    public SiteView change(String code, @NotNull @Valid SiteSteps.Change change, String actor) {
        if (change.to() == SiteStatus.SURVEYED || change.to() == SiteStatus.INSTALLED) {
            throw ClientError.badRequest("to: APPROVED, LIVE, OFFLINE or MAINTENANCE (a survey and an installation"
                    + " have their own facts)");
        }
        Beneficiary beneficiary = connectivitySite(code);
        Site site = lock(beneficiary);
        expect(site, code, change.to());
        if (change.to() == SiteStatus.APPROVED && !site.gridPower) {
            throw ClientError.conflict("Site '" + code + "' is not on the electricity grid; the programme installs"
                    + " only where it is (no solar kit)");
        }
        SiteStatus from = site.status;
        site.status = change.to();
        site.updatedAt = clock.instant();
        SiteEvent event = event(site, from, actor);
        event.note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
        event.persist();
        return get(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SiteView get(String code) {
        Beneficiary beneficiary = connectivitySite(code);
        Site site = Site.<Site>findByIdOptional(beneficiary.id)
                .orElseThrow(() -> ClientError.notFound("Site '" + code + "' has not been surveyed"));
        Map<Long, Integer> phases = phaseNumbers();
        List<SiteView.Step> history = SiteEvent.<SiteEvent>list("beneficiaryId = ?1", Sort.by("id"), beneficiary.id)
                .stream().map(e -> new SiteView.Step(e.fromStatus, e.toStatus, e.partner, e.surveyedOn, e.gridPower,
                        e.findings, e.recommendedKit, e.phaseId == null ? null : phases.get(e.phaseId), e.installedOn,
                        e.kit, e.mastMeters, e.wifiRangeMeters, e.bandwidthMbps, e.costMad, e.note, e.actor, e.at))
                .toList();
        return view(beneficiary, site, phases, history);
    }

    /** Every site surveyed so far, without their histories. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SiteView> list() {
        Map<Long, Integer> phases = phaseNumbers();
        Map<Long, Site> sites = Site.<Site>listAll().stream().collect(Collectors.toMap(s -> s.beneficiaryId,
                Function.identity()));
        return Beneficiary.select(null, BeneficiaryKind.CONNECTIVITY_SITE).stream().filter(b -> sites.containsKey(b.id))
                .map(b -> view(b, sites.get(b.id), phases, List.of())).toList();
    }

    public SiteReport.Phase createPhase(@NotNull @Valid SiteSteps.PhaseDraft draft) {
        if (SitePhase.count("number", draft.number()) > 0) {
            throw ClientError.conflict("A phase " + draft.number() + " exists already");
        }
        SitePhase phase = new SitePhase();
        phase.number = draft.number();
        phase.name = draft.name().strip();
        phase.budgetMad = draft.budgetMad();
        phase.plannedInstallations = draft.plannedInstallations();
        phase.createdAt = clock.instant();
        phase.persist();
        return report().phases().stream().filter(p -> p.number() == phase.number).findFirst().orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SiteReport report() {
        Tuple counts = Rows.single(COUNTS);
        List<SiteReport.Phase> phases = Rows.list(BY_PHASE).stream().map(r -> {
            long installed = Rows.number(r, "installed");
            long spent = Rows.number(r, "spent");
            return new SiteReport.Phase((int) Rows.number(r, "number"), Rows.text(r, "name"),
                    (int) Rows.number(r, "planned"), (int) installed, (int) Rows.number(r, "live"),
                    Rows.number(r, "budget_mad"), spent, installed == 0 ? null : Math.round((double) spent / installed),
                    Rows.number(r, "people"), whole(r.get("bandwidth")));
        }).toList();
        List<SiteReport.Province> provinces = Rows.list(BY_PROVINCE).stream().map(r -> new SiteReport.Province(
                Rows.text(r, "region_code"), Rows.text(r, "province"), (int) Rows.number(r, "installed"),
                (int) Rows.number(r, "live"), Rows.number(r, "people"), whole(r.get("bandwidth")),
                Rows.number(r, "cost"))).toList();
        List<SiteReport.Month> months = Rows.list(BY_MONTH).stream().map(r -> new SiteReport.Month(
                Rows.text(r, "month"), (int) Rows.number(r, "installed"), Rows.number(r, "cost"),
                whole(r.get("bandwidth")))).toList();
        return new SiteReport((int) Rows.number(counts, "surveyed"), (int) Rows.number(counts, "installed"),
                (int) Rows.number(counts, "live"), Rows.number(counts, "people"), phases, provinces, months);
    }

    private Beneficiary connectivitySite(String code) {
        Beneficiary beneficiary = beneficiaries.require(code);
        if (beneficiary.kind != BeneficiaryKind.CONNECTIVITY_SITE) {
            throw ClientError.conflict("'" + code + "' is " + beneficiary.kind + ", not a connectivity site");
        }
        return beneficiary;
    }

    private static Site lock(Beneficiary beneficiary) {
        return Site.<Site>findByIdOptional(beneficiary.id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ClientError.conflict("Site '" + beneficiary.code + "' has not been surveyed; a"
                        + " survey comes first"));
    }

    private static void expect(Site site, String code, SiteStatus target) {
        if (!site.status.next().contains(target)) {
            throw ClientError.conflict("Site '" + code + "' is " + site.status + " and cannot become " + target
                    + "; it can become " + site.status.next());
        }
    }

    private void notAfterToday(String field, LocalDate date) {
        if (date.isAfter(LocalDate.now(clock.withZone(Clocks.MOROCCO)))) {
            throw ClientError.badRequest(field + ": " + date + " is in the future");
        }
    }

    private SiteEvent event(Site site, SiteStatus from, String actor) {
        SiteEvent event = new SiteEvent();
        event.beneficiaryId = site.beneficiaryId;
        event.fromStatus = from;
        event.toStatus = site.status;
        event.actor = actor;
        event.at = clock.instant();
        return event;
    }

    private static Map<Long, Integer> phaseNumbers() {
        return SitePhase.<SitePhase>listAll().stream().collect(Collectors.toMap(p -> p.id, p -> p.number));
    }

    private static SiteView view(Beneficiary b, Site s, Map<Long, Integer> phases, List<SiteView.Step> history) {
        return new SiteView(b.code, b.name, b.regionCode, b.province, b.peopleServed, s.status, s.gridPower,
                s.phaseId == null ? null : phases.get(s.phaseId), s.installedOn, s.kit, s.mastMeters, s.wifiRangeMeters,
                s.bandwidthMbps, s.costMad, history);
    }

    private static Integer whole(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
