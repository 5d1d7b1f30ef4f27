package io.clickgive.usage;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.Clocks;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the use report from PostgreSQL: each request's delivered bundles with the last day they are valid and its
 * latest usage report, and the sites' monthly bundles. A request's used megabytes are what its report says, never more
 * than it was delivered; lapsed is what a request whose data is valid no more was delivered and did not use; a request
 * that has not reported is "not reported", never guessed used or lapsed. Sites report no use of their own here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UseReports {

    private static final String REQUESTS = Resources.sql("usage/requests");
    private static final String SITES = Resources.sql("usage/sites");

    private final CampaignCatalog catalog;
    private final Validities validities;
    private final Clock clock;

    public UseReports(CampaignCatalog catalog, Validities validities, Clock clock) {
        this.catalog = catalog;
        this.validities = validities;
        this.clock = clock;
    }

    public UseReport report(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        LocalDate today = LocalDate.now(clock.withZone(Clocks.MOROCCO));
        Map<String, long[]> regions = new TreeMap<>();
        Map<String, long[]> kinds = new TreeMap<>();
        long[] total = new long[4];
        List<UseReport.Due> due = new ArrayList<>();
        int defaultDays = BundleValidity.DEFAULT_DAYS;
        for (Tuple row : Rows.list(REQUESTS, campaign.id(), defaultDays)) {
            long delivered = Rows.number(row, "megabytes");
            Object reported = row.get("used_gigabytes");
            LocalDate validUntil = date(row.get("valid_until"));
            boolean over = validUntil.isBefore(today);
            long used = reported == null ? 0
                    : Math.min(delivered, ((Number) reported).longValue() * campaign.megabytesPerGigabyte());
            long lapsed = reported != null && over ? delivered - used : 0;
            long unreported = reported == null ? delivered : 0;
            add(new long[]{delivered, used, lapsed, unreported}, total, regions, Rows.text(row, "region_code"),
                    kinds, Rows.text(row, "kind"));
            if (reported == null && over) {
                due.add(new UseReport.Due(Rows.number(row, "request_id"), Rows.text(row, "beneficiary"),
                        Rows.text(row, "name"), Rows.text(row, "region_code"), campaign.gigabytes(delivered),
                        validUntil));
            }
        }
        for (Tuple row : Rows.list(SITES, campaign.id())) {
            long delivered = Rows.number(row, "megabytes");
            add(new long[]{delivered, 0, 0, delivered}, total, regions, Rows.text(row, "region_code"), kinds,
                    Rows.text(row, "kind"));
        }
        return new UseReport(slug, campaign.gigabyteConvention(), row(campaign, "total", total),
                regions.entrySet().stream().map(e -> row(campaign, e.getKey(), e.getValue())).toList(),
                kinds.entrySet().stream().map(e -> row(campaign, e.getKey(), e.getValue())).toList(), due);
    }

    private static void add(long[] figures, long[] total, Map<String, long[]> regions, String region,
                            Map<String, long[]> kinds, String kind) {
        long[] r = regions.computeIfAbsent(region, k -> new long[4]);
        long[] k = kinds.computeIfAbsent(kind, x -> new long[4]);
        for (int i = 0; i < 4; i++) {
            total[i] += figures[i];
            r[i] += figures[i];
            k[i] += figures[i];
        }
    }

    private static UseReport.Row row(CampaignRules c, String key, long[] f) {
        return new UseReport.Row(key, f[0], c.gigabytes(f[0]), f[1], c.gigabytes(f[1]), f[2], c.gigabytes(f[2]), f[3],
                c.gigabytes(f[3]));
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("not a date: " + value);
    }
}
