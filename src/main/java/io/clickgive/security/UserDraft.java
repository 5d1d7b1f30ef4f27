package io.clickgive.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A user an admin creates: a distributor user names its organisation. */
public record UserDraft(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}", message = "lower-case letters, digits, '.', '_' and '-', 3 to 40 characters") String username,
        @NotNull @Size(min = 12, max = 200, message = "12 to 200 characters") String password,
        @NotNull @Pattern(regexp = "admin|manager|distributor", message = "admin, manager or distributor") String role,
        String distributor) {
}
