package io.clickgive.security;

import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps a distributor user to its own organisation on /api/distribute/{distributor}/…; admins may act for any. A
 * request filter, so the check comes before anything else about the request (its body included) is looked at.
 */
@ApplicationScoped
public class Organisations {

    private final UserService users;

    public Organisations(UserService users) {
        this.users = users;
    }

    @ServerRequestFilter
    @OwnOrganisation
    public void ownOrganisationOnly(ContainerRequestContext request) {
        String distributor = request.getUriInfo().getPathParameters().getFirst("distributor");
        SecurityContext security = request.getSecurityContext();
        if (security.isUserInRole(User.ADMIN)) {
            return;
        }
        String own = security.getUserPrincipal() == null ? null
                : users.organisationOf(security.getUserPrincipal().getName()).orElse(null);
        if (own == null || !own.equals(distributor)) {
            // Says nothing about the other organisation: not whether it exists, not what it holds.
            throw ClientError.forbidden("You act for your own organisation only");
        }
    }
}
