package io.clickgive.ledger;

import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.Resources;
import io.clickgive.counters.LedgerEntry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ledger's table as its writers use it: the campaign's shared lock, and the batch insert of counted batches. */
final class LedgerTable {

    private static final String INSERT = Resources.sql("ledger/insert-click");
    private static final String LOCK = Resources.sql("ledger/lock-shared");
    private static final String LOCK_TIMEOUT = Resources.sql("ledger/lock-timeout");
    private static final String RECORDED = Resources.sql("ledger/recorded-batches");

    private LedgerTable() {
    }

    /**
     * Writers share the campaign's lock; the reconcile takes it alone for a moment, so the ledger holds still while it
     * fixes its snapshot. A writer waits for it 2 s at most, then the pass fails and is tried again (nothing lost).
     */
    static void lock(Connection connection, CampaignRules campaign) throws SQLException {
        try (PreparedStatement timeout = connection.prepareStatement(LOCK_TIMEOUT)) {
            timeout.setString(1, "2s");
            timeout.execute();
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, campaign.id());
            lock.execute();
        }
    }

    static void write(Connection connection, CampaignRules campaign, int shard, List<LedgerEntry> entries)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (LedgerEntry entry : entries) {
                insert.setLong(1, campaign.id());
                insert.setString(2, entry.sessionId());
                insert.setInt(3, entry.seq());
                insert.setInt(4, shard);
                if (entry.regionOrNull() == null) {
                    insert.setNull(5, Types.VARCHAR);
                } else {
                    insert.setString(5, entry.regionOrNull());
                }
                insert.setString(6, entry.player());
                insert.setInt(7, entry.clicks());
                insert.setLong(8, entry.megabytes(campaign.megabytesPerClick()));
                insert.setTimestamp(9, new Timestamp(entry.at()));
                insert.setString(10, entry.networkOrNull());
                if (entry.team() == null) {
                    insert.setNull(11, Types.BIGINT);
                } else {
                    insert.setLong(11, entry.team());
                }
                insert.setBoolean(12, entry.opensRound());
                insert.setInt(13, entry.rate());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Which of these entries are in the ledger already, as "session#seq". */
    static Set<String> recorded(Connection connection, List<LedgerEntry> entries) throws SQLException {
        Set<String> found = new HashSet<>();
        if (entries.isEmpty()) {
            return found;
        }
        Array sessions = connection.createArrayOf("text", entries.stream().map(LedgerEntry::sessionId).toArray());
        Array seqs = connection.createArrayOf("int4", entries.stream().map(LedgerEntry::seq).toArray());
        try (PreparedStatement query = connection.prepareStatement(RECORDED)) {
            query.setArray(1, sessions);
            query.setArray(2, seqs);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + "#" + rows.getInt(2));
                }
            }
        }
        return found;
    }
}
