package io.clickgive.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How a beneficiary used the data it received: what it did, how many people it reached, the gigabytes used. */
public record UsageReport(
        @NotBlank @Size(max = 4000) String summary,
        @NotNull @Min(0) @Max(10_000_000) Integer peopleReached,
        @NotNull @Min(0) @Max(10_000_000) Integer gigabytesUsed) {
}
