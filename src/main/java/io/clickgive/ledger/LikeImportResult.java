package io.clickgive.ledger;

/** How a like import went: likes received, newly recorded, already known, and the megabytes they added. */
public record LikeImportResult(int received, int imported, int duplicates, long megabytes) {
}
