package io.clickgive.allocation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The bundle sizes a campaign hands out, in megabytes (one bundle per tablet). */
public record BundleSizes(@NotEmpty @Size(max = 20) List<@NotNull @Min(1) @Max(10_000_000) Integer> megabytes) {
}
