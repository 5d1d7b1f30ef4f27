package io.clickgive.allocation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A site's monthly bundles as a manager plans them: the router SIM (its ICCID), megabytes a month, from, how long. */
public record SitePlanDraft(
        @NotNull @Pattern(regexp = "89[0-9]{17,18}", message = "an ICCID: 19 or 20 digits starting with 89") String device,
        @NotNull @Min(1) @Max(10_000_000) Integer monthlyMegabytes,
        @NotNull @Pattern(regexp = "20[0-9]{2}-(0[1-9]|1[0-2])", message = "a month such as 2026-12") String firstMonth,
        @NotNull @Min(1) @Max(36) Integer months) {
}
