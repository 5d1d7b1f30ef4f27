package io.clickgive.allocation;

import io.clickgive.request.RequestService;
import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.campaign.CampaignRules;
import io.clickgive.web.ClientError;
import io.clickgive.common.Rows;
import jakarta.persistence.Tuple;
import io.clickgive.common.Resources;
import io.clickgive.distribution.TabletService;
import io.clickgive.totals.TotalsService;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The pool of each campaign and the plans drawn on it. A preview computes a plan; a commit recomputes it under one
 * lock, checks it is the plan that was previewed, and writes its allocations, bundles and request events in one
 * transaction, so allocated never exceeds donated (invariant 4) and no tablet is promised twice.
 */
@ApplicationScoped
@Transactional
public class AllocationService {

    private static final String CLAIMS = Resources.sql("allocation/claims");
    private static final String DONATED = Resources.sql("allocation/donated");
    private static final String LOCK = Resources.sql("allocation/lock-stock");
    private static final String INSERT_BUNDLES = Resources.sql("allocation/insert-bundles");
    private static final String SIZES = Resources.sql("allocation/bundle-sizes");
    private static final String SIZES_CLEAR = Resources.sql("allocation/bundle-sizes-clear");
    private static final String SIZE_ADD = Resources.sql("allocation/bundle-size-add");
    private static final String POOL_OPEN = Resources.sql("allocation/pool-open");
    private static final String POOL_LOCK = Resources.sql("allocation/pool-lock");
    private static final String POOL_ADD = Resources.sql("allocation/pool-add");
    private static final String ALLOCATED = Resources.sql("allocation/allocated");
    private static final String BUNDLES_COMMITTED = Resources.sql("allocation/bundles-committed");

    private final CampaignCatalog catalog;
    private final RequestService requests;
    private final TabletService tablets;
    private final TotalsService totals;
    private final Clock clock;

