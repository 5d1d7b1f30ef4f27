package io.clickgive.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the public may know of a campaign, and how far its donations have travelled: confirmed in the ledger, still in
 * flight (counted live, not yet in the ledger: shown apart, never added to the confirmed total), allocated, delivered,
 * and what became of what was delivered ({@code use}: used, lapsed, not reported; without the managers' reminders).
 */
public record Transparency(String campaign, String gigabyteConvention, long confirmedClicks, long confirmedLikes,
                           CampaignReport report, Long inFlightMegabytes, BigDecimal inFlightGigabytes,
                           io.clickgive.usage.UseReport use, Instant readAt) {
}
