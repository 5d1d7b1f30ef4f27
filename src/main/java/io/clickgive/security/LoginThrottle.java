package io.clickgive.security;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.web.ClientError;
import io.clickgive.crypto.Hmac;
import io.clickgive.crypto.Keys;
import io.clickgive.web.ProblemWriter;
import io.clickgive.counters.SignInCounters;
import io.clickgive.guard.Admission;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Slows down password guessing, for the API's Basic sign-in and the console's form alike. Failures are counted in Redis
 * (so the limits hold across replicas, and nothing grows in the heap: every counter expires with its window), under
 * keyed hashes of fixed length, never the name or address in clear. A failure is counted as its answer leaves, so a
 * guess in flight is not counted yet: the cap on concurrent checks bounds how many that can be.
 * <ul>
 *   <li>{@value #PER_USER} failures of one account from one address within {@value #WINDOW_MINUTES} minutes,</li>
 *   <li>{@value #PER_ACCOUNT} failures of one account from anywhere (guessing spread over many addresses),</li>
 *   <li>{@value #PER_ADDRESS} failures from one address for any accounts.</li>
 * </ul>
 * An attempt over a limit is refused before its password is checked. Apart from those, no instance checks more than
 * {@code clickgive.security.max-concurrent-sign-ins} passwords at once: bcrypt is meant to be slow, and a flood of
 * guesses must not take the cores the click path needs (beyond them: 429 at once, Retry-After 1).
 * <p>
 * The form's account is in its body, which the form mechanism reads after this handler: its account limits are checked
 * by {@link ThrottledSignIn}, which sees the name before the password check. Its refusal comes back as the sign-in page
 * saying how long to wait.
 * <p>
 * What it does not stop: whoever fails {@value #PER_ACCOUNT} times an account's password from many addresses keeps that
 * account from signing in for the rest of the window (a lockout bought with guesses; the account on an address it
 * signed in from lately is no different). Guessing stays at {@value #PER_ACCOUNT} guesses per account per window.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PER_USER = 10;
    static final int PER_ACCOUNT = 30;
    static final int PER_ADDRESS = 100;
    static final int WINDOW_MINUTES = 5;
    static final long WINDOW_MS = WINDOW_MINUTES * 60_000L;
    static final String FORM_POST = "/j_security_check";

    /** The routing context's entry for the attempt under way. */
    static final String ATTEMPT = "clickgive.sign-in";

    /**
     * One attempt at signing in: the keyed hash of its address, and of its account once known (from a Basic header at
     * once, from the form's body in {@link ThrottledSignIn}).
     */
    static final class Attempt {
        final String address;
        final boolean form;
        String account;
        /** Set when the account's limits refused the attempt: the wait in ms. */
        long refusedForMs;
        /** Set when every password check of the instance was taken: refused at once, counted nowhere. */
        boolean busy;
        private Semaphore held;

        Attempt(String address, boolean form) {
            this.address = address;
            this.form = form;
        }

        /**
         * Ends this attempt's share of the password checks once its check is over (not when its request is over: a
         * manager's long import must not hold one).
         */
        synchronized void checked() {
            if (held != null) {
                held.release();
                held = null;
            }
        }
    }

    private final Admission admission;
    private final ProblemWriter problems;
    private final SignInCounters counters;
    private final Hmac key;
    private final Semaphore checks;

    public LoginThrottle(Admission admission, ProblemWriter problems, SignInCounters counters, ClickgiveConfig config,
                         Keys keys) {
        this.admission = admission;
        this.problems = problems;
        this.counters = counters;
        this.key = keys.privacy("sign-in");
        this.checks = new Semaphore(config.security().maxConcurrentSignIns());
    }

    void install(@Observes Router router) {
        // Before the HTTP security layer checks the password.
        router.route().order(-900).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        // Only where a Basic credential is checked at all: the public game ignores one (it costs it nothing).
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && checksCredentials(ctx.request().path());
        boolean form = ctx.request().method() == HttpMethod.POST && FORM_POST.equals(ctx.request().path());
        if (!basic && !form) {
            ctx.next();
            return;
        }
        Attempt attempt = new Attempt(addressOf(admission.clientAddress(
                ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("X-Forwarded-For"))), form);
        if (basic) {
            attempt.account = accountOf(username(authorization));
        }
        // The request stays paused (Quarkus pauses it until a handler reads the body) while Redis answers.
        waitMs(attempt).subscribe().with(wait -> {
            if (wait > 0) {
                refuse(ctx, attempt, wait);
                return;
            }
            // A permit only for an attempt that will be checked: guesses already refused take none, so a flood from
            // addresses over their limits leaves the checks free for everyone else. The form's account is checked
            // later (ThrottledSignIn), and takes its permit there.
            if (!form && !startCheck(attempt)) {
                problem(ctx, 1000, "Too many sign-ins at once; try again in 1 s");
                return;
            }
            ctx.addEndHandler(done -> attempt.checked());
            ctx.put(ATTEMPT, attempt);
            ctx.addHeadersEndHandler(v -> {
                attempt.checked();
                outcome(ctx, attempt);
            });
            ctx.next();
        }, failure -> {
            attempt.checked();
            ctx.fail(failure);
        });
    }

    /**
     * How long the attempt must wait: its address's failures, and its account's once the name is known (0: go on).
     */
    Uni<Long> waitMs(Attempt attempt) {
        List<SignInCounters.Counter> counted = new java.util.ArrayList<>();
        if (!attempt.form || attempt.account == null) { // the form's address was checked before its name was known
            counted.add(SignInCounters.Counter.address(attempt.address, PER_ADDRESS));
        }
        if (attempt.account != null) {
            counted.addAll(accountCounters(attempt));
        }
        return counters.waitMs(counted, WINDOW_MS);
    }

    /** Counts a failure, or clears the account's counter on its address, from the response about to be sent. */
    private void outcome(RoutingContext ctx, Attempt attempt) {
        if (attempt.refusedForMs > 0) {
            // Refused by the account's limits before any password check: say so, instead of "wrong password".
            waitPage(ctx, attempt.refusedForMs);
            return;
        }
        if (attempt.busy) { // the form's: every check was taken, nothing was checked nor counted
            ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/console/login?busy=1")
                    .putHeader(HttpHeaders.RETRY_AFTER, "1");
            return;
        }
        if (attempt.account == null) {
            return; // a form without a user name never reached a password check: it stays counted on its address
        }
        String location = ctx.response().headers().get(HttpHeaders.LOCATION);
        boolean failed = attempt.form ? location != null && location.contains("/console/login")
                // A refused sign-in is a 401 with a challenge; the game's own 401s (a forged session token) have none.
                : ctx.response().getStatusCode() == 401 && ctx.response().headers().contains("WWW-Authenticate");
        List<SignInCounters.Counter> counted = new java.util.ArrayList<>();
        counted.add(SignInCounters.Counter.address(attempt.address, PER_ADDRESS));
        counted.addAll(accountCounters(attempt));
        counters.outcome(counted, failed, WINDOW_MS).subscribe().with(a -> { }, e -> { });
    }

    /** Takes one of this instance's password checks for the attempt; false when they are all taken. */
    boolean startCheck(Attempt attempt) {
        if (!checks.tryAcquire()) {
            attempt.busy = true;
            return false;
        }
        attempt.held = checks;
        return true;
    }

    /** The password checks under way on this instance, as permits (tests hold them to stand for a flood). */
    Semaphore checks() {
        return checks;
    }

    /** The keyed hash that stands for an account name in the counters' keys. */
    String accountOf(String username) {
        return key.hash("account|" + username);
    }

    /** The keyed hash that stands for a client address in the counters' keys. */
    String addressOf(String address) {
        return key.hash("address|" + address);
    }

    /** The account's counters: anywhere, then on this address (the one a success clears). */
    private static List<SignInCounters.Counter> accountCounters(Attempt attempt) {
        return List.of(SignInCounters.Counter.account(attempt.account, PER_ACCOUNT),
                SignInCounters.Counter.accountOnAddress(attempt.account, attempt.address, PER_USER));
    }

    /** The API's areas whose path rules ask for a Basic credential (application.properties). */
    static boolean checksCredentials(String path) {
        return path.startsWith("/api/manage") || path.startsWith("/api/distribute") || path.startsWith("/api/admin");
    }

    private void refuse(RoutingContext ctx, Attempt attempt, long waitMs) {
        if (attempt.form) {
            waitPage(ctx, waitMs).end();
            return;
        }
        long seconds = seconds(waitMs);
        problem(ctx, waitMs, "Too many failed sign-ins; try again in " + seconds + " s");
    }

    /** A form's refusal: back to the sign-in page, which says how long to wait. */
    private static io.vertx.core.http.HttpServerResponse waitPage(RoutingContext ctx, long waitMs) {
        long seconds = seconds(waitMs);
        return ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/console/login?wait=" + seconds)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private void problem(RoutingContext ctx, long waitMs, String detail) {
        problems.send(ctx, ClientError.tooManyRequests(null, null, detail, waitMs));
    }

    private static long seconds(long ms) {
        return Math.max(1, (ms + 999) / 1000);
    }

    /** The user name of a Basic credential; a malformed one counts as its own name, so it is throttled too. */
    private static String username(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "?malformed";
        }
    }
}