    public AllocationService(CampaignCatalog catalog, RequestService requests, TabletService tablets,
                             TotalsService totals, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.requests = requests;
        this.tablets = tablets;
        this.totals = totals;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PoolView pool(String slug) {
        return pool(catalog.bySlug(slug), true);
    }

    public List<Integer> bundleSizes(String slug) {
        return bundleSizes(catalog.bySlug(slug).id());
    }

    public List<Integer> replaceBundleSizes(String slug, BundleSizes sizes) {
        CampaignRules campaign = catalog.bySlug(slug);
        EntityManager em = Panache.getEntityManager();
        em.createNativeQuery(SIZES_CLEAR).setParameter(1, campaign.id())
                .executeUpdate();
        for (int megabytes : sizes.megabytes().stream().distinct().toList()) {
            em.createNativeQuery(SIZE_ADD)
                    .setParameter(1, campaign.id()).setParameter(2, megabytes).executeUpdate();
        }
        return bundleSizes(campaign.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView preview(String slug, PlanOrder order) {
        CampaignRules campaign = catalog.bySlug(slug);
        return plan(campaign, order, pool(campaign, true));
    }

    public CommitResult commit(String slug, PlanOrder order, String actor) {
        CampaignRules campaign = catalog.bySlug(slug);
        EntityManager em = Panache.getEntityManager();
        PlanView plan = plan(campaign, order, lockPool(campaign));
        if (order.digest() != null && !order.digest().equals(plan.digest())) {
            throw ClientError.conflict("The pool, the tablets in stock or the requests changed since the preview; "
                    + "preview again (the plan now has " + plan.bundles() + " bundles)");
        }
        if (plan.bundles() == 0) {
            throw ClientError.conflict("Nothing to allocate: the plan has no bundle (bound by " + plan.boundBy() + ")");
        }
        List<CommitResult.Made> made = new ArrayList<>();
        for (PlanView.Share share : plan.shares()) {
            if (share.bundles() == 0) {
                continue;
            }
            Allocation allocation = new Allocation();
            allocation.committedAt = clock.instant();
            allocation.campaignId = campaign.id();
            allocation.requestId = share.request();
            allocation.beneficiaryId = share.beneficiaryId();
            allocation.bundleMegabytes = plan.bundleMegabytes();
            allocation.bundles = share.bundles();
            allocation.megabytes = share.megabytes();
            allocation.plan = plan.digest();
            allocation.actor = actor;
            allocation.persistAndFlush();
            em.createNativeQuery(INSERT_BUNDLES).setParameter(1, allocation.id).setParameter(2, campaign.id())
                    .setParameter(3, allocation.beneficiaryId).setParameter(4, plan.bundleMegabytes())
                    .setParameter(5, share.bundles()).executeUpdate();
            requests.allocated(share.request(), share.bundles(), actor);
            made.add(new CommitResult.Made(allocation.id, share.request(), share.beneficiary(), share.bundles(),
                    share.megabytes()));
        }
        addToPool(campaign, plan.megabytes());
        Log.infof("Allocation committed on %s: %d bundles of %d MB to %d requests (plan %s)", campaign.slug(),
                plan.bundles(), plan.bundleMegabytes(), made.size(), plan.digest().substring(0, 12));
        return new CommitResult(plan, made, pool(campaign, false));
    }

    /**
     * Takes the locks every reservation of the pool takes, to the end of the transaction (the stock's advisory lock,
     * then the campaign's pool row), and answers the pool as it stands under them: tablets' plans and sites' monthly
     * bundles are serialised on the same locks, so allocated never passes donated, whatever the mix.
     */
    PoolView lockPool(CampaignRules campaign) {
        EntityManager em = Panache.getEntityManager();
        em.createNativeQuery(LOCK).getSingleResult();
        em.createNativeQuery(POOL_OPEN).setParameter(1, campaign.id()).executeUpdate();
        em.createNativeQuery(POOL_LOCK).setParameter(1, campaign.id()).getSingleResult();
        return pool(campaign, false);
    }

    /**
     * The pool as this transaction sees it, without the live in-flight figure: a Redis answer awaited inside a
     * transaction would carry the transaction to the thread that answers (context propagation), and the commit fails.
     */
    PoolView poolInTransaction(CampaignRules campaign) {
        return pool(campaign, false);
    }

    /** Counts megabytes reserved under {@link #lockPool} in the pool's allocated megabytes. */
    void addToPool(CampaignRules campaign, long megabytes) {
        int updated = Panache.getEntityManager().createNativeQuery(POOL_ADD).setParameter(1, campaign.id())
                .setParameter(2, megabytes).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("pool row of campaign " + campaign.id() + " missing");
        }
    }

    /** A request the planner may serve, as allocation/claims.sql reads it. */
    private record Claimed(long requestId, String beneficiaryCode, long beneficiaryId, String region, long people,
                           long approvedTablets, long approvedGigabytes, long allocatedBundles, long allocatedMegabytes) {

        static Claimed of(Tuple row) {
            return new Claimed(Rows.number(row, "request_id"), Rows.text(row, "beneficiary_code"),
                    Rows.number(row, "beneficiary_id"), Rows.text(row, "region_code"), Rows.number(row, "people"),
                    Rows.number(row, "approved_tablets"), Rows.number(row, "approved_gigabytes"),
                    Rows.number(row, "allocated_bundles"), Rows.number(row, "allocated_megabytes"));
        }
    }

    private PlanView plan(CampaignRules campaign, PlanOrder order, PoolView pool) {
        int bundle = order.bundleMegabytes();
        if (!pool.bundleSizes().contains(bundle)) {
            throw ClientError.badRequest("Campaign '" + campaign.slug() + "' hands out bundles of "
                    + pool.bundleSizes() + " MB, not " + bundle + " MB"
                    + (pool.bundleSizes().isEmpty() ? " (set its bundle sizes first)" : ""));
        }
        Map<Long, Claimed> rows = new HashMap<>();
        Map<Long, Integer> caps = new HashMap<>();
        List<Planner.Claim> claims = new ArrayList<>();
        for (Tuple tuple : Rows.list(CLAIMS, campaign.id())) {
            Claimed row = Claimed.of(tuple);
            long cap = row.approvedTablets() - row.allocatedBundles();
            if (row.approvedGigabytes() > 0) {
                long gigabyteCap = (row.approvedGigabytes() * campaign.megabytesPerGigabyte() - row.allocatedMegabytes())
                        / bundle;
                cap = Math.min(cap, gigabyteCap);
            }
            rows.put(row.requestId(), row);
            caps.put(row.requestId(), (int) Math.max(0, cap));
            claims.add(new Planner.Claim(row.requestId(), row.region(), row.people(), (int) Math.max(0, cap)));
        }
        long available = Math.max(0, tablets.inStock() - (bundlesCommitted() - tablets.carryingBundles()));
        Planner.Plan plan;
        try {
            plan = Planner.plan(new Planner.Input(pool.availableMegabytes(), bundle, available, claims,
                    order.regionFloors()));
        } catch (Planner.Infeasible e) {
            throw ClientError.conflict(e.getMessage());
        }
        List<PlanView.Share> shares = new ArrayList<>();
        Map<String, int[]> requestsByRegion = new HashMap<>();
        Map<String, Long> peopleByRegion = new HashMap<>();
        for (int i = 0; i < plan.shares().size(); i++) {
            Planner.Share share = plan.shares().get(i);
            Claimed row = rows.get(share.requestId());
            int people = (int) row.people();
            shares.add(new PlanView.Share(share.requestId(), row.beneficiaryCode(), row.beneficiaryId(),
                    share.region(), people, caps.get(share.requestId()), share.bundles(), (long) share.bundles() * bundle));
            if (share.bundles() > 0) {
                requestsByRegion.computeIfAbsent(share.region(), r -> new int[1])[0]++;
                peopleByRegion.merge(share.region(), (long) people, Long::sum);
            }
        }
        List<PlanView.RegionTotal> regions = plan.bundlesByRegion().entrySet().stream()
                .map(e -> new PlanView.RegionTotal(e.getKey(), e.getValue(), (long) e.getValue() * bundle,
                        campaign.gigabytes((long) e.getValue() * bundle),
                        requestsByRegion.getOrDefault(e.getKey(), new int[1])[0],
                        peopleByRegion.getOrDefault(e.getKey(), 0L)))
                .toList();
        long megabytes = (long) plan.bundles() * bundle;
        return new PlanView(campaign.slug(), campaign.gigabyteConvention(), bundle, plan.bundles(), megabytes,
                campaign.gigabytes(megabytes), plan.boundBy(), available, pool, regions, shares,
                digest(campaign, bundle, plan));
    }

    private PoolView pool(CampaignRules campaign, boolean withInFlight) {
        EntityManager em = Panache.getEntityManager();
        long donated = ((Number) em.createNativeQuery(DONATED).setParameter(1, campaign.id()).getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Number> allocatedRow = em.createNativeQuery(ALLOCATED)
                .setParameter(1, campaign.id()).getResultList();
        long allocated = allocatedRow.isEmpty() ? 0 : allocatedRow.get(0).longValue();
        Long inFlight = withInFlight ? inFlight(campaign, donated) : null;
        long available = donated - allocated;
        return new PoolView(campaign.slug(), campaign.gigabyteConvention(), donated, campaign.gigabytes(donated),
                allocated, campaign.gigabytes(allocated), available, campaign.gigabytes(available), inFlight,
                inFlight == null ? null : campaign.gigabytes(inFlight), bundleSizes(campaign.id()));
    }

    /** Counted live in Redis but not yet in the ledger; null when Redis does not answer (the pool does not need it). */
    private Long inFlight(CampaignRules campaign, long donated) {
        try {
            long live = totals.totals(campaign).await().atMost(Duration.ofSeconds(2)).megabytes();
            return Math.max(0, live - donated);
        } catch (RuntimeException e) {
            Log.warnf("Live totals of %s unavailable for the pool view: %s", campaign.slug(), e.getMessage());
            return null;
        }
    }

    private static long bundlesCommitted() {
        return ((Number) Panache.getEntityManager().createNativeQuery(BUNDLES_COMMITTED).getSingleResult())
                .longValue();
    }

    private static List<Integer> bundleSizes(long campaignId) {
        @SuppressWarnings("unchecked")
        List<Number> sizes = Panache.getEntityManager()
                .createNativeQuery(SIZES)
                .setParameter(1, campaignId).getResultList();
        return sizes.stream().map(Number::intValue).toList();
    }

    private static String digest(CampaignRules campaign, int bundle, Planner.Plan plan) {
        StringBuilder text = new StringBuilder().append(campaign.id()).append('|').append(bundle);
        plan.shares().forEach(s -> text.append('|').append(s.requestId()).append(':').append(s.bundles()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
