package io.clickgive.counters;

/**
 * A session batch.lua judged scripted after some of its clicks counted, as the shard's held hash keeps it: its clicks
 * (and the megabytes matching hours added to them, {@code extra}; 0 in holds made before matching hours) left the live
 * total at once and stay in the ledger until voided there (voids.Holds).
 */
public record Hold(int clicks, String region, String reason, long at, long extra) {
}
