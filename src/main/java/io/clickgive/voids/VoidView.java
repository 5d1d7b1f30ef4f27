package io.clickgive.voids;

import java.time.Instant;

/** A hold or void as managers see it: what it names, who decided and why, what it took out. */
public record VoidView(long id, String kind, String target, String hash, Instant from, Instant to, String reason,
                       String actor, Instant at, long clicks, long megabytes, Instant liftedAt, String liftedBy,
                       Instant confirmedAt, String confirmedBy) {
}
