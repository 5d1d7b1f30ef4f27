package io.clickgive.team;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.counters.TeamCounters;
import io.clickgive.identity.Identities;
import io.clickgive.session.SessionService;
import io.clickgive.web.ClientError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teams for players: create, join by the invite link, leave, see a team and the leaderboards. Membership lives in
 * PostgreSQL ({@link TeamStore}); after each change commits, the player's hash in Redis gets the team, so the click
 * path reads it in its one grant script and writes it into each ledger entry. The counts follow the ledger
 * ({@code team_sum}, kept by triggers), so the boards are index reads, kept a moment here for every instance's crowd.
 */
@ApplicationScoped
public class TeamService {

    /** How long a board or a team's figures are kept before the next read: the page refreshes no faster. */
    static final Duration FRESH = Duration.ofSeconds(2);
    private static final int KEPT = 2_000;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BOARD = Resources.sql("team/board");
    private static final String BOARD_REGION = Resources.sql("team/board-region");
    private static final String LIST = Resources.sql("team/list");
    private static final String CAMPAIGN_MEGABYTES = Resources.sql("team/campaign-megabytes");

    private final CampaignCatalog catalog;
    private final SessionService sessions;
    private final TeamStore store;
    private final TeamCounters counters;
    private final Clock clock;
    private final Map<String, Kept<?>> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept<?>> eldest) {
            return size() > KEPT;
        }
    };

    private record Kept<T>(T value, Instant readAt) {
    }

    /** A team as its managers see it. */
    public record Managed(long id, String code, String name, String region, Instant createdAt, Instant hiddenAt,
                          String hiddenReason, long clicks, long megabytes, long rounds, long members) {
    }

    public TeamService(CampaignCatalog catalog, SessionService sessions, TeamStore store, TeamCounters counters,
                       Clock clock) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.store = store;
        this.counters = counters;
        this.clock = clock;
    }

    /** A player creates a team and is its first member. */
    public TeamView create(String slug, TeamDraft draft, SessionService.Caller caller) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        String name = TeamNames.tidy(draft == null ? null : draft.name());
        List<String> problems = new ArrayList<>(TeamNames.problems(name));
        String region = draft == null ? null : draft.region();
        if (region == null || !catalog.isRegion(region)) {
            problems.add("region: choose the team's region");
        }
        if (!problems.isEmpty()) {
            throw ClientError.badRequest("The team cannot be created as it is", problems);
        }
        SessionService.Playing playing = sessions.playing(campaign, caller);
        Team team = unique(() -> store.create(campaign, name, region, playing.player(), newCode(), clock.instant()));
        counters.join(playing.keys(), playing.player(), team.id, playing.memoryMs());
        return view(campaign, team);
    }

    /** A player joins the team of the invite link: from its next round, its clicks count for the team. */
    public TeamView join(String slug, String code, SessionService.Caller caller) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        SessionService.Playing playing = sessions.playing(campaign, caller);
        Team team = unique(() -> store.join(campaign, code, playing.player(), clock.instant()));
        counters.join(playing.keys(), playing.player(), team.id, playing.memoryMs());
        return view(campaign, team);
    }

    /** A player leaves its team; its clicks so far stay the team's. Leaving no team is no error. */
    public void leave(String slug, SessionService.Caller caller) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        SessionService.Playing playing = sessions.playing(campaign, caller);
        store.leave(campaign, playing.player(), clock.instant());
        counters.leave(playing.keys(), playing.player());
    }

    /**
     * The player's team in the campaign. Also puts the membership back into Redis if Redis lost it (a restart without
     * persistence): the page asks this on every load, so a member's next round counts for its team again.
     */
    public Membership mine(String slug, SessionService.Caller caller) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        SessionService.Playing playing = sessions.playing(campaign, caller);
        Team team = store.memberOf(campaign, playing.player());
        Long inRedis = counters.team(playing.keys(), playing.player());
        if (team == null && inRedis != null) {
            counters.leave(playing.keys(), playing.player());
        } else if (team != null && !team.id.equals(inRedis)) {
            counters.join(playing.keys(), playing.player(), team.id, playing.memoryMs());
        }
        return new Membership(campaign.slug(), team == null || team.hidden() ? null : view(campaign, team));
    }

    /** The team a player is in, in a campaign, with its rank; null when none, or hidden. */
    public TeamView teamOf(CampaignRules campaign, String player) {
        Team team = store.memberOf(campaign, player);
        return team == null || team.hidden() ? null : view(campaign, team);
    }

    /**
     * Forgets the player in every team (part of erasing its history): PostgreSQL first, then each campaign's copy in
     * Redis, so its next rounds count for no team.
     */
    public void forget(Identities.Player player) {
        for (long campaign : store.forget(player.key())) {
            counters.leave(sessions.shardOf(campaign, player), player.key());
        }
        forget();
    }

    /** A team's page: a hidden team, or one of another campaign, is unknown (404). */
    public TeamView team(String slug, String code) {
        CampaignRules campaign = catalog.publicBySlug(slug);
        return kept("t|" + code, () -> {
            Team team = QuarkusTransaction.joiningExisting().call(() -> Team.byCode(code));
            if (team == null || team.campaignId != campaign.id() || team.hidden()) {
                throw ClientError.notFound("No team " + code + " in campaign '" + slug + "'");
            }
            return view(campaign, team);
        });
    }

    /** The campaign's leading teams, overall (region null) or in a region. */
    public List<BoardEntry> board(String slug, String region, int size) {
        return board(catalog.publicBySlug(slug), region, size);
    }

    /** The leading teams of any campaign, drafts too: for its managers. */
    public List<BoardEntry> leading(String slug, int size) {
        return board(catalog.bySlug(slug), null, size);
    }

    private List<BoardEntry> board(CampaignRules campaign, String region, int size) {
        if (region != null && !catalog.isRegion(region)) {
            throw ClientError.badRequest("Unknown region " + region);
        }
        int limit = Math.max(1, Math.min(size, 50));
        return kept("b|" + campaign.id() + "|" + region + "|" + limit, () -> QuarkusTransaction.joiningExisting().call(() -> {
            var rows = region == null ? Rows.list(BOARD, campaign.id(), limit)
                    : Rows.list(BOARD_REGION, campaign.id(), region, limit);
            List<BoardEntry> board = new ArrayList<>();
            for (var row : rows) {
                board.add(new BoardEntry(board.size() + 1, Rows.text(row, "code"), Rows.text(row, "name"),
                        Rows.text(row, "region_code"), Rows.number(row, "units"), Rows.number(row, "megabytes"),
                        Rows.number(row, "members")));
            }
            return List.copyOf(board);
        }));
    }

    /** Every team of a campaign, hidden ones too, for its managers. */
    public List<Managed> all(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        return QuarkusTransaction.joiningExisting().call(() -> Rows.list(LIST, campaign.id()).stream()
                .map(row -> new Managed(Rows.number(row, "id"), Rows.text(row, "code"), Rows.text(row, "name"),
                        Rows.text(row, "region_code"), Rows.instant(row, "created_at"),
                        row.get("hidden_at") == null ? null : Rows.instant(row, "hidden_at"),
                        Rows.text(row, "hidden_reason"), Rows.number(row, "units"), Rows.number(row, "megabytes"),
                        Rows.number(row, "rounds"), Rows.number(row, "members")))
                .toList());
    }

    /** The campaign's counted megabytes, as the teams' sums count them (the ledger): what a team's share is of. */
    public long campaignMegabytes(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        return QuarkusTransaction.joiningExisting().call(() -> Rows.number(Rows.single(CAMPAIGN_MEGABYTES, campaign.id()),
                "megabytes"));
    }

    public void hide(long teamId, String reason, String actor) {
        store.hide(teamId, reason, actor, clock.instant());
        forget();
    }

    public void show(long teamId, String actor) {
        store.show(teamId, actor, clock.instant());
        forget();
    }

    /** The steps of a team, for its managers. */
    public List<TeamEvent> events(long teamId) {
        return QuarkusTransaction.joiningExisting().call(() -> TeamEvent.of(teamId));
    }

    private TeamView view(CampaignRules campaign, Team team) {
        TeamStore.Sums sums = store.sums(team.id);
        return new TeamView(team.code, campaign.slug(), team.name, team.regionCode,
                "/c/" + campaign.slug() + "/t/" + team.code, sums.clicks(), sums.megabytes(), sums.rounds(),
                sums.members(), sums.rank());
    }

    /** A unique key lost to a concurrent request is the same refusal as the check that came too early to see it. */
    private static Team unique(java.util.function.Supplier<Team> change) {
        try {
            return change.get();
        } catch (PersistenceException e) {
            String text = String.valueOf(e.getCause()) + e.getMessage();
            if (text.contains("team_name_taken")) {
                throw ClientError.conflict("This name was just taken in this campaign; choose another");
            }
            if (text.contains("team_one_per_creator") || text.contains("team_member_pkey")) {
                throw ClientError.conflict("You joined or created a team of this campaign a moment ago; one team per player");
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T kept(String key, java.util.function.Supplier<T> read) {
        Instant now = clock.instant();
        synchronized (kept) {
            Kept<?> k = kept.get(key);
            if (k != null && now.isBefore(k.readAt().plus(FRESH)) && !now.isBefore(k.readAt())) {
                return (T) k.value();
            }
        }
        T value = read.get();
        synchronized (kept) {
            kept.put(key, new Kept<>(value, now));
        }
        return value;
    }

    private void forget() {
        synchronized (kept) {
            kept.clear();
        }
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
