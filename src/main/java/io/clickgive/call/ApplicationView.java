package io.clickgive.call;

import io.clickgive.beneficiary.BeneficiaryKind;

import java.time.Instant;
import java.util.List;

/** An application as managers review it: everything sent, its answers beside their questions, and every step. */
public record ApplicationView(String reference, String campaign, ApplicationStatus status, String organisation,
                              BeneficiaryKind kind, String region, String province, int peopleServed, String purpose,
                              int tablets, int gigabytes, String contactName, String contactPhone, String contactEmail,
                              List<Answer> answers, Boolean gridPower, String siteFacts, String beneficiary,
                              Long request, Instant submittedAt, List<Step> steps) {

    public record Answer(String question, String answer) {
    }

    /** A step: the status reached, what was said, by whom ("(applicant)" for the applicant's own), when. */
    public record Step(ApplicationStatus status, String message, String actor, Instant at) {
    }
}
