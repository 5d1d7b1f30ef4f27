package io.clickgive.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clickgive.common.Problem;
import io.clickgive.guard.Admission;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #PER_USER} failed sign-ins for one user name from one address within
 * {@value #WINDOW_MINUTES} minutes, or {@value #PER_ADDRESS} from one address for any names, further attempts are
 * refused (429, Retry-After) before the password is even checked, until the oldest failure leaves the window. Kept in
 * memory, per instance: with N replicas a guesser gets N times the attempts, still far too few to matter.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PER_USER = 10;
    static final int PER_ADDRESS = 100;
    static final int WINDOW_MINUTES = 5;
    private static final long WINDOW_MS = WINDOW_MINUTES * 60_000L;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Admission admission;
    private final ObjectMapper json;
    private final Clock clock;

    public LoginThrottle(Admission admission, ObjectMapper json, Clock clock) {
        this.admission = admission;
        this.json = json;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        // Before the HTTP security layer checks the password.
        router.route().order(-900).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            ctx.next();
            return;
        }
        String address = admission.clientAddress(ctx.request().remoteAddress().hostAddress(),
                ctx.request().getHeader("X-Forwarded-For"));
        String userKey = "u|" + address + "|" + username(authorization);
        String addressKey = "a|" + address;
        long now = clock.millis();
        long wait = Math.max(waitMs(userKey, PER_USER, now), waitMs(addressKey, PER_ADDRESS, now));
        if (wait > 0) {
            refuse(ctx, wait);
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            // A refused sign-in is a 401 with a challenge; the game's own 401s (a forged session token) have none.
            if (ctx.response().getStatusCode() == 401 && ctx.response().headers().contains("WWW-Authenticate")) {
                record(userKey, now);
                record(addressKey, now);
            }
        });
        ctx.next();
    }

    /** How long until an attempt is allowed again; 0 when it is allowed now. */
    private long waitMs(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
                times.pollFirst();
            }
            if (times.isEmpty()) {
                failures.remove(key, times);
                return 0;
            }
            return times.size() < limit ? 0 : times.peekFirst() + WINDOW_MS - now;
        }
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > PER_ADDRESS) {
                times.pollFirst();
            }
        }
    }

    private void refuse(RoutingContext ctx, long waitMs) {
        long seconds = Math.max(1, (waitMs + 999) / 1000);
        Problem problem = new Problem(429, "Too many requests",
                "Too many failed sign-ins; try again in " + seconds + " s");
        try {
            ctx.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
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
