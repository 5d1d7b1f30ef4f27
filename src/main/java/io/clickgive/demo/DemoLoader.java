package io.clickgive.demo;

import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignDraft;
import io.clickgive.campaign.CampaignService;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.campaign.CampaignView;
import io.clickgive.common.Resources;
import io.clickgive.csv.ImportReport;
import io.clickgive.distribution.DistributorDraft;
import io.clickgive.distribution.DistributorService;
import io.clickgive.distribution.DistributorView;
import io.clickgive.distribution.TabletImport;
import io.clickgive.ledger.DemoLedger;
import io.clickgive.team.DemoTeams;
import io.clickgive.campaign.MatchingHours;
import io.clickgive.campaign.SponsorDraft;
import io.clickgive.sponsor.Purses;
import io.clickgive.usage.BundleValidity;
import io.clickgive.usage.Validities;
import io.clickgive.ledger.LikeImport;
import io.clickgive.ledger.LikeService;
import io.clickgive.security.UserDraft;
import io.clickgive.security.UserService;
import io.clickgive.security.UserView;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo a newcomer meets on the first start in dev mode: a live campaign with a few thousand donations, a closed
 * earlier edition whose likes were converted, beneficiaries of every kind across several regions (with a village
 * connectivity programme in two phases), two distributors with their regions and users, tablets, and the field's
 * story ({@link DemoField}). Everything goes through the services the API and the console use, so the demo obeys the
 * same rules and leaves the same audit trail.
 *
 * <p>Each step looks for what it would create and creates only what is missing (by slug, code, user name, serial,
 * session and sequence, like id): loading the demo twice changes nothing, and a load interrupted half-way is completed
 * by the next start. Never built into production.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class DemoLoader {

    public static final String LIVE = "ramadan-solidaire";
    public static final String CLOSED = "defi-likes";
    /** Who the demo's steps are recorded as. */
    static final String MANAGER = "manager";

    /** The demo's users; the README lists them. Development passwords only: this class is not in production. */
    static final List<UserDraft> USERS = List.of(
            new UserDraft(MANAGER, "dev-manager-password", "manager", null),
            new UserDraft("atlas", "dev-atlas-password", "distributor", DemoField.ATLAS),
            new UserDraft("nord", "dev-nord-password", "distributor", DemoField.NORD));

    static final int SESSIONS = 2000;

    private final CampaignService campaigns;
    private final CampaignCatalog catalog;
    private final BeneficiaryService beneficiaries;
    private final DistributorService distributors;
    private final UserService users;
    private final TabletImport tablets;
    private final DemoLedger ledger;
    private final LikeService likes;
    private final DemoField field;
    private final DemoSites sites;
    private final DemoCalls calls;
    private final Validities validities;
    private final DemoTeams teams;
    private final MatchingHours matching;
    private final Purses purses;
    private final Clock clock;

    public DemoLoader(CampaignService campaigns, CampaignCatalog catalog, BeneficiaryService beneficiaries,
                      DistributorService distributors, UserService users, TabletImport tablets, DemoLedger ledger,
                      LikeService likes, DemoField field, DemoSites sites, DemoCalls calls, Validities validities,
                      DemoTeams teams, MatchingHours matching, Purses purses, Clock clock) {
        this.purses = purses;
        this.teams = teams;
        this.matching = matching;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.beneficiaries = beneficiaries;
        this.distributors = distributors;
        this.users = users;
        this.tablets = tablets;
        this.ledger = ledger;
        this.likes = likes;
        this.field = field;
        this.sites = sites;
        this.calls = calls;
        this.validities = validities;
        this.clock = clock;
    }

    /** Campaigns in the database that are not the demo's: a database someone works with, which the demo leaves alone. */
    public List<String> otherCampaigns() {
        return campaigns.list().stream().map(CampaignView::slug).filter(s -> !s.equals(LIVE) && !s.equals(CLOSED))
                .toList();
    }

    public void load() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        closedEdition(now);
        Instant opens = now.minus(Duration.ofHours(50)).truncatedTo(ChronoUnit.HOURS);
        campaign(new CampaignDraft(LIVE, new CampaignDraft.Names("رمضان التضامن", "Ramadan solidaire",
                "Ramadan of Giving"), opens, opens.plus(Duration.ofDays(30)), 10, 10, null, 2000L, 1000, null));
        imported("beneficiaries", beneficiaries.importCsv(file("beneficiaries.csv"), ImportReport.Mode.ALL_OR_NOTHING));
        distributor(new DistributorDraft(DemoField.ATLAS, "Atlas Relais Solidarité", "+212 600 000 401",
                Set.of("MA-07", "MA-08", "MA-09")));
        distributor(new DistributorDraft(DemoField.NORD, "Nord Solidaire", "+212 600 000 402",
                Set.of("MA-01", "MA-02", "MA-04")));
        List<String> known = users.list().stream().map(UserView::username).toList();
        USERS.stream().filter(u -> !known.contains(u.username())).forEach(users::create);
        imported("tablets", tablets.importCsv(file("tablets.csv"), ImportReport.Mode.ALL_OR_NOTHING, MANAGER));
        Map<String, Long> teamOf = teams.build(catalog.bySlug(LIVE), teamSeeds());
        ledger.record(catalog.bySlug(LIVE), DemoRounds.rounds(LIVE, SESSIONS, 48, now, teamOf));
        field.play(LIVE);
        if (validities.get(LIVE).bySize().isEmpty()) {
            // Its 5 GB bundles last two months; anything else the campaign gives, a month.
            validities.set(LIVE, new BundleValidity(30, Map.of(DemoField.BUNDLE_MB, 60)));
        }
        matchingHour(now);
        if (catalog.bySlug(LIVE).sponsor() == null) {
            // A sponsor whose purse of 1.5 TB the demo's rounds have two thirds spent: the page shows what is left.
            purses.set(LIVE, new SponsorDraft("Atlas Mobile", null, "https://example.org/atlas-mobile", 1_500_000L));
        }
        sites.build();
        sites.monthly(LIVE);
        calls.build(LIVE);
        Log.infof("Demo loaded in %d ms: open http://localhost:8080/ (the README lists the demo's users)",
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Tonight's matching hour on the live campaign, x2 from 21:00 to 22:00 in Morocco (tomorrow's once tonight's has
     * begun), so the page announces it; scheduled only when the campaign has none.
     */
    private void matchingHour(Instant now) {
        if (!matching.list(LIVE).isEmpty()) {
            return;
        }
        java.time.ZonedDateTime nine = now.atZone(io.clickgive.common.Clocks.MOROCCO).toLocalDate().atTime(21, 0)
                .atZone(io.clickgive.common.Clocks.MOROCCO);
        if (!nine.toInstant().isAfter(now.plus(Duration.ofMinutes(2)))) {
            nine = nine.plusDays(1);
        }
        matching.schedule(LIVE, new MatchingHours.Draft(nine.toInstant(), nine.plusHours(1).toInstant(),
                java.math.BigDecimal.valueOf(2)), MANAGER);
    }

    /**
     * Five teams of the live campaign: a school, a club, a village, an association, a company; one player in ten of
     * the first half of the demo's players is in each.
     */
    private static List<DemoTeams.Seed> teamSeeds() {
        String[][] teams = {{"École Ibn Battouta", "MA-01"}, {"نادي شباب فاس", "MA-03"}, {"Douar Tizi n'Test", "MA-07"},
                {"جمعية الأمل", "MA-06"}, {"Atlas Tech SARL", "MA-04"}};
        List<DemoTeams.Seed> seeds = new java.util.ArrayList<>();
        for (int t = 0; t < teams.length; t++) {
            List<String> players = new java.util.ArrayList<>();
            for (int p = t; p < SESSIONS / 2; p += 10) {
                players.add(DemoRounds.player(p));
            }
            seeds.add(new DemoTeams.Seed(teams[t][0], teams[t][1], players));
        }
        return seeds;
    }

    /** An edition that ran a year ago and converted its contest's likes at 10 MB each. */
    private void closedEdition(Instant now) {
        Instant opens = now.minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.DAYS);
        Instant closes = opens.plus(Duration.ofDays(21));
        CampaignView edition = campaign(new CampaignDraft(CLOSED, new CampaignDraft.Names("تحدي الإعجابات",
                "Le défi des likes", "The Likes Challenge"), opens, closes, 10, 10, null, 100L, 1000, null));
        if (edition.status() == CampaignStatus.CLOSED) {
            return;
        }
        List<LikeImport.Like> given = DemoRounds.likes(4000, opens, closes);
        for (int from = 0; from < given.size(); from += LikeImport.MAX_LIKES) {
            likes.importLikes(CLOSED, new LikeImport(given.subList(from, Math.min(given.size(),
                    from + LikeImport.MAX_LIKES))));
        }
        campaigns.changeStatus(CLOSED, CampaignStatus.CLOSED);
    }

    /** The campaign, created if missing and made live if still a draft. */
    private CampaignView campaign(CampaignDraft draft) {
        CampaignView campaign = campaigns.list().stream().filter(c -> c.slug().equals(draft.slug())).findFirst()
                .orElseGet(() -> campaigns.create(draft));
        if (campaign.status() == CampaignStatus.DRAFT) {
            campaign = campaigns.changeStatus(draft.slug(), CampaignStatus.LIVE);
        }
        return campaign;
    }

    private void distributor(DistributorDraft draft) {
        if (distributors.list().stream().map(DistributorView::code).noneMatch(draft.code()::equals)) {
            distributors.create(draft);
        }
    }

    private static void imported(String what, ImportReport report) {
        if (report.refused() || !report.errors().isEmpty()) {
            throw new IllegalStateException("The demo's " + what + " were refused: " + report.errors());
        }
    }

    private static byte[] file(String name) {
        return Resources.text("demo/" + name).getBytes(StandardCharsets.UTF_8);
    }
}
