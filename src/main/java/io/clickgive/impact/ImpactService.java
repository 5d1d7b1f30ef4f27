package io.clickgive.impact;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.common.Clocks;
import io.clickgive.identity.Identities;
import io.clickgive.ledger.PlayerHistory;
import io.clickgive.session.SessionService;
import io.clickgive.team.TeamService;
import io.clickgive.team.TeamView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * My impact: what a player gave, as the ledger recorded it for its identity, across campaigns, with its team in each;
 * and the erasure of that history. The identity is the player's only key: without an account, nothing else links a
 * person to its gifts, and erasing unlinks them (the gifts stay in the ledger).
 */
@ApplicationScoped
public class ImpactService {

    private final SessionService sessions;
    private final PlayerHistory history;
    private final TeamService teams;
    private final CampaignCatalog catalog;
    private final Clock clock;

    public ImpactService(SessionService sessions, PlayerHistory history, TeamService teams, CampaignCatalog catalog,
                         Clock clock) {
        this.sessions = sessions;
        this.history = history;
        this.teams = teams;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Impact of(SessionService.Caller caller) {
        Identities.Player player = sessions.player(caller);
        PlayerHistory.Story story = history.of(player.key());
        List<Impact.InCampaign> campaigns = new ArrayList<>();
        long rounds = 0;
        long clicks = 0;
        long megabytes = 0;
        long best = 0;
        for (PlayerHistory.InCampaign gave : story.campaigns()) {
            CampaignRules campaign = catalog.byId(gave.campaignId());
            if (campaign == null || campaign.status() == CampaignStatus.DRAFT) {
                continue;
            }
            TeamView team = teams.teamOf(campaign, player.key());
            campaigns.add(new Impact.InCampaign(campaign.slug(), campaign.names(), gave.rounds(), gave.clicks(),
                    gave.megabytes(), gave.bestRound(), team == null ? null
                    : new Impact.Team(team.code(), team.name(), team.rank())));
            rounds += gave.rounds();
            clicks += gave.clicks();
            megabytes += gave.megabytes();
            best = Math.max(best, gave.bestRound());
        }
        // A team joined in a campaign the player has not played yet is part of its story too.
        for (CampaignRules campaign : catalog.all()) {
            if (campaign.status() != CampaignStatus.DRAFT
                    && campaigns.stream().noneMatch(c -> c.slug().equals(campaign.slug()))) {
                TeamView team = teams.teamOf(campaign, player.key());
                if (team != null) {
                    campaigns.add(new Impact.InCampaign(campaign.slug(), campaign.names(), 0, 0, 0, 0,
                            new Impact.Team(team.code(), team.name(), team.rank())));
                }
            }
        }
        campaigns.sort(Comparator.comparing(Impact.InCampaign::slug));
        return new Impact(rounds, clicks, megabytes, best, daysInARow(story.days(), LocalDate.now(clock.withZone(Clocks.MOROCCO))),
                campaigns);
    }

    /** Forgets the player: its rows in the ledger no longer name it, and it leaves every team. */
    public int erase(SessionService.Caller caller) {
        Identities.Player player = sessions.player(caller);
        teams.forget(player);
        return history.erase(player.key());
    }

    /**
     * Days in a row the player gave on, up to today: a run that ended yesterday still counts (today is not over), one
     * that ended before is over (0).
     */
    static int daysInARow(List<LocalDate> newestFirst, LocalDate today) {
        if (newestFirst.isEmpty() || newestFirst.get(0).isBefore(today.minusDays(1))) {
            return 0;
        }
        int run = 1;
        for (int i = 1; i < newestFirst.size(); i++) {
            if (!newestFirst.get(i).equals(newestFirst.get(i - 1).minusDays(1))) {
                break;
            }
            run++;
        }
        return run;
    }
}
