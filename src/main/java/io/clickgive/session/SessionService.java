package io.clickgive.session;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.crypto.Keys;
import io.clickgive.counters.BatchAnswer;
import io.clickgive.counters.BatchCall;
import io.clickgive.counters.BatchShape;
import io.clickgive.counters.GrantAnswer;
import io.clickgive.counters.GrantCall;
import io.clickgive.counters.SessionCounters;
import io.clickgive.sponsor.Purses;
import io.clickgive.counters.ShardKeys;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.web.ClientError;
import io.clickgive.crypto.Hmac;
import io.clickgive.guard.Admission;
import io.clickgive.guard.GuardSettings;
import io.clickgive.guard.LoadMeter;
import io.clickgive.guard.Networks;
import io.clickgive.identity.Identities;
import io.clickgive.identity.KeyedHashes;
import io.clickgive.ledger.LoadShedding;
import io.clickgive.guard.ProofOfWork;
import io.clickgive.guard.Reason;
import io.clickgive.guard.Outcomes;
import io.clickgive.guard.PlayerCalls;
import io.clickgive.totals.CampaignProgress;
import io.clickgive.totals.TotalsService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grants 10-second sessions and counts their batches: one Redis script per request, no PostgreSQL, nothing blocking.
 * The guard's checks that need no state (token, proof of work, offsets) run here first; the rest run in the scripts.
 */
