package io.clickgive.session;

import io.clickgive.totals.CampaignProgress;

/** The answer to a batch; a replayed batch gets its first answer again. */
public record BatchResult(int seq, int accepted, int rejected, String reason, int sessionClicks,
                          long sessionMegabytes, CampaignProgress campaign) {
}
