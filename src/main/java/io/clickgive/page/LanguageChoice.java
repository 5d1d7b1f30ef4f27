package io.clickgive.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * The language a person chose stays chosen: a page asked for with {@code ?lang=} (a link, the switcher, the sign-in
 * page) remembers it in a cookie, and a page asked for without one (the console's landing page after signing in, a link
 * typed by hand) gets it back as if the link had carried it. An explicit {@code ?lang=} always wins; without either,
 * the pages fall back on Accept-Language. Pages only (the front door, the public pages, the console): the API speaks
 * no language. The cookie holds a language code and nothing else, so it needs no consent and no signature: a forged
 * value that is not one of ar, fr, en is ignored.
 */
@Provider
@PreMatching
public class LanguageChoice implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String COOKIE = "clickgive-lang";
    private static final String CHOSEN = LanguageChoice.class.getName() + ".chosen";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isPage(request.getUriInfo().getPath())) {
            return;
        }
        String asked = request.getUriInfo().getQueryParameters().getFirst("lang");
        if (known(asked) != null) {
            request.setProperty(CHOSEN, known(asked));
            return;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String remembered = cookie == null ? null : known(cookie.getValue());
        if (remembered != null) {
            request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                    .replaceQueryParam("lang", remembered).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (isPage(request.getUriInfo().getPath())) {
            // A page's language follows the cookie and Accept-Language: a shared cache must keep one copy per both.
            response.getHeaders().add(HttpHeaders.VARY, "Cookie, Accept-Language");
        }
        Object chosen = request.getProperty(CHOSEN);
        if (chosen == null) {
            return;
        }
        Cookie sent = request.getCookies().get(COOKIE);
        if (sent != null && chosen.equals(sent.getValue())) {
            return; // already remembered
        }
        // Lax, not Strict: a link from elsewhere to the front door should still find the visitor's language.
        response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE).value((String) chosen)
                .path("/").maxAge(ONE_YEAR).sameSite(NewCookie.SameSite.LAX).build());
    }

    static boolean isPage(String path) {
        return path.equals("/") || path.equals("/c") || path.startsWith("/c/") || path.equals("/console")
                || path.startsWith("/console/");
    }

    private static String known(String value) {
        if (value == null) {
            return null;
        }
        String lang = value.toLowerCase(Locale.ROOT);
        return PageTexts.LANGUAGES.contains(lang) ? lang : null;
    }
}
