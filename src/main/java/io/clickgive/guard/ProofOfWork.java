package io.clickgive.guard;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.ClientError;
import io.clickgive.common.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import org.altcha.altcha.Altcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The session's entry fee: an ALTCHA puzzle, issued with the org.altcha library and checked here (same format). We pick a secret number up to the difficulty and
 * publish SHA-256(salt + number) with our HMAC of it; the client finds the number by trying them in turn — half the
 * difficulty in hashes on average — while checking a solution costs us one hash and one HMAC. The salt's parameters
 * name the campaign, the player and the expiry, so a solution cannot be moved to another campaign or player or kept
 * for later; the grant script makes it single-use.
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

    /** A checked solution: the id that makes it single-use, and until when that id must be remembered. */
    public record Verified(String id, long expiresAtMillis) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static final HexFormat HEX = HexFormat.of();

    private final List<String> keys;
    private final List<Hmac> verifiers;
    private final long ttlMillis;
    private final Clock clock;

    public ProofOfWork(ClickgiveConfig config, Clock clock) {
        this.clock = clock;
        this.ttlMillis = config.guard().powTtl().toMillis();
        // Derived from the token keys, so rotating the token key rotates this one too and no extra secret is needed.
        this.keys = Stream.concat(Stream.of(config.tokens().key()), config.tokens().previousKey().stream())
                .map(key -> Base64.getEncoder().encodeToString(new Hmac(key).sign("proof-of-work"))).toList();
        this.verifiers = keys.stream().map(Hmac::new).toList();
    }

    public Challenge issue(long campaignId, String player, long maxNumber) {
        long expiresAt = clock.millis() + ttlMillis;
        Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
                .setAlgorithm(Altcha.Algorithm.SHA256)
                .setMaxNumber(Math.max(1, maxNumber))
                .setHmacKey(keys.get(0))
                .addParam("campaign", Long.toString(campaignId))
                .addParam("player", player)
                .addParam("until", Long.toString(expiresAt));
        if (maxNumber == 0) {
            options.setNumber(0L); // the lowest difficulty: nothing to search (load tests, trusted kiosks)
        }
        try {
            Altcha.Challenge c = Altcha.createChallenge(options);
            return new Challenge("SHA-256", c.salt, c.challenge, maxNumber, c.signature, Instant.ofEpochMilli(expiresAt));
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a proof-of-work challenge", e);
        }
    }

    /** Checks a solution for this campaign and player; refuses with the reason otherwise. */
    public Verified verify(long campaignId, String player, Solution solution) {
        if (solution == null || solution.salt() == null || solution.number() == null || solution.signature() == null
                || solution.salt().length() > 512 || solution.signature().length() > 128 || solution.number() < 0) {
            throw ClientError.refused(400, Reason.POW_MISSING.name(), "A proof-of-work solution {salt, number, "
                    + "signature} is required: ask POST /api/campaigns/{slug}/challenges, then solve it");
        }
        Map<String, String> params;
        try {
            params = Altcha.extractParams(solution.salt());
        } catch (Exception e) {
            throw invalid();
        }
        if (!Long.toString(campaignId).equals(params.get("campaign")) || !player.equals(params.get("player"))
                || !signed(solution)) {
            throw invalid();
        }
        long expiresAt = Long.parseLong(params.get("until")); // covered by our signature, so a number we wrote
        if (clock.millis() > expiresAt) {
            throw ClientError.refused(403, Reason.POW_EXPIRED.name(), "The proof-of-work challenge expired; ask for a new one");
        }
        return new Verified(solution.signature(), expiresAt);
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

    private static ClientError invalid() {
        return ClientError.refused(403, Reason.POW_INVALID.name(),
                "The proof of work does not solve a challenge issued to this player for this campaign");
    }
}
