package io.clickgive.session;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.ClientError;
import io.clickgive.common.Hmac;
import io.clickgive.common.RedisScripts;
import io.clickgive.common.ShardKeys;
import io.clickgive.guard.Admission;
import io.clickgive.guard.BatchShape;
import io.clickgive.guard.GuardSettings;
import io.clickgive.guard.LoadMeter;
import io.clickgive.guard.ProofOfWork;
import io.clickgive.guard.Reason;
import io.clickgive.guard.Rejections;
import io.clickgive.totals.CampaignProgress;
import io.clickgive.totals.TotalsService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grants 10-second sessions and counts their batches: one Redis script per request, no PostgreSQL, nothing blocking.
 * The guard's checks that need no state (token, proof of work, offsets) run here first; the rest run in the scripts.
 */
@ApplicationScoped
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who is asking, as the guard sees it. */
    private record Requester(String player, String network, ShardKeys keys) {
    }

    private final CampaignCatalog catalog;
    private final RedisScripts scripts;
    private final RedisScripts.Script grant;
    private final RedisScripts.Script batch;
    private final TotalsService totals;
    private final Players players;
    private final Admission admission;
    private final ProofOfWork proofs;
    private final Rejections rejections;
    private final LoadMeter load;
    private final Clock clock;
    private final Hmac tokenKey;
    private final List<Hmac> acceptedKeys;
    private final int shards;
    private final long countdownMs;
    private final long graceMs;
    private final long retentionMs;

    public SessionService(CampaignCatalog catalog, RedisScripts scripts, TotalsService totals, Players players,
                          Clock clock, ClickgiveConfig config, Admission admission, ProofOfWork proofs,
                          Rejections rejections, LoadMeter load) {
        this.catalog = catalog;
        this.scripts = scripts;
        this.grant = scripts.script("grant");
        this.batch = scripts.script("batch");
        this.totals = totals;
        this.players = players;
        this.admission = admission;
        this.proofs = proofs;
        this.rejections = rejections;
        this.load = load;
        this.clock = clock;
        this.acceptedKeys = Stream.concat(Stream.of(config.tokens().key()), config.tokens().previousKey().stream())
                .map(Hmac::new).toList();
        this.tokenKey = acceptedKeys.get(0);
        this.shards = config.counters().shards();
        this.countdownMs = config.counters().countdown().toMillis();
        this.graceMs = config.counters().grace().toMillis();
        this.retentionMs = config.counters().retention().toMillis();
    }

    /** A proof-of-work challenge for the player, harder the more it (or its network, or everyone) asks. */
    public ProofOfWork.Challenge challenge(String slug, ChallengeRequest request, String peer, String forwardedFor,
                                           String userAgent) {
        CampaignRules campaign = catalog.bySlug(slug);
        refuseUnlessOpen(campaign, clock.instant());
        return challenge(campaign, requester(campaign, request == null ? null : request.fingerprint(), peer,
                forwardedFor, userAgent));
    }

    private ProofOfWork.Challenge challenge(CampaignRules campaign, Requester requester) {
        return proofs.issue(campaign.id(), requester.player(),
                admission.difficulty(campaign.id(), campaign.guard(), requester.player(), requester.network()));
    }

    public Uni<SessionGrant> grant(String slug, SessionRequest request, String peer, String forwardedFor,
                                   String userAgent) {
        CampaignRules campaign = catalog.bySlug(slug);
        Instant now = clock.instant();
        refuseUnlessOpen(campaign, now);
        String region = request.region() == null ? "-" : request.region();
        if (request.region() != null && !catalog.isRegion(region)) {
            throw ClientError.badRequest("Unknown region " + region);
        }
        Requester requester = requester(campaign, request.fingerprint(), peer, forwardedFor, userAgent);
        GuardSettings guard = campaign.guard();
        String proofId = "-";
        long proofMinute = 0;
        if (guard.enabled()) {
            try {
                ProofOfWork.Verified proof = proofs.verify(campaign.id(), requester.player(), request.proof());
                proofId = proof.id();
                proofMinute = proof.expiresAtMillis() / 60_000;
            } catch (ClientError refused) {
                rejections.refused(campaign.slug(), campaign.id(), Reason.valueOf(refused.reason()));
                throw refused;
            }
        }
        long startsAt = now.toEpochMilli() + countdownMs;
        long endsAt = startsAt + campaign.sessionSeconds() * 1000L;
        SessionToken token = new SessionToken(newSessionId(), campaign.id(), requester.keys().shard(), startsAt, endsAt,
                campaign.maxClicksPerSession(), region, requester.player());
        List<String> args = new ArrayList<>(List.of(Long.toString(now.toEpochMilli()),
                Long.toString(endsAt - now.toEpochMilli() + graceMs + retentionMs), requester.player()));
        args.addAll(admission.grantArguments(guard));
        args.add(Long.toString((proofMinute + 1) * 60_000));
        args.add(proofId);
        ShardKeys keys = requester.keys();
        return scripts.run(grant, List.of(keys.session(token.sessionId()), keys.totals(), keys.players(),
                        keys.rate(requester.player()), keys.network(requester.network()), keys.proofs(proofMinute)), args)
                .map(response -> {
                    String answer = response.toString();
                    if (!answer.equals("OK")) {
                        int bar = answer.indexOf('|');
                        Reason reason = Reason.valueOf(answer.substring(0, bar));
                        rejections.refusedByScript(campaign.slug(), reason.name());
                        throw Admission.refusal(reason, Long.parseLong(answer.substring(bar + 1)));
                    }
                    load.granted(campaign.id());
                    // The next round's puzzle comes with this one: a player who plays again solves it meanwhile.
                    return new SessionGrant(token.sessionId(), token.sign(tokenKey), now, Instant.ofEpochMilli(startsAt),
                            Instant.ofEpochMilli(endsAt), token.maxClicks(), campaign.megabytesPerClick(),
                            guard.enabled() ? challenge(campaign, requester) : null);
                });
    }

    public Uni<BatchResult> report(String sessionId, BatchReport report) {
        report.check();
        SessionToken token = verify(report.token());
        long now = clock.millis();
        CampaignRules campaign = catalog.byId(token.campaignId());
        if (campaign == null) {
            rejections.refused(Rejections.UNKNOWN_CAMPAIGN, null, Reason.TOKEN_INVALID);
            throw ClientError.unauthorized("Invalid session token");
        }
        if (!token.sessionId().equals(sessionId)) {
            rejections.refused(campaign.slug(), campaign.id(), Reason.TOKEN_INVALID);
            throw ClientError.unauthorized("The token belongs to another session");
        }
        if (now > token.endsAt() + graceMs + retentionMs) {
            rejections.refused(campaign.slug(), campaign.id(), Reason.TOKEN_EXPIRED);
            throw ClientError.unauthorized("Session expired");
        }
        List<Integer> offsets = report.offsets();
        checkOffsets(offsets, token.endsAt() - token.startsAt());
        GuardSettings guard = campaign.guard();
        ShardKeys keys = new ShardKeys(token.campaignId(), token.shard());
        String first = offsets.isEmpty() ? "999999999" : offsets.get(0).toString();
        String last = offsets.isEmpty() ? "-1" : offsets.get(offsets.size() - 1).toString();
        List<String> args = new ArrayList<>(25);
        Collections.addAll(args, report.seq().toString(), Integer.toString(offsets.size()), first, last,
                Long.toString(now), Long.toString(token.endsAt() + graceMs), Integer.toString(token.maxClicks()),
                sessionId, token.region(), token.player(), Long.toString(now / 60_000), guard.enabled() ? "1" : "0");
        if (guard.enabled()) {
            args.add(offsets.stream().map(String::valueOf).collect(Collectors.joining(",")));
            args.addAll(campaign.inspection());
            args.addAll(BatchShape.of(offsets, guard.minIntervalMs()).arguments());
        }
        Uni<String> answer = scripts.run(batch, List.of(keys.session(sessionId), keys.totals(), keys.minutes(),
                keys.ledger()), args).map(response -> response.toString());
        CampaignProgress progress = totals.latestProgress(campaign);
        if (progress != null) {
            return answer.map(a -> result(campaign, sessionId, report.seq(), a, progress));
        }
        return answer.flatMap(a -> totals.progress(campaign).map(p -> result(campaign, sessionId, report.seq(), a, p)));
    }

    private BatchResult result(CampaignRules campaign, String sessionId, int seq, String answer,
                               CampaignProgress progress) {
        if (answer.equals("GONE")) {
            throw ClientError.gone("Session " + sessionId + " is no longer known");
        }
        boolean replayed = answer.startsWith("R");
        String[] parts = (replayed ? answer.substring(1) : answer).split("\\|", -1);
        int accepted = Integer.parseInt(parts[0]);
        int sessionClicks = Integer.parseInt(parts[3]);
        Map<String, Integer> byReason = new LinkedHashMap<>();
        String main = null;
        for (String part : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
            int colon = part.indexOf(':');
            int clicks = Integer.parseInt(part.substring(colon + 1));
            String reason = part.substring(0, colon);
            byReason.put(reason, clicks);
            if (main == null || clicks > byReason.get(main)) {
                main = reason;
            }
        }
        if (!replayed) {
            rejections.accepted(campaign.slug(), accepted);
            rejections.rejected(campaign.slug(), byReason);
        }
        return new BatchResult(seq, accepted, Integer.parseInt(parts[1]), main, byReason, sessionClicks,
                (long) sessionClicks * campaign.megabytesPerClick(), progress);
    }

    private SessionToken verify(String token) {
        try {
            return SessionToken.verify(token, acceptedKeys);
        } catch (ClientError e) {
            rejections.refused(Rejections.UNKNOWN_CAMPAIGN, null, Reason.TOKEN_INVALID);
            throw e;
        }
    }

    private Requester requester(CampaignRules campaign, String fingerprint, String peer, String forwardedFor,
                                String userAgent) {
        String address = admission.clientAddress(peer, forwardedFor);
        String player = players.player(fingerprint, address, userAgent);
        return new Requester(player, players.network(address),
                new ShardKeys(campaign.id(), ShardKeys.shardOf(player, shards)));
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
