package io.clickgive.counters;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The price of what a network may only do now and then (mint.lua): new player identities, applications to a call for
 * projects. Decaying counts of a network's and its wide prefix's payments per purpose, an optional hard limit on them,
 * and the proofs used. Keys {@code cg:{m<k>}:<purpose>:nets:<b>} and {@code …:<purpose>:wides:<b>} (bucket hashes of
 * counts, one field per network or wide prefix), {@code …:<purpose>:pow:<minute>:<b>} (intsets of used proofs); k from
 * the wide prefix: cluster-ready, and never one hot slot.
 */
@ApplicationScoped
public class MintCounters {

    /** Mint counts live in this many hash slots, chosen by the wide prefix. */
    private static final int SLOTS = 16;
    /**
     * Bucket hashes per slot: of networks' counts, of wide prefixes' counts, of one minute's used proofs. Each stays
     * compact up to 512 members, so 16 × 256 hold two million networks at ~45 bytes each, and a minute's 16 × 32 sets
     * 262 144 proofs at 8 bytes.
     */
    private static final int NET_BUCKETS = 256;
    private static final int WIDE_BUCKETS = 64;
    private static final int PROOF_BUCKETS = 32;
    /** A mint in this many sweeps its two buckets of the counts that decayed away (mint.lua's sweep). */
    private static final int SWEEP_EVERY = 16;

    /** What is paid for: each purpose counts on keys of its own. */
    public enum Purpose {
        IDENTITY("mint"), APPLICATION("apply");

        final String segment;

        Purpose(String segment) {
            this.segment = segment;
        }
    }

    /** mint.lua's call (its header documents every field). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MintCall(long now, long memoryMs, String home, String wide, long base, double step, double wideStep,
                           long max, boolean take, @JsonFormat(shape = JsonFormat.Shape.STRING) Long proofId,
                           Long proofUntil, Long solvedMax, Boolean sweep, Double limit, Double wideLimit) {

        /** A price: no proof, nothing written. */
        public static MintCall price(long now, long memoryMs, String home, String wide, long base, double step,
                                     double wideStep, long max) {
            return new MintCall(now, memoryMs, home, wide, base, step, wideStep, max, false, null, null, null, null,
                    null, null);
        }

        /** A payment with proof {@code proofId} (expiring in the minute that ends at {@code proofUntil}). */
        public static MintCall pay(long now, long memoryMs, String home, String wide, long base, double step,
                                   double wideStep, long max, long proofId, long proofUntil, long solvedMax) {
            return new MintCall(now, memoryMs, home, wide, base, step, wideStep, max, true, proofId, proofUntil,
                    solvedMax, null, null, null);
        }

        /** The same call, refused (reason LIMITED) once the network's or the wide prefix's count would pass these. */
        public MintCall limited(double networkLimit, double wideLimitToo) {
            return new MintCall(now, memoryMs, home, wide, base, step, wideStep, max, take, proofId, proofUntil,
                    solvedMax, sweep, networkLimit, wideLimitToo);
        }

        MintCall sweeping() {
            return new MintCall(now, memoryMs, home, wide, base, step, wideStep, max, take, proofId, proofUntil,
                    solvedMax, true, limit, wideLimit);
        }
    }

    /** mint.lua's answer; {@code retryMs}: when a LIMITED network may try again. */
    public record MintAnswer(Long difficulty, Boolean minted, String reason, Long retryMs) {

        public boolean limited() {
            return "LIMITED".equals(reason);
        }
    }

    private final Scripts scripts;
    private final Scripts.Script mint;
    private final AtomicLong mints = new AtomicLong();

    MintCounters(Scripts scripts) {
        this.scripts = scripts;
        this.mint = scripts.script("mint");
    }

    /** Prices (or, with {@code take}, pays for) a new identity on the call's network and wide prefix. */
    public Uni<MintAnswer> mint(MintCall call) {
        return mint(Purpose.IDENTITY, call);
    }

    /** Prices (or, with {@code take}, pays for) one of {@code purpose} on the call's network and wide prefix. */
    public Uni<MintAnswer> mint(Purpose purpose, MintCall call) {
        int wideHash = call.wide().hashCode();
        String tag = "cg:{m" + Math.floorMod(wideHash, SLOTS) + "}:" + purpose.segment + ":";
        long proofMinute = call.proofUntil() == null ? 0 : call.proofUntil() / 60_000 - 1;
        long proofBucket = call.proofId() == null ? 0 : Math.floorMod(call.proofId(), PROOF_BUCKETS);
        MintCall sent = call.take() && mints.incrementAndGet() % SWEEP_EVERY == 0 ? call.sweeping() : call;
        return scripts.call(mint, List.of(tag + "nets:" + Math.floorMod(call.home().hashCode(), NET_BUCKETS),
                tag + "wides:" + Math.floorMod(wideHash / SLOTS, WIDE_BUCKETS),
                tag + "pow:" + proofMinute + ":" + proofBucket), sent, MintAnswer.class);
    }
}
