package io.clickgive.counters;

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

    /**
     * Hash: "sessions", "r:<region>" accepted clicks, "l:<region>" imported likes, "x:<reason>" rejected clicks and
     * "y:<reason>" refused sessions.
     */
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

    /**
     * Hash: the player's admission bucket (GCRA) and its rounds towards being established, in the player's shard so the
     * grant and batch scripts can reach it.
     */
    public String player(String player) {
        return "cg:" + tag() + ":player:" + player;
    }

    /**
     * The network's admission bucket in this shard: a string holding the GCRA's arrival time, set with its expiry in one
     * command. The whole limit, not a share: a network's players mostly have it as their home, so they meet here.
     */
    public String network(String network) {
        return "cg:" + tag() + ":rate:" + network;
    }

    /** Hash: the wide prefix's buckets (all sessions, fresh identities' sessions) as seen by this shard. */
    public String wide(String wide) {
        return "cg:" + tag() + ":wide:" + wide;
    }

    /**
     * Hash: the fresh budget of a home (every identity minted on one network). An identity's sessions are counted in
     * its home's shard, so this bucket is whole here, not a share.
     */
    public String home(String home) {
        return "cg:" + tag() + ":home:" + home;
    }

    /**
     * Set: the proof-of-work solutions used in this shard whose challenges expire in the minute that ends at
     * {@code until} (ms), one of {@link #PROOF_BUCKETS} by the proof's id. One key per minute rather than one per
     * solution: a key with a TTL per session start cost more Redis time than the set. Buckets, because Redis keeps a
     * set of up to 512 integers as an intset (8 bytes a member, about 60 in a set of strings): 64 of them hold 32 768
     * proofs a minute per shard that way, and beyond that a bucket is an ordinary set, slower to grow but as exact.
     * Without a proof (null), a key that is never written.
     */
    public String proofs(long until, Long proofId) {
        long bucket = proofId == null ? 0 : Math.floorMod(proofId, PROOF_BUCKETS);
        return "cg:" + tag() + ":pow:" + (until / 60_000 - 1) + ":" + bucket;
    }

    /** How many sets a shard's used proofs of one minute are spread over (see {@link #proofs}). */
    public static final int PROOF_BUCKETS = 64;

    /** Hash: sessions judged scripted whose counted clicks are held until the ledger voids them (ledger.Holds). */
    public String held() {
        return "cg:" + tag() + ":held";
    }

    /** Hash: the guard's refusals of one network's requests, by reason code, for a day: what it tripped (managers). */
    public String trips(String network) {
        return "cg:" + tag() + ":trips:" + network;
    }

    public String ledger() {
        return "cg:" + tag() + ":ledger";
    }

    /** Ledger entries that could not be recorded, kept with why (ledger.LedgerWriter), for a person to look at. */
    public String deadLetters() {
        return "cg:" + tag() + ":dead";
    }

    public static List<ShardKeys> of(long campaignId, int shards) {
        return java.util.stream.IntStream.range(0, shards).mapToObj(s -> new ShardKeys(campaignId, s)).toList();
    }

    /** The shard a player's sessions are counted in: its home's, so that a home's identities meet in one shard. */
    public static int shardOf(String home, int shards) {
        return Math.floorMod(home.hashCode(), shards);
    }
}
