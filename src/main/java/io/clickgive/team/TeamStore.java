package io.clickgive.team;

import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Teams and their members in PostgreSQL, each change in one transaction with its event. The unique keys (a name per
 * campaign, a team per creator, a membership per player) hold across instances; {@link TeamService} turns a race lost
 * on one of them into the same 409 as the check here.
 */
@ApplicationScoped
class TeamStore {

    private static final String SUM_OPEN = Resources.sql("team/sum-open");
    private static final String MEMBER_OF = Resources.sql("team/member-of");
    private static final String JOIN = Resources.sql("team/join");
    private static final String LEAVE = Resources.sql("team/leave");
    private static final String MEMBERS_ADD = Resources.sql("team/members-add");
    private static final String MEMBER_EVENT = Resources.sql("team/member-event");
    private static final String JOINS_SINCE = Resources.sql("team/joins-since");
    private static final String ONE = Resources.sql("team/one");
    private static final String ERASE_MEMBERSHIPS = Resources.sql("team/erase-memberships");
    private static final String ERASE_MEMBER_EVENTS = Resources.sql("team/erase-member-events");
    private static final String ERASE_CREATOR = Resources.sql("team/erase-creator");

    /** A player may join this many teams of a campaign a day: enough to fix a mistake, too few to churn the boards. */
    static final int JOINS_A_DAY = 5;

    record Sums(long clicks, long megabytes, long rounds, long members, long rank) {
    }

    @Transactional
    Team create(CampaignRules campaign, String name, String region, String player, String code, Instant now) {
        String key = io.clickgive.common.NameKeys.of(name);
        Team same = Team.find("campaignId = ?1 and nameKey = ?2", campaign.id(), key).firstResult();
        if (same != null) {
            throw same.hidden()
                    ? ClientError.conflict("The name '" + name + "' was hidden by the campaign's team and cannot be used")
                    : ClientError.conflict("The name '" + name + "' is taken in this campaign; choose another");
        }
        Team created = Team.find("campaignId = ?1 and createdBy = ?2", campaign.id(), player).firstResult();
        if (created != null) {
            throw ClientError.conflict("You created the team '" + created.name + "' already; a player creates one team "
                    + "per campaign");
        }
        refuseIfMember(campaign, player);
        Team team = new Team();
        team.campaignId = campaign.id();
        team.code = code;
        team.name = name;
        team.nameKey = key;
        team.regionCode = region;
        team.createdBy = player;
        team.createdAt = now;
        team.persistAndFlush();
        TeamEvent.append(team, TeamEvent.Kind.CREATED, null, "(player)", now);
        Rows.update(SUM_OPEN, team.id, campaign.id(), region);
        addMember(campaign, player, team, now);
        return team;
    }

    @Transactional
    Team join(CampaignRules campaign, String code, String player, Instant now) {
        Team team = Team.byCode(code);
        if (team == null || team.campaignId != campaign.id() || team.hidden()) {
            throw ClientError.notFound("No team " + code + " in campaign '" + campaign.slug() + "'");
        }
        List<Tuple> current = Rows.list(MEMBER_OF, campaign.id(), player);
        if (!current.isEmpty() && Rows.number(current.get(0), "team_id") == team.id) {
            return team; // joined already: the same answer again
        }
        refuseIfMember(campaign, player);
        long joins = Rows.number(Rows.single(JOINS_SINCE, campaign.id(), player, now.minus(Duration.ofDays(1))), "joins");
        if (joins >= JOINS_A_DAY) {
            throw ClientError.tooManyRequests("WAIT", "TEAM_JOINS", "You joined " + joins
                    + " teams of this campaign in the last 24 hours; try again tomorrow", Duration.ofHours(1).toMillis());
        }
        addMember(campaign, player, team, now);
        return team;
    }

    /** Takes the player out of its team of the campaign; answers the team it left, or null when it was in none. */
    @Transactional
    Team leave(CampaignRules campaign, String player, Instant now) {
        List<Tuple> left = Rows.list(LEAVE, campaign.id(), player);
        if (left.isEmpty()) {
            return null;
        }
        long teamId = Rows.number(left.get(0), "team_id");
        Rows.update(MEMBERS_ADD, teamId, -1);
        Rows.update(MEMBER_EVENT, campaign.id(), player, teamId, "LEFT", now);
        return Team.findById(teamId);
    }

    @Transactional
    Team memberOf(CampaignRules campaign, String player) {
        List<Tuple> current = Rows.list(MEMBER_OF, campaign.id(), player);
        return current.isEmpty() ? null : Team.findById(Rows.number(current.get(0), "team_id"));
    }

    @Transactional
    Sums sums(long teamId) {
        Tuple row = Rows.single(ONE, teamId);
        return new Sums(Rows.number(row, "units"), Rows.number(row, "megabytes"), Rows.number(row, "rounds"),
                Rows.number(row, "members"), Rows.number(row, "rank"));
    }

    /**
     * Forgets a player in every team of every campaign: out of the teams it is in (their counts of members follow),
     * its joins and leaves gone, the teams it created no longer naming it. Answers the campaigns whose team it left.
     */
    @Transactional
    List<Long> forget(String player) {
        List<Long> campaigns = new java.util.ArrayList<>();
        for (Tuple left : Rows.list(ERASE_MEMBERSHIPS, player)) {
            Rows.update(MEMBERS_ADD, Rows.number(left, "team_id"), -1);
            campaigns.add(Rows.number(left, "campaign_id"));
        }
        Rows.update(ERASE_MEMBER_EVENTS, player);
        Rows.update(ERASE_CREATOR, player);
        return campaigns;
    }

    /** A manager hides a team's name (with the reason, audited): its page, its link and the boards forget it. */
    @Transactional
    Team hide(long teamId, String reason, String actor, Instant now) {
        Team team = managed(teamId);
        if (reason == null || reason.isBlank()) {
            throw ClientError.badRequest("reason: say why the team is hidden (it is kept with the step)");
        }
        if (!team.hidden()) {
            team.hiddenAt = now;
            team.hiddenReason = reason.strip();
            TeamEvent.append(team, TeamEvent.Kind.HIDDEN, team.hiddenReason, actor, now);
        }
        return team;
    }

    @Transactional
    Team show(long teamId, String actor, Instant now) {
        Team team = managed(teamId);
        if (team.hidden()) {
            team.hiddenAt = null;
            team.hiddenReason = null;
            TeamEvent.append(team, TeamEvent.Kind.SHOWN, null, actor, now);
        }
        return team;
    }

    private static Team managed(long teamId) {
        Team team = Team.findById(teamId);
        if (team == null) {
            throw ClientError.notFound("No team " + teamId);
        }
        return team;
    }

    private void refuseIfMember(CampaignRules campaign, String player) {
        List<Tuple> current = Rows.list(MEMBER_OF, campaign.id(), player);
        if (!current.isEmpty()) {
            Team team = Team.findById(Rows.number(current.get(0), "team_id"));
            throw ClientError.conflict("You are in the team '" + team.name + "'; leave it first (one team per player "
                    + "in a campaign)");
        }
    }

    private void addMember(CampaignRules campaign, String player, Team team, Instant now) {
        if (Rows.update(JOIN, campaign.id(), player, team.id, now) == 0) {
            // a concurrent join of the same player won: the membership is theirs
            throw ClientError.conflict("You joined a team of this campaign a moment ago; one team per player");
        }
        Rows.update(MEMBERS_ADD, team.id, 1);
        Rows.update(MEMBER_EVENT, campaign.id(), player, team.id, "JOINED", now);
    }
}
