package io.clickgive.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.Map;

/**
 * How long a campaign's bundles are valid once activated (the day their tablet is delivered): {@code days} for every
 * size, and {@code bySize} for sizes that differ (megabytes → days). A campaign that never said is at
 * {@link #DEFAULT_DAYS}. A site's monthly bundle is valid for its month, whatever this says.
 */
public record BundleValidity(@NotNull @Min(1) @Max(3650) Integer days,
                             Map<@NotNull @Min(1) Integer, @NotNull @Min(1) @Max(3650) Integer> bySize) {

    public static final int DEFAULT_DAYS = 30;
}
