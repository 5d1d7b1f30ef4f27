package io.clickgive.allocation;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool comes from the ledger; a plan is previewed, then committed as previewed; allocated never exceeds donated. */
@QuarkusTest
class AllocationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void thePoolIsTheLedgerMinusWhatIsAllocatedAndACommitReservesThePreviewedPlan() {
        String slug = Fixtures.liveCampaign("pool");
        Distribution.donate(slug, 1_000);                 // 10 000 MB in the ledger
        Distribution.bundleSizes(slug, 500, 1_000);
        Distribution.tablets(40);
        int big = Distribution.approvedRequest(slug, "MA-07", 300, 50);
        int small = Distribution.approvedRequest(slug, "MA-08", 100, 50);
        int pending = Distribution.submit(slug, Distribution.beneficiary("MA-09", 900), 900, 50);

        pool(slug).body("donatedMegabytes", equalTo(10_000)).body("allocatedMegabytes", equalTo(0))
                .body("availableMegabytes", equalTo(10_000)).body("donatedGigabytes", equalTo(10.0f))
                .body("gigabyteConvention", equalTo("1 GB = 1000 MB")).body("bundleSizes", hasSize(2))
                .body("inFlightMegabytes", equalTo(0));      // likes go to the ledger and the counters at once

        // 20 bundles of 500 MB, shared 3:1 between the approved requests; the pending one gets nothing.
        Response preview = given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 500))
                .post("/api/manage/campaigns/{slug}/allocations/preview", slug);
        preview.then().statusCode(200).body("bundles", equalTo(20)).body("boundBy", equalTo("POOL"))
                .body("shares", hasSize(2))
                .body("shares.find { it.request == " + big + " }.bundles", equalTo(15))
                .body("shares.find { it.request == " + small + " }.bundles", equalTo(5))
                .body("regions.find { it.region == 'MA-07' }.gigabytes", equalTo(7.5f));
        String digest = preview.path("digest");
        assertTrue(preview.jsonPath().getList("shares.request").stream().noneMatch(r -> r.equals(pending)));

        // The pool grows before the commit: the previewed plan is no longer the plan, so nothing is committed.
        Distribution.donate(slug, 100);
        commit(slug, Map.of("bundleMegabytes", 500, "digest", digest)).statusCode(409)
                .body("detail", containsString("preview again"));
        pool(slug).body("allocatedMegabytes", equalTo(0));

        String fresh = given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 500))
                .post("/api/manage/campaigns/{slug}/allocations/preview", slug).then().statusCode(200)
                .body("bundles", equalTo(22)).extract().path("digest");
        commit(slug, Map.of("bundleMegabytes", 500, "digest", fresh)).statusCode(201)
                .body("allocations", hasSize(2)).body("pool.allocatedMegabytes", equalTo(11_000))
                .body("pool.availableMegabytes", equalTo(0));
        given().get("/api/manage/requests/{id}", big).then().body("status", equalTo("ALLOCATED"))
                .body("allocatedBundles", equalTo(17));   // 16.5 : 5.5, the tie goes to the larger weight
        assertEquals(22L, new Ledger(db).single("SELECT count(*) FROM bundle b JOIN campaign c ON c.id = b.campaign_id "
                + "WHERE c.slug = ?", slug));

        commit(slug, Map.of("bundleMegabytes", 500)).statusCode(409).body("detail", containsString("Nothing to allocate"));
    }

    @Test
    void plansAskForAKnownBundleSizeAndFeasibleFloors() {
        String slug = Fixtures.liveCampaign("pool-bad");
        Distribution.donate(slug, 100);
        given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 500))
                .post("/api/manage/campaigns/{slug}/allocations/preview", slug).then().statusCode(400)
                .body("detail", containsString("set its bundle sizes first"));
        Distribution.bundleSizes(slug, 100);
        Distribution.tablets(10);
        Distribution.approvedRequest(slug, "MA-01", 10, 8);
        Distribution.approvedRequest(slug, "MA-02", 10, 8);
        given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 250))
                .post("/api/manage/campaigns/{slug}/allocations/preview", slug).then().statusCode(400);
        // 10 bundles in the pool; floors of 8 and 8 need 16.
        given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 100,
                        "regionFloors", Map.of("MA-01", 8, "MA-02", 8)))
                .post("/api/manage/campaigns/{slug}/allocations/preview", slug).then().statusCode(409)
                .body("detail", containsString("floors need 16"));
        given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 100,
                        "regionFloors", Map.of("MA-02", 7)))
                .post("/api/manage/campaigns/{slug}/allocations/preview", slug).then().statusCode(200)
                .body("regions.find { it.region == 'MA-02' }.bundles", equalTo(8));
        given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 100, "regionFloors", Map.of("MA-42", 1)))
                .post("/api/manage/campaigns/{slug}/allocations/preview", slug).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 100))
                .post("/api/manage/campaigns/{slug}/allocations/preview", "no-such-campaign").then().statusCode(404);
    }

    /**
     * Invariant 4 under load: 50 commits at once while donations keep arriving and sites' monthly bundles are issued
     * from the same pool (a month per run, catching up a year); a monitor checks every instant.
     */
    @Test
    void fiftyParallelCommitsNeverAllocateMoreThanWasDonated() throws Exception {
        String slug = Fixtures.liveCampaign("pool-race");
        Distribution.donate(slug, 300);                   // 3 000 MB: 30 bundles of 100 MB
        Distribution.bundleSizes(slug, 100);
        Distribution.tablets(400);
        List<Integer> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(Distribution.approvedRequest(slug, "MA-0" + (1 + i % 9), 50 + 37 * i, 40));
        }
        String firstMonth = java.time.YearMonth.now(java.time.ZoneId.of("Africa/Casablanca")).minusMonths(11).toString();
        for (int i = 0; i < 2; i++) {
            String site = io.clickgive.site.Sites.approved("race");
            io.clickgive.site.Sites.install(site);
            SiteBundleTest.plan(slug, site, io.clickgive.site.Sites.sim(site), 100, firstMonth, 12).statusCode(201);
        }
        // The first month before the race: the commits may drain the pool before any site month runs, and the check
        // that sites were served must not depend on which thread starts first.
        SiteBundleTest.issue(slug, firstMonth).statusCode(200);
        Ledger ledger = new Ledger(db);
        long campaign = ledger.single("SELECT id FROM campaign WHERE slug = ?", slug);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger samples = new AtomicInteger();
        List<String> breaches = new ArrayList<>();
        Thread monitor = new Thread(() -> {
            while (running.get()) {
                // One statement, so one snapshot: both sums as of the same instant.
                long excess = ledger.single("SELECT (SELECT coalesce(sum(megabytes), 0) FROM allocation "
                        + "WHERE campaign_id = ?) + (SELECT coalesce(sum(megabytes), 0) FROM site_bundle "
                        + "WHERE campaign_id = ?) - (SELECT coalesce(sum(megabytes), 0) FROM donation "
                        + "WHERE campaign_id = ?)", campaign, campaign, campaign);
                if (excess > 0) {
                    synchronized (breaches) {
                        breaches.add(excess + " MB more allocated than donated");
                    }
                }
                samples.incrementAndGet();
            }
        });
        monitor.start();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    if (n % 10 == 0) {
                        Distribution.donate(slug, 25);    // the pool grows while plans are committed
                    }
                    if (n % 4 == 1) {                      // a month of the sites' bundles, from the same pool
                        String month = java.time.YearMonth.parse(firstMonth).plusMonths(n / 4 % 12).toString();
                        statuses.merge(SiteBundleTest.issue(slug, month).extract().statusCode(), 1, Integer::sum);
                    }
                    Map<String, Object> order = new HashMap<>(Map.of("bundleMegabytes", 100));
                    if (n % 2 == 0) {                      // half commit a preview, half commit blind
                        order.put("digest", given().contentType(ContentType.JSON).body(Map.of("bundleMegabytes", 100))
                                .post("/api/manage/campaigns/{slug}/allocations/preview", slug).path("digest"));
                    }
                    int status = commit(slug, order).extract().statusCode();
                    statuses.merge(status, 1, Integer::sum);
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            running.set(false);
            monitor.join();
        }
        assertTrue(breaches.isEmpty(), () -> breaches.size() + " samples broke invariant 4, the first: " + breaches.get(0));
        assertTrue(samples.get() > 10, "the monitor sampled " + samples.get() + " times");
        assertTrue(statuses.getOrDefault(201, 0) >= 1, statuses.toString());
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 409), statuses.toString());
        assertEquals(13, statuses.getOrDefault(200, 0), statuses.toString());

        long donated = ledger.single("SELECT sum(megabytes) FROM donation WHERE campaign_id = ?", campaign);
        long toTablets = ledger.single("SELECT coalesce(sum(megabytes), 0) FROM allocation WHERE campaign_id = ?",
                campaign);
        long toSites = ledger.single("SELECT coalesce(sum(megabytes), 0) FROM site_bundle WHERE campaign_id = ?",
                campaign);
        long allocated = toTablets + toSites;
        assertEquals(4_250, donated);                    // 300 + 5 × 25 likes
        assertEquals(allocated, ledger.single("SELECT allocated_megabytes FROM pool WHERE campaign_id = ?", campaign));
        assertTrue(allocated <= donated, allocated + " > " + donated);
        assertEquals(toTablets / 100, ledger.single("SELECT count(*) FROM bundle WHERE campaign_id = ?", campaign));
        assertTrue(toSites > 0, "some site bundles were issued");
        assertEquals(toSites / 100, ledger.single("SELECT count(DISTINCT (plan_id, month)) FROM site_bundle "
                + "WHERE campaign_id = ?", campaign), "each month once per plan");
        for (int request : requests) {
            int bundles = given().get("/api/manage/requests/{id}", request).path("allocatedBundles");
            assertTrue(bundles <= 40, "request " + request + " has " + bundles + " bundles for 40 tablets approved");
        }
        pool(slug).body("availableMegabytes", equalTo((int) (donated - allocated)));
    }

    private static io.restassured.response.ValidatableResponse pool(String slug) {
        return given().get("/api/manage/campaigns/{slug}/pool", slug).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse commit(String slug, Map<String, Object> order) {
        return given().contentType(ContentType.JSON).body(order).post("/api/manage/campaigns/{slug}/allocations", slug)
                .then();
    }
}
