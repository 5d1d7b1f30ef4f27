package io.clickgive.voids;

import io.agroal.api.AgroalDataSource;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.common.Resources;
import io.clickgive.counters.CampaignCounters;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Networks and identities whose share of a campaign is out of line, for the manager's review: from the ledger's
 * counted clicks over a window (keyed hashes only), with the guard's refusals of each network (Redis, a day).
 * A flag is a prompt to look, not a verdict: a carrier-grade NAT address with many real people behind it has many
 * identities too. The manager holds or voids (see {@link Voids}).
 */
@ApplicationScoped
public class Flags {

    /** A network with this share of the window's clicks and a few identities, or this many identities, is flagged. */
    static final double NETWORK_SHARE = 0.05;
    static final int NETWORK_IDENTITIES = 10;
    /** An identity with this share of the window's clicks, or playing from this many networks, is flagged. */
    static final double IDENTITY_SHARE = 0.02;
    static final int IDENTITY_NETWORKS = 5;
    /** Refusals that say a script was at work: any one flags its network. */
    static final Set<String> SCRIPTED = Set.of("SUPERHUMAN", "REGULAR", "FUTURE", "TOO_MANY_BATCHES", "HELD");
    /** Refusals of new identities' sessions beyond their budget: this many flag the network. */
    static final int FRESH_REFUSALS = 10;

    private static final String NETWORKS = Resources.sql("voids/flags-networks");
    private static final String IDENTITIES = Resources.sql("voids/flags-identities");
    private static final String WINDOW = Resources.sql("voids/window-clicks");

    public record NetworkFlag(String hash, long clicks, double share, long identities, long sessions,
                              Map<String, Long> rules, boolean flagged) {

        /** The share in percent, for pages. */
        public double percent() {
            return Math.round(share * 1000) / 10.0;
        }

        /** The hash's first characters, enough to tell networks apart on a page. */
        public String shortHash() {
            return hash.length() <= 8 ? hash : hash.substring(0, 8) + "…";
        }
    }

    public record IdentityFlag(String hash, long clicks, double share, long sessions, long networks, boolean flagged) {
    }

    public record Review(String campaign, Instant from, Instant to, long clicks, List<NetworkFlag> networks,
                         List<IdentityFlag> identities) {
    }

    private final CampaignCatalog catalog;
    private final AgroalDataSource db;
    private final CampaignCounters counters;
    private final Clock clock;
    private final int shards;

    public Flags(CampaignCatalog catalog, AgroalDataSource db, CampaignCounters counters, Clock clock,
                 ClickgiveConfig config) {
        this.catalog = catalog;
        this.db = db;
        this.counters = counters;
        this.clock = clock;
        this.shards = config.counters().shards();
    }

    /** The window's {@code limit} busiest networks and identities, flagged or not, flagged first. */
    public Review review(String slug, Duration window, int limit) {
        CampaignRules campaign = catalog.bySlug(slug);
        Instant to = clock.instant();
        Instant from = to.minus(window);
        try (Connection connection = db.getConnection()) {
            long total = total(connection, campaign, from);
            List<NetworkFlag> networks = new ArrayList<>();
            try (PreparedStatement query = statement(connection, NETWORKS, campaign, from, limit);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String hash = rows.getString("network");
                    long clicks = rows.getLong("clicks");
                    long identities = rows.getLong("identities");
                    Map<String, Long> rules = rules(campaign, hash);
                    double share = total == 0 ? 0 : clicks / (double) total;
                    boolean flagged = (share >= NETWORK_SHARE && identities >= 3) || identities >= NETWORK_IDENTITIES
                            || rules.keySet().stream().anyMatch(SCRIPTED::contains)
                            || rules.getOrDefault("FRESH_RATE", 0L) >= FRESH_REFUSALS;
                    networks.add(new NetworkFlag(hash, clicks, share, identities, rows.getLong("sessions"), rules,
                            flagged));
                }
            }
            List<IdentityFlag> identities = new ArrayList<>();
            try (PreparedStatement query = statement(connection, IDENTITIES, campaign, from, limit);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long clicks = rows.getLong("clicks");
                    double share = total == 0 ? 0 : clicks / (double) total;
                    long spread = rows.getLong("networks");
                    identities.add(new IdentityFlag(rows.getString("player"), clicks, share, rows.getLong("sessions"),
                            spread, share >= IDENTITY_SHARE || spread >= IDENTITY_NETWORKS));
                }
            }
            networks.sort((a, b) -> Boolean.compare(b.flagged(), a.flagged()));
            identities.sort((a, b) -> Boolean.compare(b.flagged(), a.flagged()));
            return new Review(campaign.slug(), from, to, total, networks, identities);
        } catch (SQLException e) {
            throw new IllegalStateException("Reviewing " + slug + " failed", e);
        }
    }

    /** The guard's refusals of a network's requests today, over every shard, by reason code. */
    private Map<String, Long> rules(CampaignRules campaign, String network) {
        return counters.trips(campaign.id(), network);
    }

    private static long total(Connection connection, CampaignRules campaign, Instant from) throws SQLException {
        try (PreparedStatement query = statement(connection, WINDOW, campaign, from, null);
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static PreparedStatement statement(Connection connection, String sql, CampaignRules campaign, Instant from,
                                               Integer limit) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setLong(1, campaign.id());
        query.setTimestamp(2, Timestamp.from(from));
        if (limit != null) {
            query.setInt(3, limit);
        }
        return query;
    }
}
