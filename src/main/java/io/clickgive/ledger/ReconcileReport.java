package io.clickgive.ledger;

/**
 * What a reconcile found: live counters against the ledger plus what is still in flight, and what it repaired.
 * {@code balanced} says the counters already agreed with the ledger before any repair.
 */
public record ReconcileReport(String slug, long liveClicks, long ledgerClicks, long inFlightClicks, long liveLikes,
                              long ledgerLikes, int fieldsRepaired, long sessionsRestored, boolean balanced) {
}
