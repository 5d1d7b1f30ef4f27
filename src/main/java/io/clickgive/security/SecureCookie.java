package io.clickgive.security;

import io.clickgive.common.ClickgiveConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Marks the console's cookie Secure. Quarkus sets Secure only on a request that reached it over TLS, and in production
 * TLS ends at the ingress: every request arrives as plain HTTP, so without this the browser would send the session
 * cookie over plain HTTP too, should a link or a downgrade ever lead it there.
 */
@ApplicationScoped
public class SecureCookie {

    static final String COOKIE = "clickgive-console";

    private final boolean on;

    public SecureCookie(ClickgiveConfig config) {
        this.on = config.security().secureCookie();
    }

    void install(@Observes Router router) {
        if (on) {
            router.route().order(-1000).handler(this::mark);
        }
    }

    private void mark(RoutingContext ctx) {
        // Vert.x writes the response's cookies after the headers-end handlers: set the flag on the cookie itself. Which
        // cookies this response sets is only told by Vert.x's ServerCookie (an impl interface): re-check it on upgrades
        // (ProductionSettingsTest fails if the flag goes missing).
        ctx.addHeadersEndHandler(v -> ctx.request().cookies(COOKIE).stream()
                .filter(SecureCookie::setByUs).forEach(cookie -> cookie.setSecure(true)));
        ctx.next();
    }

    /** A cookie this response sets (the browser's own, sent back to us, is only read). */
    private static boolean setByUs(Cookie cookie) {
        return cookie instanceof ServerCookie set && set.isChanged() && !set.isFromUserAgent();
    }
}
