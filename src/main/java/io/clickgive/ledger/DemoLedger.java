package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.ClickgiveConfig;
import io.clickgive.counters.LedgerEntry;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's played rounds, written as the ledger writer writes counted batches (same insert, same shared lock, same
 * unique (session, seq): a batch written twice is skipped), then the live counters reconciled to the ledger, as after a
 * Redis loss. Not built into production: the only way into the ledger there is a counted click or an imported like.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class DemoLedger {

    /** One batch of a demo round, as the batch script would have counted it. */
    public record PlayedBatch(String sessionId, int seq, String region, String player, Long team, int clicks,
                              Instant at) {
    }

    private final AgroalDataSource db;
    private final Reconciler reconciler;
    private final int shards;

    public DemoLedger(AgroalDataSource db, Reconciler reconciler, ClickgiveConfig config) {
        this.db = db;
        this.reconciler = reconciler;
        this.shards = config.counters().shards();
    }

    /** Writes the batches the ledger lacks and brings the counters in line; answers what the reconcile repaired. */
    public ReconcileReport record(CampaignRules campaign, List<PlayedBatch> batches) {
        Map<Integer, List<LedgerEntry>> byShard = new TreeMap<>();
        for (PlayedBatch batch : batches) {
            int shard = Math.floorMod(batch.sessionId().hashCode(), shards);
            byShard.computeIfAbsent(shard, s -> new ArrayList<>()).add(new LedgerEntry(null, batch.sessionId(),
                    batch.seq(), batch.clicks(), batch.region() == null ? LedgerEntry.NO_REGION : batch.region(),
                    batch.player(), batch.at().toEpochMilli(), null, batch.team(), batch.seq() == 1,
                    LedgerEntry.PLAIN_RATE));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = db.getConnection()) {
                LedgerTable.lock(connection, campaign);
                for (Map.Entry<Integer, List<LedgerEntry>> shard : byShard.entrySet()) {
                    LedgerTable.write(connection, campaign, shard.getKey(), shard.getValue());
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("The demo's donations could not be written", e);
            }
        });
        return reconciler.reconcile(campaign);
    }
}
