package io.clickgive.call;

import io.clickgive.beneficiary.BeneficiaryKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A call as managers and applicants read it; {@code open}: applications are taken now (before the deadline). */
public record CallView(String campaign, String title, List<BeneficiaryKind> kinds, List<String> regions, int minPeople,
                       List<String> questions, Instant deadline, boolean open,
                       Map<ApplicationStatus, Long> applications) {
}
