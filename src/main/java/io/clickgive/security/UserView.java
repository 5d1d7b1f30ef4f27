package io.clickgive.security;

import java.time.Instant;

/** A user as the admin API shows it: never the password hash. */
public record UserView(String username, String role, String distributor, Instant createdAt) {
}
