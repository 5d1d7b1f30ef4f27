package io.clickgive.call;

import java.time.Instant;
import java.util.List;

/**
 * What the applicant's link shows: where their application stands, what the managers asked or why they declined, and
 * whether a reply is awaited. Never another applicant's data, nor who on the team did what.
 */
public record ApplicantView(String reference, String campaign, String call, ApplicationStatus status,
                            String organisation, Instant submittedAt, List<Step> steps, boolean replyAwaited) {

    /** A step: the status reached, what was said, whether the applicant said it, when. */
    public record Step(ApplicationStatus status, String message, boolean byApplicant, Instant at) {
    }
}
