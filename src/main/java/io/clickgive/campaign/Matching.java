package io.clickgive.campaign;

import java.time.Instant;

/**
 * A matching hour as the click path reads it: from {@code startsAt} (included) to {@code endsAt} (excluded) each click
 * is worth {@code rateTenths / 10} times its usual megabytes.
 */
public record Matching(long id, Instant startsAt, Instant endsAt, int rateTenths) {

    /** A click's usual worth: x1. */
    public static final int PLAIN = 10;

    public boolean isOnAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
