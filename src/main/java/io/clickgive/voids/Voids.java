package io.clickgive.voids;

import io.agroal.api.AgroalDataSource;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.web.ClientError;
import io.clickgive.common.Resources;
import io.clickgive.counters.CampaignCounters;
import io.clickgive.counters.Hold;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds and voids: clicks taken out of every total — the live counters, the ledger's counted donations (so the report
 * and the pool) — while their ledger rows stay, each linked to the void that names them, who decided it and why.
 * <p>
 * The ledger side commits first, then the live counters move; both happen under the ledger's shared lock, which the
 * reconcile takes alone, so it never compares a ledger that voided with counters that did not (or the reverse). The
 * pool's lock (the one allocation commits take) is held too: a void may not take the pool below what was allocated.
 */
@ApplicationScoped
public class Voids {

    // The pool's figures and lock are the allocation's (allocated ≤ donated is its invariant): read, never changed here.

    /** The guard's void of a session's held clicks: one per session. */
    static final String GUARD = "guard";



    private final CampaignCatalog catalog;
    private final AgroalDataSource db;
    private final CampaignCounters counters;
    private final int shards;

    public Voids(CampaignCatalog catalog, AgroalDataSource db, CampaignCounters counters,
                 io.clickgive.common.ClickgiveConfig config) {
        this.catalog = catalog;
        this.db = db;
        this.counters = counters;
        this.shards = config.counters().shards();
    }

    /** Holds or voids the counted clicks of an identity or a network over a time range. */
    public VoidView order(String slug, VoidOrder order, String actor) {
        CampaignRules campaign = catalog.bySlug(slug);
        order.check();
        Target target = order.kind();
        return underLedgerLock(campaign, connection -> {
            VoidTable.execute(connection, VoidTable.LOCK_POOL);
            if (!VoidTable.known(connection, campaign, target, order.hash())) {
                throw ClientError.notFound("No click of this " + target.name().toLowerCase() + " is in the ledger of '"
                        + slug + "'");
            }
            List<VoidTable.Row> rows = VoidTable.rows(connection, VoidTable.CANDIDATES.formatted(target.column), campaign.id(), order.hash(),
                    Timestamp.from(order.from()), Timestamp.from(order.to()));
            if (rows.isEmpty()) {
                throw ClientError.conflict("Nothing to " + (order.held() ? "hold" : "void") + ": no counted click of "
                        + "this " + target.name().toLowerCase() + " between " + order.from() + " and " + order.to());
            }
            long megabytes = rows.stream().mapToLong(VoidTable.Row::megabytes).sum();
            VoidTable.refuseBelowAllocated(connection, campaign, megabytes);
            long id = VoidTable.insert(connection, campaign, order.held() ? "HOLD" : "VOID", target, order.hash(), order.from(),
                    order.to(), order.reason().strip(), actor, rows.stream().mapToLong(VoidTable.Row::units).sum(), megabytes, rows);
            return new Step<>(id, VoidTable.byShardAndRegion(rows), -1);
        }, (connection, id) -> VoidTable.one(connection, id));
    }

    /** A hold lifted: its clicks count again, everywhere. */
    public VoidView lift(long id, String actor) {
        return settle(id, actor, true);
    }

    /** A hold confirmed: from now on a void, for good. */
    public VoidView confirm(long id, String actor) {
        return settle(id, actor, false);
    }

