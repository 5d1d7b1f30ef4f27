package io.clickgive.distribution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** A distributor as a manager registers it, with the regions it serves. */
public record DistributorDraft(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "lower-case letters, digits and dashes, 2 to 40 characters") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String contact,
        @NotEmpty Set<@NotNull @Pattern(regexp = "MA-(0[1-9]|1[0-2])", message = "one of Morocco's 12 region codes, MA-01 to MA-12") String> regions) {
}
