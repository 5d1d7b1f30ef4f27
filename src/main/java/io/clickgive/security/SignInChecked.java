package io.clickgive.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Sees every sign-in that passed its password check, and gives its share of the concurrent checks back at once
 * ({@link LoginThrottle.Attempt#checked()}): the request itself may go on for long.
 */
@ApplicationScoped
public class SignInChecked implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        LoginThrottle.Attempt attempt = ctx == null ? null : ctx.get(LoginThrottle.ATTEMPT);
        if (attempt != null) {
            attempt.checked();
        }
        return Uni.createFrom().item(identity);
    }
}
