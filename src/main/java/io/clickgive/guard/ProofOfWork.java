package io.clickgive.guard;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.web.ClientError;
import io.clickgive.crypto.Hmac;
import io.clickgive.crypto.Keys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The session's entry fee: an ALTCHA puzzle (the format of altcha.org, which the tests check against the org.altcha
 * library). We pick a secret number up to the difficulty and publish SHA-256(salt + number) with our HMAC of it; the
 * client finds the number by trying them in turn — half the difficulty in hashes on average — while checking a solution
 * costs us one hash and one HMAC. The salt's parameters name the campaign, the player and the expiry, so a solution
 * cannot be moved to another campaign or player or kept for later; the grant script makes it single-use.
 * <p>
 * Written here rather than with the library because a challenge goes out with every session grant: the library sets
 * up a new Mac and reads the system's entropy pool for every challenge, and that was most of the guard's price per
 * session. Here each thread keeps its digest, MACs and random generator.
 */
@ApplicationScoped
public class ProofOfWork {

    /** What the client receives: find {@code number} in 0..maxNumber with SHA-256(salt + number) = challenge. */
    public record Challenge(String algorithm, String salt, String challenge, long maxNumber, String signature,
                            Instant expiresAt) {
    }

    /** What the client sends back with its session request (ALTCHA's payload without the repeated fields). */
    public record Solution(String salt, Long number, String signature) {
    }

    /** A checked solution: the id that makes it single-use, until when it must be remembered, what it cost. */
    public record Verified(long id, long expiresAtMillis, long maxNumber) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** A DRBG per thread: seeded once from the system, then no system call and no lock per challenge. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private static final HexFormat HEX = HexFormat.of();

    private final List<Hmac> verifiers;
    private final long ttlMillis;
    private final Clock clock;

    public ProofOfWork(ClickgiveConfig config, Keys keys, Clock clock) {
        this.clock = clock;
        this.ttlMillis = config.guard().powTtl().toMillis();
        // Derived from the token keys, so rotating the token key rotates this one too and no extra secret is needed.
        this.verifiers = keys.proofOfWork();
    }

    /** A session's puzzle: bound to the campaign and the player. */
    public Challenge issue(long campaignId, String player, long maxNumber) {
        return issue(sessionSubject(campaignId, player), maxNumber);
    }

    /** What binds a session's puzzle to its campaign and player (the salt's first parameters). */
    public static String sessionSubject(long campaignId, String player) {
        return "campaign=" + campaignId + "&player=" + player;
    }

    /**
     * A puzzle for {@code subject}: URL parameters that say what the solution may be used for (a campaign and player,
     * or an identity minted on a network); they must need no URL encoding.
     */
    public Challenge issue(String subject, long maxNumber) {
        long expiresAt = clock.millis() + ttlMillis;
        byte[] random = new byte[20];
        RANDOM.get().nextBytes(random);
        // Parameters as ALTCHA writes them, closed by '&' so that no digit can be spliced onto the last one. The
        // difficulty is a parameter too: signed with the rest, it tells the server what the solution cost.
        String salt = HEX.formatHex(random, 0, 12) + "?" + subject + "&max=" + maxNumber + "&until=" + expiresAt + "&";
        // maxNumber 0 is the lowest difficulty, nothing to search (load tests, trusted kiosks).
        long number = maxNumber == 0 ? 0 : Math.floorMod(ByteBuffer.wrap(random, 12, 8).getLong(), maxNumber + 1);
        String challenge = HEX.formatHex(SHA256.get().digest((salt + number).getBytes(StandardCharsets.UTF_8)));
        return new Challenge("SHA-256", salt, challenge, maxNumber, HEX.formatHex(verifiers.get(0).sign(challenge)),
                Instant.ofEpochMilli(expiresAt));
    }

    /** Checks a solution of a session's puzzle for this campaign and player; refuses with the reason otherwise. */
    public Verified verify(long campaignId, String player, Solution solution) {
        return verify(sessionSubject(campaignId, player), solution);
    }

    /** Checks a solution of a puzzle issued for {@code subject}; refuses with the reason otherwise. */
    public Verified verify(String subject, Solution solution) {
        if (solution == null || solution.salt() == null || solution.number() == null || solution.signature() == null
                || solution.salt().length() > 512 || solution.signature().length() > 128 || solution.number() < 0) {
            throw Reason.POW_MISSING.refusal(400, "A proof-of-work solution {salt, number, signature} is required: "
                    + "ask for a challenge, then solve it");
        }
        String salt = solution.salt();
        int query = salt.indexOf('?');
        if (query < 0 || !signed(solution)) {
            throw invalid();
        }
        Map<String, String> params = params(salt.substring(query + 1));
        for (Map.Entry<String, String> bound : params(subject).entrySet()) {
            if (!bound.getValue().equals(params.get(bound.getKey()))) {
                throw invalid();
            }
        }
        long expiresAt;
        long maxNumber;
        try {
            expiresAt = Long.parseLong(params.get("until"));
            maxNumber = Long.parseLong(params.get("max"));
        } catch (NumberFormatException e) { // signed by us, so never seen unless the key leaked
            throw invalid();
        }
        if (clock.millis() > expiresAt) {
            throw Reason.POW_EXPIRED.refusal(403, "The proof-of-work challenge expired; ask for a new one");
        }
        return new Verified(singleUseId(solution.signature()), expiresAt, maxNumber);
    }

    /**
     * The id under which a used solution is remembered until its challenge expires: the first 63 bits of its signature,
     * as a non-negative long. The signature is our HMAC of the challenge, so these bits are as unique as the whole of it
     * (two of the proofs of one minute share them with odds of 1 in 10^10 at 40 000 a minute, and then the later one
     * is asked to solve a new puzzle). A number, because Redis keeps a set of up to 512 integers as an intset, 8 bytes
     * a member, where a set of strings costs about 60; {@link #signed} has already held the signature to exactly our
     * 64 lowercase hex digits.
     */
    static long singleUseId(String signature) {
        return HexFormat.fromHexDigitsToLong(signature, 0, 16) >>> 1;
    }

    /**
     * ALTCHA's check — the signature is the hex HMAC of SHA-256(salt + number) — done with this thread's digest and
     * MACs: the library sets up a new Mac for every call, and compares signatures in variable time.
     */
    private boolean signed(Solution solution) {
        byte[] hash = SHA256.get().digest((solution.salt() + solution.number()).getBytes(StandardCharsets.UTF_8));
        String challenge = HEX.formatHex(hash);
        byte[] given = solution.signature().getBytes(StandardCharsets.US_ASCII);
        boolean signed = false;
        for (Hmac key : verifiers) {
            signed |= MessageDigest.isEqual(HEX.formatHex(key.sign(challenge)).getBytes(StandardCharsets.US_ASCII), given);
        }
        return signed;
    }

    /** The salt's parameters; the values we issue need no URL decoding, and anything else fails the signature. */
    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    private static ClientError invalid() {
        return Reason.POW_INVALID.refusal(403,
                "The proof of work does not solve a challenge issued for this request");
    }
}
