package io.clickgive.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A beneficiary's request to a campaign: what for, for how many people, where, how many tablets and gigabytes. */
public record RequestDraft(
        @NotBlank String beneficiary,
        @NotBlank @Size(max = 2000) String purpose,
        @NotNull @Min(1) @Max(10_000_000) Integer people,
        @NotBlank @Size(max = 200) String place,
        @NotNull @Min(1) @Max(100_000) Integer tablets,
        @Min(0) @Max(10_000_000) Integer gigabytes) {
}
