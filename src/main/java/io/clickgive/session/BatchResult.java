package io.clickgive.session;

import io.clickgive.totals.CampaignProgress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * The answer to a batch; a replayed batch gets its first answer again. {@code reason} is the reason that refused most
 * of the rejected clicks, {@code rejections} every reason with its clicks.
 */
public record BatchResult(int seq, int accepted, int rejected, @Schema(nullable = true) String reason, Map<String, Integer> rejections,
                          int sessionClicks, long sessionMegabytes, CampaignProgress campaign) {
}
