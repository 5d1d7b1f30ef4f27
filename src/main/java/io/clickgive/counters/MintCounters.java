package io.clickgive.counters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The price of new player identities (mint.lua): decaying counts of a network's and its wide prefix's mints, and the
 * mint proofs used. Keys {@code cg:{m<k>}:mint:net:<home>}, {@code …:mint:wide:<wide>}, {@code …:mint:pow:<minute>},
 * k from the wide prefix: cluster-ready, and never one hot slot.
 */
@ApplicationScoped
public class MintCounters {

    /** Mint counts live in this many hash slots, chosen by the wide prefix. */
    private static final int SLOTS = 16;

    /** mint.lua's call (its header documents every field). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MintCall(long now, long memoryMs, long base, double step, double wideStep, long max, boolean take,
                           String proofId, Long proofUntil, Long solvedMax) {
    }

    /** mint.lua's answer. */
    public record MintAnswer(Long difficulty, Boolean minted, String reason) {
    }

    private final Scripts scripts;
    private final Scripts.Script mint;

    MintCounters(Scripts scripts) {
        this.scripts = scripts;
        this.mint = scripts.script("mint");
    }

    /**
     * Prices (or, with {@code take}, pays for) a mint on network {@code home} of wide prefix {@code wide} (both keyed
     * hashes); {@code proofMinute} is the epoch minute the paying proof's challenge expires in (0 to price).
     */
    public Uni<MintAnswer> mint(String home, String wide, long proofMinute, MintCall call) {
        String tag = "{m" + Math.floorMod(wide.hashCode(), SLOTS) + "}";
        return scripts.call(mint, List.of("cg:" + tag + ":mint:net:" + home, "cg:" + tag + ":mint:wide:" + wide,
                "cg:" + tag + ":mint:pow:" + proofMinute), call, MintAnswer.class);
    }
}
