package io.clickgive.usage;

import io.clickgive.crypto.ExpiringKeys;
import io.clickgive.crypto.Keys;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * The key a beneficiary receives with its delivery (on the request's page, to send by message) to report how it used
 * the data, without an account: it works for a year from the day it is given. Forged, altered or expired: a 404.
 */
@ApplicationScoped
public class UsageLinks {

    static final long VALID_DAYS = 365;

    private final ExpiringKeys keys;
    private final Clock clock;

    public UsageLinks(ExpiringKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The page a beneficiary reports on: {@code /c/{slug}/usage/{request}?key=…}. */
    public String page(String slug, long request) {
        return "/c/" + slug + "/usage/" + request + "?key="
                + keys.issue(Keys.Purpose.USAGE_LINK, String.valueOf(request), today() + VALID_DAYS);
    }

    public boolean opens(long request, String key) {
        return keys.opens(Keys.Purpose.USAGE_LINK, String.valueOf(request), key, today());
    }

    private long today() {
        return clock.instant().getEpochSecond() / 86_400;
    }
}
