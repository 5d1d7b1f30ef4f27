package io.clickgive.crypto;

import io.clickgive.common.ClickgiveConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every key the service signs or hashes with, each derived for one purpose from the configured secrets under its own
 * label (HMAC of the label under the secret): a token, proof or form token signed for one purpose is worth nothing for
 * another, and none of them reveals the secret. The token secrets (the current one, and the previous one during a
 * rotation) root what is signed and checked; the privacy secret roots the keyed hashes that stand for players,
 * networks and sign-in counters.
 */
@ApplicationScoped
public class Keys {

    /** What the token secrets sign. The labels are part of every signature: renaming one invalidates what it signed. */
    public enum Purpose {
        SESSION_TOKEN("session-token"),
        /** Phones keep their identity for months: its label is the one identities were first signed under. */
        IDENTITY("identity"),
        PROOF_OF_WORK("proof-of-work"),
        CSRF("csrf"),
        /** The link an applicant to a call for projects keeps to follow their application, without an account. */
        APPLICANT_LINK("applicant-link"),
        /** The link a beneficiary receives with its delivery, to report how it used the data. */
        USAGE_LINK("usage-link");

        final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    private final List<Hmac> tokenRoots;
    private final Hmac privacyRoot;

    public Keys(ClickgiveConfig config) {
        this.tokenRoots = Stream.concat(Stream.of(config.tokens().key()), config.tokens().previousKey().stream())
                .map(Hmac::new).toList();
        this.privacyRoot = new Hmac(config.privacy().key());
    }

    /** The keys of one purpose that are believed, the one that signs first. */
    public List<Hmac> believed(Purpose purpose) {
        return tokenRoots.stream().map(root -> root.derive(purpose.label)).toList();
    }

    /** The key that signs for this purpose now. */
    public Hmac signing(Purpose purpose) {
        return tokenRoots.get(0).derive(purpose.label);
    }

    /**
     * The proof of work's keys, as the text ALTCHA's HMAC takes (base64 of the derived key), the one that signs first.
     */
    public List<Hmac> proofOfWork() {
        return tokenRoots.stream().map(root -> new Hmac(altchaKey(root))).toList();
    }

    /** A keyed hash's key for one purpose, from the privacy secret. */
    public Hmac privacy(String label) {
        return privacyRoot.derive(label);
    }

    /** The key an instance holding {@code secret} derives for the purpose (for tests that sign as another instance). */
    public static Hmac derived(String secret, Purpose purpose) {
        return new Hmac(secret).derive(purpose.label);
    }

    /** ALTCHA's key of the proof of work under {@code secret}. */
    public static String altchaKey(String secret) {
        return altchaKey(new Hmac(secret));
    }

    private static String altchaKey(Hmac root) {
        return Base64.getEncoder().encodeToString(root.derivedKey(Purpose.PROOF_OF_WORK.label));
    }
}
