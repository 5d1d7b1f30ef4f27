package io.clickgive.team;

import io.clickgive.campaign.CampaignRules;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's teams and their members, made as players make them (the same checks and events) but for the demo's
 * player keys, which have no identity to resolve. Built into dev and test only: the demo's one door into teams.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class DemoTeams {

    /** A team of the demo: the name, the region, and its players (the first created it). */
    public record Seed(String name, String region, List<String> players) {
    }

    private final TeamStore store;
    private final Clock clock;

    public DemoTeams(TeamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Makes the teams that are missing and their memberships; answers each player's team. Twice changes nothing. */
    public Map<String, Long> build(CampaignRules campaign, List<Seed> seeds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> teamOf = new HashMap<>();
            for (Seed seed : seeds) {
                Team team = Team.find("campaignId = ?1 and nameKey = ?2", campaign.id(),
                        io.clickgive.common.NameKeys.of(seed.name())).firstResult();
                if (team == null) {
                    team = store.create(campaign, seed.name(), seed.region(), seed.players().get(0),
                            "demo" + String.format("%04d", seeds.indexOf(seed)), clock.instant());
                }
                for (String player : seed.players()) {
                    store.join(campaign, team.code, player, clock.instant());
                    teamOf.put(player, team.id);
                }
            }
            return teamOf;
        });
    }
}
