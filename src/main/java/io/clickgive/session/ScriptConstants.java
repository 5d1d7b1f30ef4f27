package io.clickgive.session;

import io.clickgive.campaign.CampaignRules;
import io.clickgive.counters.GrantCall;
import io.clickgive.counters.SessionCounters;
import io.clickgive.guard.GuardSettings;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of the script calls that only change with a campaign's rules (the grant's limits, the batch's inspection
 * thresholds), written as JSON once per version of the campaign's guard instead of once per request: on the click path
 * every microsecond of serialising counts, and these are most of a guarded call's fields.
 */
final class ScriptConstants {

    /** The constants of one version of a campaign's guard (settings compared by value: the catalog reloads them). */
    record Written(GuardSettings guard, String limits, String inspection) {
    }

    private final Map<Long, Written> byCampaign = new ConcurrentHashMap<>();
    private final int shards;
    private final long playerMemoryMs;

    ScriptConstants(int shards, long playerMemoryMs) {
        this.shards = shards;
        this.playerMemoryMs = playerMemoryMs;
    }

    Written of(CampaignRules campaign) {
        Written written = byCampaign.get(campaign.id());
        if (written == null || !written.guard().equals(campaign.guard())) {
            written = write(campaign);
            byCampaign.put(campaign.id(), written);
        }
        return written;
    }

    private Written write(CampaignRules campaign) {
        GuardSettings guard = campaign.guard();
        GrantCall.Limits limits = new GrantCall.Limits(
                new GrantCall.Bucket(guard.playerIntervalSeconds() * 1000L, guard.playerBurst()),
                new GrantCall.Bucket(guard.freshIntervalMs(), guard.freshBurst()),
                GrantCall.Bucket.share(guard.wideFreshIntervalMs(), guard.wideFreshBurst(), shards),
                // Whole, not a share: a network's players mostly have it as their home, so they meet in its shard.
                new GrantCall.Bucket(guard.networkIntervalMs(), guard.networkBurst()),
                GrantCall.Bucket.share(guard.wideNetworkIntervalMs(), guard.wideNetworkBurst(), shards),
                guard.establishRounds(), guard.establishAfterMinutes() * 60_000L, playerMemoryMs);
        return new Written(guard, SessionCounters.written(limits), SessionCounters.written(guard.inspection()));
    }
}
