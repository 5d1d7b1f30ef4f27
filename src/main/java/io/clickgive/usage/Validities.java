package io.clickgive.usage;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.web.ClientError;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The validity of a campaign's bundles: set by managers, read by the use report and the beneficiary's page. */
@ApplicationScoped
@Transactional
public class Validities {

    private static final String READ = Resources.sql("usage/validity");
    private static final String CLEAR = Resources.sql("usage/validity-clear");
    private static final String ADD = Resources.sql("usage/validity-add");
    private static final String SIZES = Resources.sql("usage/bundle-sizes");

    private final CampaignCatalog catalog;

    public Validities(CampaignCatalog catalog) {
        this.catalog = catalog;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BundleValidity get(String slug) {
        CampaignRules campaign = catalog.bySlug(slug);
        int days = BundleValidity.DEFAULT_DAYS;
        Map<Integer, Integer> bySize = new TreeMap<>();
        for (var row : Rows.list(READ, campaign.id())) {
            int size = (int) Rows.number(row, "bundle_megabytes");
            if (size == 0) {
                days = (int) Rows.number(row, "days");
            } else {
                bySize.put(size, (int) Rows.number(row, "days"));
            }
        }
        return new BundleValidity(days, bySize);
    }

    /** Replaces the campaign's validity; a size that is not one of its bundle sizes is refused (400). */
    public BundleValidity set(String slug, @NotNull @Valid BundleValidity validity) {
        CampaignRules campaign = catalog.bySlug(slug);
        Map<Integer, Integer> bySize = validity.bySize() == null ? Map.of() : validity.bySize();
        List<Integer> sizes = Rows.list(SIZES, campaign.id()).stream()
                .map(r -> (int) Rows.number(r, "megabytes")).toList();
        List<Integer> unknown = bySize.keySet().stream().filter(s -> !sizes.contains(s)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ClientError.badRequest("bySize: " + unknown + " MB are not among the campaign's bundle sizes "
                    + sizes);
        }
        var em = Panache.getEntityManager();
        em.createNativeQuery(CLEAR).setParameter(1, campaign.id()).executeUpdate();
        em.createNativeQuery(ADD).setParameter(1, campaign.id()).setParameter(2, 0)
                .setParameter(3, validity.days()).executeUpdate();
        bySize.forEach((size, days) -> em.createNativeQuery(ADD).setParameter(1, campaign.id())
                .setParameter(2, size).setParameter(3, days).executeUpdate());
        return get(slug);
    }
}
