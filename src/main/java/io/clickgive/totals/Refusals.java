package io.clickgive.totals;

import java.time.Instant;
import java.util.Map;

/** What the guard turned away in a campaign, next to what it let through, from the live counters. */
public record Refusals(String campaign, long acceptedClicks, long sessions, Map<String, Long> rejectedClicks,
                       Map<String, Long> refusedSessions, Instant at) {
}
