package io.clickgive.call;

import io.clickgive.beneficiary.BeneficiaryKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A call for projects as a manager opens or changes it: who may apply (kinds, regions — none for every region — and
 * a minimum of people served), the questions every applicant answers, and the deadline.
 */
public record CallDraft(
        @NotBlank @Size(max = 200) String title,
        @NotEmpty Set<@NotNull BeneficiaryKind> kinds,
        @NotNull @Size(max = 12) List<@NotNull @Pattern(regexp = "MA-(0[1-9]|1[0-2])",
                message = "one of Morocco's 12 region codes, MA-01 to MA-12") String> regions,
        @NotNull @Min(1) @Max(1_000_000) Integer minPeople,
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 500) String> questions,
        @NotNull Instant deadline) {
}
