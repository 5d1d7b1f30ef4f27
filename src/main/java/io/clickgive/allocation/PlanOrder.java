package io.clickgive.allocation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Map;

/**
 * What a manager asks the planner for: the bundle size (one of the campaign's), optional regional floors in bundles,
 * and, to commit, the digest of the previewed plan so that what is committed is what was seen.
 */
public record PlanOrder(
        @NotNull @Min(1) Integer bundleMegabytes,
        Map<@Pattern(regexp = "MA-(0[1-9]|1[0-2])", message = "one of Morocco's 12 region codes") String,
                @NotNull @Min(0) @Max(1_000_000) Integer> regionFloors,
        @Pattern(regexp = "[0-9a-f]{64}", message = "the digest of a previewed plan") String digest) {
}
