package io.clickgive.common;

import jakarta.ws.rs.core.SecurityContext;

/** Who did something, for the audit trail: the authenticated user, or "anonymous" while the API is open. */
public final class Actors {

    private Actors() {
    }

    public static String of(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? "anonymous"
                : security.getUserPrincipal().getName();
    }
}