@ApplicationScoped
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a player's rounds towards being established are remembered: a month of Ramadan and more. */
    static final long PLAYER_MEMORY_MS = Duration.ofDays(40).toMillis();

    /** Who is asking, as the guard sees it: the player and the keyed hashes of its networks of the day. */
    private record Requester(Identities.Player player, String network, String wide, ShardKeys keys) {
    }

    /** What the request said about who is asking, before anything is believed. */
    public record Caller(String identity, String peer, String forwardedFor, String subscriber) {
    }

    // While the ledger catches up, a player's page asks again this much later.
    private static final long SHED_RETRY_SECONDS = 30;

    private final CampaignCatalog catalog;
    private final SessionCounters counters;
    private final TotalsService totals;
    private final KeyedHashes hashes;
    private final Identities identities;
    private final Admission admission;
    private final ProofOfWork proofs;
    private final Outcomes outcomes;
    private final LoadMeter load;
    private final LoadShedding shedding;
    private final Purses purses;
    private final PurseBatches batches;
    private final PlayerCalls playerCalls;
    private final Clock clock;
    private final Hmac tokenKey;
    private final List<Hmac> acceptedKeys;
    private final int shards;
    private final long countdownMs;
    private final long graceMs;
    private final long retentionMs;
    private final ScriptConstants constants;

    public SessionService(CampaignCatalog catalog, SessionCounters counters, TotalsService totals, KeyedHashes hashes,
                          Identities identities, Clock clock, ClickgiveConfig config, Admission admission,
                          ProofOfWork proofs, Outcomes outcomes, LoadMeter load, Keys keys, LoadShedding shedding,
                          Purses purses, PurseBatches batches, PlayerCalls playerCalls) {
        this.purses = purses;
        this.playerCalls = playerCalls;
        this.batches = batches;
        this.catalog = catalog;
        this.counters = counters;
        this.totals = totals;
        this.hashes = hashes;
        this.identities = identities;
        this.admission = admission;
        this.proofs = proofs;
        this.outcomes = outcomes;
        this.load = load;
        this.shedding = shedding;
        this.clock = clock;
        this.acceptedKeys = keys.believed(Keys.Purpose.SESSION_TOKEN);
        this.tokenKey = acceptedKeys.get(0);
        this.shards = config.counters().shards();
        this.countdownMs = config.counters().countdown().toMillis();
        this.graceMs = config.counters().grace().toMillis();
        this.retentionMs = config.counters().retention().toMillis();
        this.constants = new ScriptConstants(shards, PLAYER_MEMORY_MS);
    }

    /** Who a caller plays as in a campaign, and where its player hash lives (its team rides there). */
    public record Playing(String player, ShardKeys keys, long memoryMs) {
    }

    /**
     * The player a request speaks for, checked as a session start checks it (a forged identity is a 401), for one of
     * its own calls (its teams): spent from its budget of them (a 429 past it).
     */
    public Playing playing(CampaignRules campaign, Caller caller) {
        Requester requester = requester(campaign, caller);
        playerCalls.spend(requester.player().key());
        return new Playing(requester.player().key(), requester.keys(), PLAYER_MEMORY_MS);
    }

    /**
     * The player a request speaks for across campaigns (its own story, its erasure): an identity, or the gateway's
     * subscriber, is required; a forged one is a 401. Spent from its budget of its own calls, as {@link #playing}.
     */
    public Identities.Player player(Caller caller) {
        Networks.Network network = admission.network(caller.peer(), caller.forwardedFor());
        Identities.Player player = identities.resolve(caller.identity(),
                admission.fromProxy(caller.peer(), caller.subscriber()), network, true);
        playerCalls.spend(player.key());
        return player;
    }

    /** Where a player's hash lives in a campaign: the shard of its home. */
    public ShardKeys shardOf(long campaignId, Identities.Player player) {
        return new ShardKeys(campaignId, ShardKeys.shardOf(player.home(), shards));
    }

    /** A proof-of-work challenge for the player, harder the more it (or its network, or everyone) asks. */
    public ProofOfWork.Challenge challenge(String slug, Caller caller) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        refuseUnlessOpen(campaign, clock.instant());
        return challenge(campaign, requester(campaign, caller));
    }

    private ProofOfWork.Challenge challenge(CampaignRules campaign, Requester requester) {
        return proofs.issue(campaign.id(), requester.player().key(),
                admission.difficulty(campaign.id(), campaign.guard(), requester.player().key(), requester.network()));
    }

    public Uni<SessionGrant> grant(String slug, SessionRequest request, Caller caller) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        Instant now = clock.instant();
        refuseUnlessOpen(campaign, now);
        if (shedding.shedding()) {
            throw ClientError.unavailable("So many clicks are waiting for the ledger that new rounds pause for a moment; "
                    + "rounds in play keep counting", SHED_RETRY_SECONDS);
        }
        if (purses.spent(campaign)) {
            throw ClientError.refused(409, Reason.Word.PURSE.name(), "PURSE_SPENT", "The sponsor's purse for '"
                    + campaign.slug() + "' is spent: every megabyte it promised was given. Thank you for playing!");
        }
        String region = request.region() == null ? "-" : request.region();
        if (request.region() != null && !catalog.isRegion(region)) {
            throw ClientError.badRequest("Unknown region " + region);
        }
        Requester requester = requester(campaign, caller);
        GuardSettings guard = campaign.guard();
        Long proofId = null;
        long proofMinute = 0;
        // An established player needs no proof (the grant script decides who is): its mint paid for the identity and
        // the player limit bounds its sessions; a proof sent anyway is checked and used up as any other.
        if (guard.enabled() && request.proof() != null) {
            try {
                ProofOfWork.Verified proof = proofs.verify(campaign.id(), requester.player().key(), request.proof());
                proofId = proof.id();
                proofMinute = proof.expiresAtMillis() / 60_000;
            } catch (ClientError refused) {
                outcomes.refused(campaign.slug(), campaign.id(), Reason.valueOf(refused.code()));
                throw refused;
            }
        }
        long startsAt = now.toEpochMilli() + countdownMs;
        long endsAt = startsAt + campaign.sessionSeconds() * 1000L;
        String player = requester.player().key();
        SessionToken token = new SessionToken(newSessionId(), campaign.id(), requester.keys().shard(), startsAt, endsAt,
                campaign.maxClicksPerSession(), region, player, requester.network(), 0);
        ShardKeys keys = requester.keys();
        GrantCall call = new GrantCall(now.toEpochMilli(), endsAt - now.toEpochMilli() + graceMs + retentionMs, player,
                guard.enabled(), proofId, (proofMinute + 1) * 60_000, requester.player().vouched(),
                constants.of(campaign).limits());
        SessionCounters.Grantee grantee = new SessionCounters.Grantee(player, requester.network(), requester.wide(),
                requester.player().home());
        return counters.grant(keys, token.sessionId(), grantee, call)
                .map(answer -> {
                    if (!answer.granted()) {
                        Reason reason = Reason.valueOf(answer.reason());
                        outcomes.refusedByScript(campaign.slug(), reason.name());
                        throw Admission.refusal(reason, answer.waitMs() == null ? 0 : answer.waitMs());
                    }
                    load.granted(campaign.id());
                    // The next round's puzzle comes with this one, so a player who plays again solves it meanwhile;
                    // none for an established player, whose next session needs none.
                    boolean puzzle = guard.enabled() && !Boolean.TRUE.equals(answer.established());
                    return new SessionGrant(token.sessionId(), token.withTeam(answer.team()).sign(tokenKey), now, Instant.ofEpochMilli(startsAt),
                            Instant.ofEpochMilli(endsAt), Instant.ofEpochMilli(endsAt + graceMs), token.maxClicks(),
                            campaign.megabytesPerClick(), puzzle ? challenge(campaign, requester) : null);
                });
    }

    public Uni<BatchResult> report(String sessionId, BatchReport report) {
        report.check();
        SessionToken token = verify(report.token());
        long now = clock.millis();
        CampaignRules campaign = catalog.byId(token.campaignId());
        if (campaign == null) {
            outcomes.refused(Outcomes.UNKNOWN_CAMPAIGN, null, Reason.TOKEN_INVALID);
            throw Reason.TOKEN_INVALID.refusal(401, "Invalid session token");
        }
        if (!token.sessionId().equals(sessionId)) {
            outcomes.refused(campaign.slug(), campaign.id(), Reason.TOKEN_INVALID);
            throw Reason.TOKEN_INVALID.refusal(401, "The token belongs to another session");
        }
        if (now > token.endsAt() + graceMs + retentionMs) {
            outcomes.refused(campaign.slug(), campaign.id(), Reason.TOKEN_EXPIRED);
            throw Reason.TOKEN_EXPIRED.refusal(401, "Session expired");
        }
        List<Integer> offsets = report.offsets();
        checkOffsets(offsets, token.endsAt() - token.startsAt());
        GuardSettings guard = campaign.guard();
        ShardKeys keys = new ShardKeys(token.campaignId(), token.shard());
        boolean inspect = guard.enabled();
        // The matching hour on when the batch is counted sets its clicks' worth (the catalog has every window a
        // minute before it starts).
        int rate = campaign.rateAt(Instant.ofEpochMilli(now));
        int worth = campaign.worthAt(Instant.ofEpochMilli(now));
        BatchCall call = new BatchCall(report.seq(), offsets.size(), offsets.isEmpty() ? 999_999_999 : offsets.get(0),
                offsets.isEmpty() ? -1 : offsets.get(offsets.size() - 1), now, token.endsAt() + graceMs,
                now - token.startsAt(), guard.futureToleranceMs(), token.maxClicks(), sessionId, token.region(), token.player(),
                token.network(), token.team(), rate, worth - campaign.megabytesPerClick(), campaign.hasPurse(), worth,
                false, now / 60_000, inspect, inspect ? offsets : null, inspect ? constants.of(campaign).inspection() : null,
                inspect ? BatchShape.of(offsets, guard.minIntervalMs()) : null);
        Uni<BatchAnswer> answer = batches.count(keys, call, (long) offsets.size() * worth, campaign);
        CampaignProgress progress = totals.latestProgress(campaign);
        if (progress != null) {
            return answer.map(a -> result(campaign, sessionId, report.seq(), a, progress));
        }
        return answer.flatMap(a -> totals.progress(campaign).map(p -> result(campaign, sessionId, report.seq(), a, p)));
    }

    /** The public answer: counts by the reasons' words, the reason codes counted for managers. */
    private BatchResult result(CampaignRules campaign, String sessionId, int seq, BatchAnswer answer,
                               CampaignProgress progress) {
        if (answer.gone()) {
            throw ClientError.gone("Session " + sessionId + " is no longer known");
        }
        BatchAnswer.Counted counted = answer.answer();
        if (!answer.replayed()) {
            outcomes.accepted(campaign.slug(), counted.accepted());
            outcomes.rejected(campaign.slug(), counted.rejections());
        }
        Map<String, Integer> byWord = new TreeMap<>();
        counted.rejections().forEach((code, clicks) -> byWord.merge(Reason.wordOf(code), clicks, Integer::sum));
        String main = null;
        for (Map.Entry<String, Integer> entry : byWord.entrySet()) {
            if (main == null || entry.getValue() > byWord.get(main)) {
                main = entry.getKey();
            }
        }
        return new BatchResult(seq, counted.accepted(), counted.rejected(), main, byWord, counted.sessionClicks(),
                (long) counted.sessionClicks() * campaign.megabytesPerClick() + counted.sessionExtra(), progress);
    }

    private SessionToken verify(String token) {
        try {
            return SessionToken.verify(token, acceptedKeys);
        } catch (ClientError e) {
            outcomes.refused(Outcomes.UNKNOWN_CAMPAIGN, null, Reason.TOKEN_INVALID);
            throw Reason.TOKEN_INVALID.refusal(401, e.getMessage());
        }
    }

    private Requester requester(CampaignRules campaign, Caller caller) {
        Networks.Network network = admission.network(caller.peer(), caller.forwardedFor());
        Identities.Player player;
        try {
            player = identities.resolve(caller.identity(), admission.fromProxy(caller.peer(), caller.subscriber()),
                    network, campaign.guard().enabled());
        } catch (ClientError refused) {
            outcomes.refused(campaign.slug(), campaign.id(), Reason.valueOf(refused.code()));
            throw refused;
        }
        return new Requester(player, hashes.network(network.narrow()), hashes.network(network.wide()),
                new ShardKeys(campaign.id(), ShardKeys.shardOf(player.home(), shards)));
    }

    private static void refuseUnlessOpen(CampaignRules campaign, Instant now) {
        if (campaign.status() != CampaignStatus.LIVE) {
            throw ClientError.conflict("Campaign '" + campaign.slug() + "' is " + campaign.status().name().toLowerCase()
                    + "; sessions are granted only while it is live");
        }
        if (now.isBefore(campaign.opensAt())) {
            throw ClientError.conflict("Campaign '" + campaign.slug() + "' opens at " + campaign.opensAt());
        }
        if (!campaign.isOpenAt(now)) {
            throw ClientError.conflict("Campaign '" + campaign.slug() + "' closed at " + campaign.closesAt());
        }
    }

    /** Offsets must be real clicks of this session: in its window, in order. */
    private static void checkOffsets(List<Integer> offsets, long sessionMs) {
        long previous = -1;
        for (int i = 0; i < offsets.size(); i++) {
            int offset = offsets.get(i);
            if (offset < 0 || offset > sessionMs) {
                throw ClientError.badRequest("offsets[" + i + "] = " + offset + " lies outside the session (0.." + sessionMs + " ms)");
            }
            if (offset <= previous) {
                throw ClientError.badRequest("offsets[" + i + "] = " + offset + " does not come after " + previous
                        + "; offsets must be strictly increasing");
            }
            previous = offset;
        }
    }

    private static String newSessionId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
