package io.clickgive.sponsor;

import java.time.Instant;

/**
 * A campaign's sponsor and purse as the public and its managers see them: promised, spent (by the campaign's clicks,
 * at their matching rates), left, whether it is spent (less than a click's worth left), the pace over the last ten
 * minutes (megabytes a minute) and when the purse runs out at that pace (null: no pace, or no purse).
 */
public record PurseView(String campaign, String sponsor, String logo, String link, Long purseMegabytes,
                        long spentMegabytes, Long leftMegabytes, boolean spent, long megabytesPerMinute,
                        Instant runsOutAt, Instant readAt) {
}
