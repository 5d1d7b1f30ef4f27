package io.clickgive.console;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.MatchingHours;
import io.clickgive.sponsor.PurseView;
import io.clickgive.sponsor.Purses;
import io.clickgive.team.TeamService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * What the dashboard shows of players and sponsors: the leading teams with their share of the total, the sponsor's
 * purse (spent, left, pace, when it runs out at that pace) and the matching hours.
 */
@ApplicationScoped
public class DashboardPlayers {

    /** The dashboard's part: teams, purse, windows. */
    public record Panel(List<CampaignTeamPages.Share> teams, PurseView purse, List<MatchingHours.View> windows) {
    }

    private final TeamService teams;
    private final Purses purses;
    private final MatchingHours matching;
    private final CampaignCatalog catalog;

    public DashboardPlayers(TeamService teams, Purses purses, MatchingHours matching, CampaignCatalog catalog) {
        this.teams = teams;
        this.purses = purses;
        this.matching = matching;
        this.catalog = catalog;
    }

    public Panel of(String slug) {
        return new Panel(CampaignTeamPages.shares(teams.leading(slug, 5), teams.campaignMegabytes(slug)),
                purses.view(catalog.bySlug(slug)), matching.list(slug));
    }
}