    private VoidView settle(long id, String actor, boolean lift) {
        VoidView view;
        long campaignId;
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(VoidTable.ONE)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw ClientError.notFound("No hold or void " + id);
                }
                view = VoidTable.view(row);
                campaignId = row.getLong("campaign_id");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading void " + id + " failed", e);
        }
        return underLedgerLock(catalog.byId(campaignId), connection -> {
            try (PreparedStatement update = connection.prepareStatement(lift ? VoidTable.LIFT : VoidTable.CONFIRM)) {
                update.setString(1, actor);
                update.setLong(2, id);
                if (update.executeUpdate() == 0) {
                    throw ClientError.conflict("Void " + id + " is not a hold in force (it is a " + view.kind()
                            + (view.liftedAt() != null ? ", lifted" : "") + "): only a hold can be lifted or confirmed");
                }
            }
            return new Step<>(id, lift ? VoidTable.counted(connection, id) : Map.of(), +1);
        }, (connection, ignored) -> VoidTable.one(connection, id));
    }

    public List<VoidView> list(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(VoidTable.LIST)) {
            query.setLong(1, campaign.id());
            List<VoidView> views = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    views.add(VoidTable.view(rows));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException("Listing voids failed", e);
        }
    }

    /**
     * The guard's void of a session judged scripted after some of its clicks counted: once every one of those clicks
     * is in the ledger (its batches came before the judgement, so they are in the stream ahead of it), the rows are
     * voided and the hold released. A hold older than {@code giveUpAt} is voided with what the ledger has (entries a
     * Redis without persistence lost never come). Answers whether the hold is over.
     */
    boolean voidSession(CampaignRules campaign, int shard, String session, Hold held, long giveUpAt) {
        return underLedgerLock(campaign, connection -> {
            VoidTable.execute(connection, VoidTable.LOCK_POOL);
            if (!VoidTable.voided(connection, campaign, session)) {
                List<VoidTable.Row> rows = VoidTable.rows(connection, VoidTable.SESSION_ROWS, campaign.id(), session);
                long clicks = rows.stream().mapToLong(VoidTable.Row::units).sum();
                if (clicks < held.clicks() && held.at() > giveUpAt) {
                    return new Step<>(false, Map.of(), 0); // its earlier batches are still on their way to the ledger
                }
                long megabytes = rows.stream().mapToLong(VoidTable.Row::megabytes).sum();
                try {
                    VoidTable.refuseBelowAllocated(connection, campaign, megabytes);
                } catch (ClientError refused) {
                    Log.warnf("Session %s of %s stays held: %s", session, campaign.slug(), refused.getMessage());
                    return new Step<>(false, Map.of(), 0);
                }
                VoidTable.insert(connection, campaign, "VOID", Target.SESSION, session, null, null,
                        "judged scripted (" + held.reason() + ")", GUARD, clicks, megabytes, rows);
            }
            return new Step<>(true, Map.of(), 0);
        }, (connection, over) -> {
            if (over) { // the live total let go of the clicks when the hold began: only the hold ends here
                counters.release(campaign.id(), shard, session, held);
            }
            return over;
        });
    }

    /** What a transaction under the ledger's lock decided, and how the live counters must move once it is committed. */
    private record Step<T>(T result, Map<VoidTable.ShardRegion, VoidTable.Counted> counted, int sign) {
    }

    private interface Work<T> {
        Step<T> run(Connection connection) throws SQLException;
    }

    private interface Then<T, R> {
        R run(Connection connection, T result) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction under the ledger's shared lock, then — committed, the lock still held —
     * moves the live counters as the work said and runs {@code then}: a reconcile never sees one side without the
     * other. A refusal (ClientError) or failure rolls the transaction back and moves nothing.
     */
    private <T, R> R underLedgerLock(CampaignRules campaign, Work<T> work, Then<T, R> then) {
        try (Connection connection = db.getConnection()) {
            VoidTable.lockLedger(connection, campaign);
            try {
                connection.setAutoCommit(false);
                Step<T> step;
                try {
                    step = work.run(connection);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
                move(campaign, step.counted(), step.sign());
                return then.run(connection, step.result());
            } finally {
                VoidTable.unlockLedger(connection, campaign);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A void of " + campaign.slug() + " failed", e);
        }
    }



    /**
     * Moves the live counters by the voided (−1) or restored (+1) clicks, shard by shard, and by the megabytes matching
     * hours had added to them.
     */
    private void move(CampaignRules campaign, Map<VoidTable.ShardRegion, VoidTable.Counted> counted, int sign) {
        counted.forEach((at, c) -> {
            if (at.shard() < shards) {
                counters.moveClicks(campaign.id(), at.shard(), at.region(), sign * c.units());
                long matched = c.megabytes() - c.units() * campaign.megabytesPerClick();
                if (matched != 0) {
                    counters.moveMatched(campaign.id(), at.shard(), at.region(), sign * matched);
                }
            }
        });
    }
}
