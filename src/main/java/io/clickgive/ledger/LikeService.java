package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.campaign.CampaignStatus;
import io.clickgive.web.ClientError;
import io.clickgive.csv.CsvTable;
import io.clickgive.csv.ImportReport;
import io.clickgive.common.Resources;
import io.clickgive.counters.CampaignCounters;
import io.clickgive.totals.TotalsService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts likes from a partner platform into donations at the campaign's rate. Likes go straight to the ledger
 * (idempotent on their external ids); the live counters follow inside the same transaction, under the shared
 * ledger lock, so a reconcile never sees one without the other.
 */
@ApplicationScoped
public class LikeService {

    private static final String INSERT = Resources.sql("ledger/insert-like");

    private static final Pattern REGION = Pattern.compile("MA-[0-9]{2}");

    private final CampaignCatalog catalog;
    private final AgroalDataSource db;
    private final CampaignCounters counters;
    private final TotalsService totals;
    private final Clock clock;

    public LikeService(CampaignCatalog catalog, AgroalDataSource db, CampaignCounters counters, TotalsService totals,
                       Clock clock) {
        this.catalog = catalog;
        this.db = db;
        this.counters = counters;
        this.totals = totals;
        this.clock = clock;
    }

    public LikeImportResult importLikes(String slug, LikeImport batch) {
        CampaignRules campaign = catalog.bySlug(slug);
        if (campaign.status() != CampaignStatus.LIVE && campaign.status() != CampaignStatus.PAUSED) {
            throw ClientError.conflict("Campaign '" + slug + "' is " + campaign.status().name().toLowerCase()
                    + "; likes are imported only while it is live or paused");
        }
        Instant now = clock.instant();
        for (int i = 0; i < batch.likes().size(); i++) {
            LikeImport.Like like = batch.likes().get(i);
            if (like.region() != null && !catalog.isRegion(like.region())) {
                throw ClientError.badRequest("likes[" + i + "].region: unknown region " + like.region());
            }
            if (like.likedAt() != null && like.likedAt().isAfter(now.plusSeconds(60))) {
                throw ClientError.badRequest("likes[" + i + "].likedAt lies in the future");
            }
        }
        int imported = QuarkusTransaction.requiringNew().call(() -> record(campaign, batch.likes(), now));
        totals.forget(campaign.id());
        return new LikeImportResult(batch.likes().size(), imported, batch.likes().size() - imported,
                (long) imported * campaign.megabytesPerClick());
    }

    /**
     * A partner's CSV export (columns externalId, and optionally region and likedAt): each row checked, with its line
     * in the report; then recorded in chunks of {@link LikeImport#MAX_LIKES}. A like sent again is skipped, so a file
     * can be sent again after a failure.
     */
    public ImportReport importCsv(String slug, byte[] body, ImportReport.Mode mode) {
        List<CsvTable.Row> rows = CsvTable.read(body, Set.of("externalid"), Set.of("region", "likedat"));
        Instant now = clock.instant();
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<LikeImport.Like> likes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : rows) {
            List<String> problems = new ArrayList<>();
            String id = row.text("externalid");
            String region = row.text("region");
            Instant likedAt = null;
            if (id == null || id.length() > 128) {
                problems.add("externalId: 1 to 128 characters");
            } else if (!seen.add(id)) {
                problems.add("externalId: '" + id + "' appears on an earlier line of this file");
            }
            if (region != null && (!REGION.matcher(region).matches() || !catalog.isRegion(region))) {
                problems.add("region: unknown region " + region);
            }
            if (row.text("likedat") != null) {
                try {
                    likedAt = Instant.parse(row.text("likedat"));
                    if (likedAt.isAfter(now.plusSeconds(60))) {
                        problems.add("likedAt: lies in the future");
                    }
                } catch (DateTimeParseException e) {
                    problems.add("likedAt: a time such as 2026-03-01T20:15:00Z");
                }
            }
            if (problems.isEmpty()) {
                likes.add(new LikeImport.Like(id, region, likedAt));
            } else {
                errors.add(new ImportReport.RowError(row.line(), String.join("; ", problems)));
            }
        }
        if (!errors.isEmpty() && mode == ImportReport.Mode.ALL_OR_NOTHING) {
            return new ImportReport(rows.size(), 0, 0, errors, true);
        }
        int imported = 0;
        int skipped = 0;
        for (int from = 0; from < likes.size(); from += LikeImport.MAX_LIKES) {
            LikeImportResult chunk = importLikes(slug, new LikeImport(
                    likes.subList(from, Math.min(likes.size(), from + LikeImport.MAX_LIKES))));
            imported += chunk.imported();
            skipped += chunk.duplicates();
        }
        return new ImportReport(rows.size(), imported, skipped, errors, false);
    }

    private int record(CampaignRules campaign, List<LikeImport.Like> likes, Instant now) throws SQLException {
        Map<String, Long> byRegion = new HashMap<>();
        try (Connection connection = db.getConnection()) {
            LedgerTable.lock(connection, campaign);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, campaign.id());
                insert.setLong(2, campaign.megabytesPerClick());
                insert.setArray(3, connection.createArrayOf("text",
                        likes.stream().map(LikeImport.Like::externalId).toArray()));
                insert.setArray(4, connection.createArrayOf("text", likes.stream().map(LikeImport.Like::region).toArray()));
                insert.setArray(5, connection.createArrayOf("timestamptz", likes.stream()
                        .map(like -> Timestamp.from(like.likedAt() == null ? now : like.likedAt())).toArray()));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        byRegion.merge(inserted.getString(1), 1L, Long::sum);
                    }
                }
            }
        }
        counters.addLikes(campaign.id(), byRegion);
        return byRegion.values().stream().mapToInt(Long::intValue).sum();
    }
}
