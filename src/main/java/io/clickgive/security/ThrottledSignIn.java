package io.clickgive.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The account limits of {@link LoginThrottle} for the console's form, whose user name only appears once the form
 * mechanism has read the body: tried before the password store's provider, it refuses an account over its limits
 * before any password is checked, and otherwise hands the request on (a provider answering null passes it to the next).
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable
public class ThrottledSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final LoginThrottle throttle;

    public ThrottledSignIn(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the password store's provider (security-jpa's, priority 1001): the higher is tried first. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
        LoginThrottle.Attempt attempt = ctx == null ? null : ctx.get(LoginThrottle.ATTEMPT);
        if (attempt == null) {
            // Every HTTP sign-in passes LoginThrottle first; an attempt it did not see is no password to let through.
            return Uni.createFrom().failure(new AuthenticationFailedException("sign-in not throttled"));
        }
        if (!attempt.form) {
            return Uni.createFrom().nullItem(); // a Basic header: its account was checked with its address
        }
        attempt.account = throttle.accountOf(request.getUsername());
        return throttle.waitMs(attempt).onItem().transformToUni(wait -> {
            if (wait > 0) {
                attempt.refusedForMs = wait;
                return Uni.createFrom().failure(new AuthenticationFailedException("too many failed sign-ins"));
            }
            if (!throttle.startCheck(attempt)) {
                return Uni.createFrom().failure(new AuthenticationFailedException("every password check is taken"));
            }
            return Uni.createFrom().nullItem();
        });
    }
}
