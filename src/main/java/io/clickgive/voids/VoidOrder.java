package io.clickgive.voids;

import io.clickgive.web.ClientError;

import java.time.Instant;

/**
 * A manager's order to hold or void the clicks of an identity or a network over a time range.
 *
 * @param target IDENTITY (a player hash) or NETWORK (a network hash, as the flags list them)
 * @param hold   true: out of the totals until lifted or confirmed; false: void at once, for good
 */
public record VoidOrder(String target, String hash, Instant from, Instant to, String reason, Boolean hold) {

    /** Refuses an order that cannot be carried out with a 400 that says why. */
    VoidOrder check() {
        if (target == null || !(target.equals("IDENTITY") || target.equals("NETWORK"))) {
            throw ClientError.badRequest("target: must be IDENTITY or NETWORK");
        }
        if (hash == null || hash.isBlank() || hash.length() > 64) {
            throw ClientError.badRequest("hash: the identity's or network's hash, as the flags list it");
        }
        if (from == null || to == null) {
            throw ClientError.badRequest("from, to: the time range is required");
        }
        if (!from.isBefore(to)) {
            throw ClientError.badRequest("from must come before to (" + from + " is not before " + to + ")");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ClientError.badRequest("reason: say why, in at most 500 characters");
        }
        return this;
    }

    Target kind() {
        return Target.valueOf(target);
    }

    boolean held() {
        return Boolean.TRUE.equals(hold);
    }
}
