package io.clickgive.impact;

import java.util.List;
import java.util.Map;

/**
 * A player's own story, from the server's records for its identity (no account): over every campaign, and per
 * campaign with its team and that team's rank.
 */
public record Impact(long rounds, long clicks, long megabytes, long bestRound, int daysInARow,
                     List<InCampaign> campaigns) {

    /** The player's gifts in one campaign, newest campaign first. */
    public record InCampaign(String slug, Map<String, String> names, long rounds, long clicks, long megabytes,
                             long bestRound, Team team) {
    }

    /** The player's team in a campaign and its rank there. */
    public record Team(String code, String name, long rank) {
    }
}
