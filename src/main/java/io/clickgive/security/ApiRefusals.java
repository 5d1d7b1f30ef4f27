package io.clickgive.security;

import io.clickgive.web.ClientError;
import io.clickgive.web.ProblemWriter;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * The HTTP path rules' refusals on the API (application.properties, {@code quarkus.http.auth.permission.*}) as
 * problems, like every other refusal: without it Quarkus answers them with empty bodies. The console's pages keep the
 * form mechanism's answers (a redirect to the sign-in page).
 * <ul>
 *   <li>No Basic credential on a path that needs one: 401, answered here before the security layer (which would send
 *   an empty one); every API area admits signed-in callers only. The Basic mechanism's challenge goes with it when it
 *   sends one: beside the console's form it stays silent for a request without any credential, so that a browser
 *   opening an API link shows no password prompt.</li>
 *   <li>A credential that is refused (wrong password, unknown user): the security layer fails the request with
 *   {@link AuthenticationFailedException}; 401 with the challenge (which {@link LoginThrottle} counts as a failure).</li>
 *   <li>A signed-in caller whose role the path's rule does not admit: {@link ForbiddenException}; 403.</li>
 * </ul>
 */
@ApplicationScoped
public class ApiRefusals {

    private final ProblemWriter problems;
    private final Instance<HttpAuthenticationMechanism> mechanisms;
    private volatile HttpAuthenticationMechanism basic;

    public ApiRefusals(ProblemWriter problems, @Any Instance<HttpAuthenticationMechanism> mechanisms) {
        this.problems = problems;
        this.mechanisms = mechanisms;
    }

    void install(@Observes Router router) {
        // After the body limits, before the sign-in throttle and the HTTP security layer.
        router.route().order(-950).handler(this::credentialsRequired);
        // Failure handlers run in route order: this one before Quarkus's own (the last), which sends empty bodies.
        router.route().order(-950).failureHandler(this::refused);
    }

    private void credentialsRequired(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean basicCredential = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (!basicCredential && LoginThrottle.checksCredentials(ctx.request().path())) {
            challenge(ctx, ClientError.unauthorized("Sign in: this part of the API takes HTTP Basic credentials"));
            return;
        }
        ctx.next();
    }

    private void refused(RoutingContext ctx) {
        if (ctx.response().ended() || !LoginThrottle.checksCredentials(ctx.request().path())) {
            ctx.next();
            return;
        }
        for (Throwable failure = ctx.failure(); failure != null; failure = failure.getCause()) {
            if (failure instanceof AuthenticationFailedException) {
                challenge(ctx, ClientError.unauthorized("The user name or password was not accepted"));
                return;
            }
            if (failure instanceof ForbiddenException) {
                problems.send(ctx, ClientError.forbidden("Your role may not use this part of the API"));
                return;
            }
            if (failure.getCause() == failure) {
                break;
            }
        }
        ctx.next();
    }

    /** A 401 with the Basic mechanism's own challenge header (if it gives one), so clients know how to sign in. */
    private void challenge(RoutingContext ctx, ClientError refusal) {
        basic().getChallenge(ctx).subscribe().with(challenge -> {
            if (challenge != null) {
                challenge.getHeaders().forEach(ctx.response()::putHeader);
            }
            problems.send(ctx, refusal);
        }, ctx::fail);
    }

    private HttpAuthenticationMechanism basic() {
        HttpAuthenticationMechanism found = basic;
        if (found == null) {
            found = mechanisms.stream().filter(m -> m instanceof BasicAuthenticationMechanism).findFirst()
                    .orElseThrow(() -> new IllegalStateException("quarkus.http.auth.basic is off"));
            basic = found;
        }
        return found;
    }
}
