package io.clickgive.counters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The click path's two scripts: a session start (grant.lua) and a batch (batch.lua), one round trip each. */
@ApplicationScoped
public class SessionCounters {

    /**
     * Whose buckets a session start charges, as keyed hashes (never an address or an identity in the clear).
     */
    public record Grantee(String player, String network, String wide, String home) {
    }

    private final Scripts scripts;
    private final Scripts.Script grant;
    private final Scripts.Script batch;

    SessionCounters(Scripts scripts) {
        this.scripts = scripts;
        this.grant = scripts.script("grant");
        this.batch = scripts.script("batch");
    }

    /** Admits and opens session {@code sessionId} in the grantee's shard, or says why not. */
    public Uni<GrantAnswer> grant(ShardKeys keys, String sessionId, Grantee who, GrantCall call) {
        return scripts.call(grant, List.of(keys.session(sessionId), keys.totals(), keys.players(), keys.player(who.player()),
                keys.network(who.network()), keys.wide(who.wide()), keys.home(who.home()), keys.proofs(call.proofUntil(), call.proofId()),
                keys.trips(who.network())), call, GrantAnswer.class);
    }

    /** Counts (and with the guard on, inspects) one batch of the call's session. */
    public Uni<BatchAnswer> batch(ShardKeys keys, BatchCall call) {
        return scripts.call(batch, List.of(keys.session(call.session()), keys.totals(), keys.minutes(), keys.ledger(),
                keys.player(call.player()), keys.held(), keys.trips(call.network())), call, BatchAnswer.class);
    }

    /**
     * A part of a call that changes only with a campaign's rules, written once ahead as the scripts read it (JSON),
     * then passed raw in every call ({@link GrantCall#limits()}, {@link BatchCall#inspection()}).
     */
    public static String written(Object part) {
        return Scripts.json(part);
    }
}
