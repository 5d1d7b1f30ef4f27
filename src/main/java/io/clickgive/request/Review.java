package io.clickgive.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A manager's decision on a request, always with a reason. APPROVED grants what was asked (the numbers may be
 * omitted); PARTLY_APPROVED grants less; DECLINED grants nothing. Reviewing a reviewed request is a correction.
 */
public record Review(
        @NotNull RequestStep decision,
        @Min(0) @Max(100_000) Integer approvedTablets,
        @Min(0) @Max(10_000_000) Integer approvedGigabytes,
        @NotBlank @Size(max = 2000) String reason) {
}
