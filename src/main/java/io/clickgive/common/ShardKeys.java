package io.clickgive.common;

import java.util.List;

/**
 * Redis key names of one counter shard of a campaign. Every key carries the hash tag {c<campaign>.s<shard>},
 * so a script touches one slot and a hot campaign spreads over a Redis Cluster, shard by shard.
 */
public record ShardKeys(long campaignId, int shard) {

    public String tag() {
        return "{c" + campaignId + ".s" + shard + "}";
    }

    public String session(String sessionId) {
        return "cg:" + tag() + ":session:" + sessionId;
    }

    /** Hash: "sessions", "r:<region>" accepted clicks, "l:<region>" imported likes. */
    public String totals() {
        return "cg:" + tag() + ":totals";
    }

    /** Hash: accepted clicks per epoch minute, for the managers' charts. */
    public String minutes() {
        return "cg:" + tag() + ":minutes";
    }

    /** HyperLogLog of the players of this shard; a player always lands in one shard, so shards add up. */
    public String players() {
        return "cg:" + tag() + ":players";
    }

    /** The player's admission bucket (GCRA): in the player's shard, so the grant script can charge it. */
    public String rate(String player) {
        return "cg:" + tag() + ":rate:" + player;
    }

    public String ledger() {
        return "cg:" + tag() + ":ledger";
    }

    public static List<ShardKeys> of(long campaignId, int shards) {
        return java.util.stream.IntStream.range(0, shards).mapToObj(s -> new ShardKeys(campaignId, s)).toList();
    }

    /** The shard a player's sessions are counted in. */
    public static int shardOf(String player, int shards) {
        return Math.floorMod(player.hashCode(), shards);
    }
}
