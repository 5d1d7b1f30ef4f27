package io.clickgive.call;

import io.clickgive.beneficiary.Beneficiary;
import io.clickgive.beneficiary.BeneficiaryDraft;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.request.RequestDraft;
import io.clickgive.request.RequestService;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Clock;

/**
 * A manager's answer to an application: accept it (which creates the beneficiary, or links one that exists, and
 * submits its request to the campaign), ask for more (the applicant replies through their link), or decline it with a
 * reason the applicant reads. Accepted and declined are final. Each answer is one transaction with its event.
 */
@ApplicationScoped
@Transactional
public class ApplicationReview {

    /** Accept: {@code beneficiary} links an existing beneficiary by its code; blank creates one from the application. */
    public record Acceptance(@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}",
            message = "letters, digits, '.', '_' and '-', 1 to 40 characters") String beneficiary,
                             @Size(max = 2000) String note) {
    }

    /** What the applicant is asked, or why the application is declined: they read it as written. */
    public record Message(@NotBlank @Size(max = 2000) String message) {
    }

    private final Calls calls;
    private final CampaignCatalog catalog;
    private final BeneficiaryService beneficiaries;
    private final RequestService requests;
    private final Clock clock;

    public ApplicationReview(Calls calls, CampaignCatalog catalog, BeneficiaryService beneficiaries,
                             RequestService requests, Clock clock) {
        this.calls = calls;
        this.catalog = catalog;
        this.beneficiaries = beneficiaries;
        this.requests = requests;
        this.clock = clock;
    }

    public ApplicationView accept(String reference, @NotNull @Valid Acceptance acceptance, String actor) {
        Application application = open(reference);
        ProjectCall call = ProjectCall.findById(application.callId);
        String slug = catalog.byId(call.campaignId).slug();
        Beneficiary beneficiary;
        if (acceptance.beneficiary() == null || acceptance.beneficiary().isBlank()) {
            String code = reference;
            beneficiaries.create(new BeneficiaryDraft(code, application.kind, application.organisation,
                    application.regionCode, application.province, application.peopleServed, application.tablets,
                    application.gigabytes, application.contactName, application.contactPhone,
                    application.contactEmail, null, null, null));
            beneficiary = beneficiaries.require(code);
        } else {
            beneficiary = beneficiaries.require(acceptance.beneficiary());
            if (beneficiary.kind != application.kind) {
                throw ClientError.conflict("Beneficiary '" + beneficiary.code + "' is a " + beneficiary.kind
                        + "; the application is from a " + application.kind);
            }
        }
        application.beneficiaryId = beneficiary.id;
        // A site asking only for data gets it as the site's monthly bundles, not through a request for tablets.
        if (application.tablets > 0) {
            application.requestId = requests.submit(slug, new RequestDraft(beneficiary.code, application.purpose,
                    application.peopleServed, application.province, application.tablets, application.gigabytes),
                    actor).id();
        }
        return answer(application, ApplicationStatus.ACCEPTED, acceptance.note(), actor);
    }

    public ApplicationView askMore(String reference, @NotNull @Valid Message question, String actor) {
        Application application = open(reference);
        if (application.status == ApplicationStatus.MORE_ASKED) {
            throw ClientError.conflict("Application " + reference + " is waiting for the applicant's reply already");
        }
        return answer(application, ApplicationStatus.MORE_ASKED, question.message(), actor);
    }

    public ApplicationView decline(String reference, @NotNull @Valid Message reason, String actor) {
        return answer(open(reference), ApplicationStatus.DECLINED, reason.message(), actor);
    }

    private ApplicationView answer(Application application, ApplicationStatus status, String message, String actor) {
        application.status = status;
        application.updatedAt = clock.instant();
        ApplicationEvent.append(application, message == null || message.isBlank() ? null : message.strip(), actor,
                application.updatedAt);
        return calls.get(application.reference);
    }

    private static Application open(String reference) {
        Application application = Application.<Application>find("reference", reference)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("No application '" + reference + "'"));
        if (!application.status.isOpen()) {
            throw ClientError.conflict("Application " + reference + " is " + application.status
                    + "; that answer is final");
        }
        return application;
    }
}
