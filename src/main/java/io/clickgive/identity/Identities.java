package io.clickgive.identity;

import io.clickgive.crypto.Keys;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.crypto.Hmac;
import io.clickgive.counters.MintCounters;
import io.clickgive.counters.MintCounters.MintCall;
import io.clickgive.guard.Networks;
import io.clickgive.guard.ProofOfWork;
import io.clickgive.guard.Reason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Player identities: minted by the server for a proof of work whose price rises with how many identities the same
 * network minted recently, and checked on every challenge and session request. A phone pays once per install; a script
 * that rotates identities pays for every rotation. Design: docs/guard.md, "Identity".
 */
@ApplicationScoped
public class Identities {

    /** Who plays: the player key, the home whose budget for new players it draws from, and whether it is vouched for. */
    public record Player(String key, String home, boolean vouched) {
    }

    /** A new identity: the token the client keeps. */
    public record Minted(String identity, Instant mintedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyedHashes hashes;
    private final ProofOfWork proofs;
    private final MintCounters counters;
    private final Clock clock;
    private final List<Hmac> keys;
    private final ClickgiveConfig.Identity settings;
    private final long memoryMs;

    public Identities(KeyedHashes hashes, ProofOfWork proofs, MintCounters counters, Clock clock, ClickgiveConfig config,
                      Keys keys) {
        this.hashes = hashes;
        this.proofs = proofs;
        this.counters = counters;
        this.clock = clock;
        this.settings = config.identity();
        this.memoryMs = settings.mintMemory().toMillis();
        // Derived from the token keys under their own label, so rotating the token key (with its previous key kept)
        // rotates this one without invalidating the identities phones hold.
        this.keys = keys.believed(Keys.Purpose.IDENTITY);
    }

    /** The puzzle a new identity costs on this network now. */
    public Uni<ProofOfWork.Challenge> challenge(Networks.Network network) {
        MintKeys keys = keys(network);
        return counters.mint(MintCall.price(clock.millis(), memoryMs, keys.home(), keys.wide(), settings.base(),
                        settings.step(), settings.wideStep(), settings.max()))
                .map(answer -> proofs.issue(subject(keys), answer.difficulty()));
    }

    /** Pays for a new identity with a solved puzzle of this network's, and issues it. */
    public Uni<Minted> mint(ProofOfWork.Solution proof, Networks.Network network) {
        MintKeys keys = keys(network);
        ProofOfWork.Verified verified = proofs.verify(subject(keys), proof);
        long now = clock.millis();
        long expiryMinute = verified.expiresAtMillis() / 60_000;
        return counters.mint(MintCall.pay(now, memoryMs, keys.home(), keys.wide(), settings.base(), settings.step(),
                        settings.wideStep(), settings.max(), verified.id(), (expiryMinute + 1) * 60_000,
                        verified.maxNumber()))
                .map(answer -> {
                    if (!Boolean.TRUE.equals(answer.minted())) {
                        Reason reason = Reason.valueOf(answer.reason());
                        throw reason == Reason.POW_STALE
                                ? reason.refusal(409, "This network minted identities since the puzzle was issued; "
                                + "ask for a new one (it now costs up to " + answer.difficulty() + ")")
                                : reason.refusal(403, "This proof of work was used already; solve a new challenge");
                    }
                    byte[] id = new byte[16];
                    RANDOM.nextBytes(id);
                    IdentityToken token = new IdentityToken(Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                            keys.home(), now);
                    return new Minted(token.sign(this.keys.get(0)), Instant.ofEpochMilli(now));
                });
    }

    /**
     * Who plays a request: the gateway's subscriber where one vouches (only passed in from a trusted proxy), else the
     * identity the client holds. Without either, a campaign with its guard off plays the network as one player; with
     * the guard on, that is a 401.
     */
    public Player resolve(String identity, String subscriber, Networks.Network network, boolean required) {
        if (subscriber != null && !subscriber.isBlank()) {
            String key = hashes.subscriber(subscriber.strip());
            return new Player(key, key, true);
        }
        if (identity == null || identity.isBlank()) {
            if (required) {
                throw Reason.IDENTITY_MISSING.refusal(401, "A player identity is required: mint one with "
                        + "POST /api/identities/challenges, then POST /api/identities");
            }
            String key = hashes.anonymous(network.narrow());
            return new Player(key, key, false);
        }
        Optional<IdentityToken> token = IdentityToken.verify(identity, keys);
        if (token.isEmpty()) {
            throw Reason.IDENTITY_INVALID.refusal(401, "This player identity was not issued here; mint a new one");
        }
        return new Player(hashes.player(token.get().id()), token.get().home(), false);
    }

    /** The name of the header an operator's gateway vouches with, if the deployment has one. */
    public Optional<String> gatewayHeader() {
        return settings.header().filter(h -> !h.isBlank());
    }

    /** Where a network's mints are counted: its home and its wide prefix, as keyed hashes. */
    private record MintKeys(String home, String wide) {
    }

    private MintKeys keys(Networks.Network network) {
        return new MintKeys(hashes.home(network.narrow()), hashes.home(network.wide()));
    }

    /** A mint puzzle names what it is for and the network (its home) it may be used on. */
    private static String subject(MintKeys keys) {
        return "purpose=identity&network=" + keys.home();
    }
}
