package io.clickgive.call;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.MintCounters;
import io.clickgive.counters.MintCounters.MintAnswer;
import io.clickgive.counters.MintCounters.MintCall;
import io.clickgive.guard.Networks;
import io.clickgive.guard.ProofOfWork;
import io.clickgive.identity.KeyedHashes;
import io.clickgive.web.ClientError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * What an application costs a network, as the game's identities do: a proof of work that doubles with every couple
 * of applications the network (and, more slowly, its wide prefix) sent recently, and a hard limit on both, past which
 * a 429 says when to come back. The counts decay (one memory, 24 h by default); one Redis call prices a challenge,
 * one pays for an application (mint.lua under its own keys). Design: docs/calls.md.
 */
@ApplicationScoped
public class ApplicationGate {

    private final KeyedHashes hashes;
    private final ProofOfWork proofs;
    private final MintCounters counters;
    private final Clock clock;
    private final ClickgiveConfig.Calls settings;

    public ApplicationGate(KeyedHashes hashes, ProofOfWork proofs, MintCounters counters, Clock clock,
                           ClickgiveConfig config) {
        this.hashes = hashes;
        this.proofs = proofs;
        this.counters = counters;
        this.clock = clock;
        this.settings = config.calls();
    }

    /** The puzzle an application to this campaign's call costs this network now; a 429 past the limit. */
    public Uni<ProofOfWork.Challenge> challenge(long campaignId, Networks.Network network) {
        String home = hashes.home(network.narrow());
        String wide = hashes.home(network.wide());
        return counters.mint(MintCounters.Purpose.APPLICATION, call(home, wide, false, null))
                .map(answer -> proofs.issue(subject(campaignId, home), refuseIfLimited(answer).difficulty()));
    }

    /** Pays for one application with a solved puzzle: checked, used once, counted against the network. */
    public Uni<Void> pay(long campaignId, ProofOfWork.Solution proof, Networks.Network network) {
        String home = hashes.home(network.narrow());
        String wide = hashes.home(network.wide());
        ProofOfWork.Verified verified = proofs.verify(subject(campaignId, home), proof);
        return counters.mint(MintCounters.Purpose.APPLICATION, call(home, wide, true, verified))
                .map(answer -> {
                    refuseIfLimited(answer);
                    if (!Boolean.TRUE.equals(answer.minted())) {
                        throw "POW_STALE".equals(answer.reason())
                                ? ClientError.conflict("This network sent applications since the puzzle was "
                                + "issued; ask for a new one")
                                : ClientError.forbidden("This proof of work was used already; solve a new challenge");
                    }
                    return null;
                });
    }

    private MintCall call(String home, String wide, boolean take, ProofOfWork.Verified verified) {
        long now = clock.millis();
        long memory = settings.memory().toMillis();
        MintCall call = take
                ? MintCall.pay(now, memory, home, wide, settings.base(), settings.step(), settings.wideStep(),
                settings.max(), verified.id(), (verified.expiresAtMillis() / 60_000 + 1) * 60_000, verified.maxNumber())
                : MintCall.price(now, memory, home, wide, settings.base(), settings.step(), settings.wideStep(),
                settings.max());
        return call.limited(settings.limit(), settings.wideLimit());
    }

    private static MintAnswer refuseIfLimited(MintAnswer answer) {
        if (answer.limited()) {
            long hours = Math.max(1, (answer.retryMs() + 3_599_999) / 3_600_000);
            throw ClientError.tooManyRequests("WAIT", "APPLICATION_RATE", "This network has sent as many "
                    + "applications as it may for now; try again in " + hours + " h", answer.retryMs());
        }
        return answer;
    }

    /** An application's puzzle names what it is for, the campaign and the network (its home) it may be used on. */
    private static String subject(long campaignId, String home) {
        return "purpose=application&campaign=" + campaignId + "&network=" + home;
    }
}
