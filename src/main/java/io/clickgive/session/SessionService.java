package io.clickgive.session;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.ClientError;
import io.clickgive.common.RedisScripts;
import io.clickgive.common.ShardKeys;
import io.clickgive.guard.Admission;
import io.clickgive.totals.TotalsService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Grants 10-second sessions and counts their batches: one Redis script per request, no PostgreSQL, nothing blocking. */
@ApplicationScoped
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CampaignCatalog catalog;
    private final RedisScripts scripts;
    private final RedisScripts.Script grant;
    private final RedisScripts.Script batch;
    private final TotalsService totals;
    private final Players players;
    private final Admission admission;
    private final Clock clock;
    private final byte[] tokenKey;
    private final List<byte[]> acceptedKeys;
    private final int shards;
    private final MeterRegistry meters;
    private final long countdownMs;
    private final long graceMs;
    private final long retentionMs;

    public SessionService(CampaignCatalog catalog, RedisScripts scripts, TotalsService totals, Players players,
                          Clock clock, ClickgiveConfig config, MeterRegistry meters, Admission admission) {
        this.admission = admission;
        this.meters = meters;
        this.catalog = catalog;
        this.scripts = scripts;
        this.grant = scripts.script("grant");
        this.batch = scripts.script("batch");
        this.totals = totals;
        this.players = players;
        this.clock = clock;
        this.tokenKey = config.tokens().key().getBytes(StandardCharsets.UTF_8);
        this.acceptedKeys = java.util.stream.Stream.concat(java.util.stream.Stream.of(config.tokens().key()),
                        config.tokens().previousKey().stream())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.shards = config.counters().shards();
        this.countdownMs = config.counters().countdown().toMillis();
        this.graceMs = config.counters().grace().toMillis();
        this.retentionMs = config.counters().retention().toMillis();
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
        String address = admission.clientAddress(peer, forwardedFor);
        String player = players.player(request.fingerprint(), address, userAgent);
        int shard = ShardKeys.shardOf(player, shards);
        ShardKeys keys = new ShardKeys(campaign.id(), shard);
        long startsAt = now.toEpochMilli() + countdownMs;
        long endsAt = startsAt + campaign.sessionSeconds() * 1000L;
        SessionToken token = new SessionToken(newSessionId(), campaign.id(), shard, startsAt, endsAt,
                campaign.maxClicksPerSession(), region, player);
        long keepFor = endsAt - now.toEpochMilli() + graceMs + retentionMs;
        List<String> args = new java.util.ArrayList<>(List.of(Long.toString(keepFor), player));
        args.addAll(admission.playerLimit());
        return admission.admitNetwork(players.network(address))
                .chain(() -> scripts.run(grant, List.of(keys.session(token.sessionId()), keys.totals(), keys.players(),
                        keys.rate(player)), args))
                .map(wait -> {
                    if (wait.toLong() > 0) {
                        throw Admission.playerRefused(wait.toLong());
                    }
                    return new SessionGrant(token.sessionId(), token.sign(tokenKey), Instant.ofEpochMilli(startsAt),
                        Instant.ofEpochMilli(endsAt), token.maxClicks(), campaign.megabytesPerClick());
                });
    }

    public Uni<BatchResult> report(String sessionId, BatchReport report) {
        SessionToken token = SessionToken.verify(report.token(), acceptedKeys);
        long now = clock.millis();
        if (!token.sessionId().equals(sessionId)) {
            throw ClientError.unauthorized("The token belongs to another session");
        }
        if (now > token.endsAt() + graceMs + retentionMs) {
            throw ClientError.unauthorized("Session expired");
        }
        CampaignRules campaign = catalog.byId(token.campaignId());
        if (campaign == null) {
            throw ClientError.unauthorized("Invalid session token");
        }
        List<Integer> offsets = report.offsets();
        checkOffsets(offsets, token.endsAt() - token.startsAt());
        ShardKeys keys = new ShardKeys(token.campaignId(), token.shard());
        String first = offsets.isEmpty() ? "999999999" : offsets.get(0).toString();
        String last = offsets.isEmpty() ? "-1" : offsets.get(offsets.size() - 1).toString();
        List<String> args = List.of(report.seq().toString(), Integer.toString(offsets.size()), first, last,
                Long.toString(now), Long.toString(token.endsAt() + graceMs), Integer.toString(token.maxClicks()),
                sessionId, token.region(), token.player(), Long.toString(now / 60_000));
        return scripts.run(batch, List.of(keys.session(sessionId), keys.totals(), keys.minutes(), keys.ledger()), args)
                .map(response -> response.toString())
                .flatMap(answer -> {
                    if (answer.equals("GONE")) {
                        return Uni.createFrom().failure(ClientError.gone("Session " + sessionId + " is no longer known"));
                    }
                    boolean replayed = answer.startsWith("R");
                    String[] parts = (replayed ? answer.substring(1) : answer).split("\\|", -1);
                    int sessionClicks = Integer.parseInt(parts[3]);
                    if (!replayed) {
                        count(campaign, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]);
                    }
                    return totals.progress(campaign).map(progress -> new BatchResult(report.seq(),
                            Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2].isEmpty() ? null : parts[2],
                            sessionClicks, (long) sessionClicks * campaign.megabytesPerClick(), progress));
                });
    }

    /** Clicks by campaign and outcome, for Prometheus. */
    private void count(CampaignRules campaign, int accepted, int rejected, String reason) {
        if (accepted > 0) {
            meters.counter("clickgive.clicks", "campaign", campaign.slug(), "outcome", "accepted", "reason", "none")
                    .increment(accepted);
        }
        if (rejected > 0) {
            meters.counter("clickgive.clicks", "campaign", campaign.slug(), "outcome", "rejected", "reason", reason)
                    .increment(rejected);
        }
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
