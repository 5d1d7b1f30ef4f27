package io.clickgive.allocation;

import io.clickgive.allocation.Planner.Claim;
import io.clickgive.allocation.Planner.Input;
import io.clickgive.allocation.Planner.Plan;
import io.clickgive.allocation.Planner.Share;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    private static final int BUNDLE = 5_000;
    private static final List<String> REGIONS = List.of("MA-01", "MA-02", "MA-03", "MA-04", "MA-05");

    @Property(tries = 500)
    void planNeverExceedsThePoolTheTabletsOrAnyCap(@ForAll("inputs") Input input) {
        Assume.that(floorsFit(input));
        Plan plan = Planner.plan(input);
        assertTrue((long) plan.bundles() * input.bundleMegabytes() <= input.poolMegabytes(), "within the pool");
        assertTrue(plan.bundles() <= input.tablets(), "within the tablets in stock");
        Map<Long, Claim> claims = byRequest(input);
        for (Share share : plan.shares()) {
            assertTrue(share.bundles() >= 0 && share.bundles() <= claims.get(share.requestId()).cap(),
                    () -> share + " within its cap " + claims.get(share.requestId()).cap());
        }
    }

    @Property(tries = 500)
    void planSumsExactlyToWhatCanBeAllocated(@ForAll("inputs") Input input) {
        Assume.that(floorsFit(input));
        Plan plan = Planner.plan(input);
        long caps = input.claims().stream().mapToLong(Claim::cap).sum();
        long expected = Math.min(Math.min(input.poolMegabytes() / input.bundleMegabytes(), input.tablets()), caps);
        assertEquals(expected, plan.bundles());
        assertEquals(expected, plan.shares().stream().mapToLong(Share::bundles).sum());
        assertEquals(expected, plan.bundlesByRegion().values().stream().mapToLong(Integer::longValue).sum());
        assertEquals(input.claims().size(), plan.shares().size());
    }

    @Property(tries = 300)
    void planIsDeterministicWhateverTheOrderOfTheRequests(@ForAll("inputs") Input input, @ForAll long seed) {
        Assume.that(floorsFit(input));
        List<Claim> shuffled = new ArrayList<>(input.claims());
        Collections.shuffle(shuffled, new Random(seed));
        Input reordered = new Input(input.poolMegabytes(), input.bundleMegabytes(), input.tablets(), shuffled,
                input.regionFloors());
        assertEquals(Planner.plan(input), Planner.plan(reordered));
    }

    @Property(tries = 500)
    void moreWeightNeverMeansFewerBundles(@ForAll("unflooredInputs") Input input,
                                          @ForAll @IntRange(min = 0, max = 9) int pick,
                                          @ForAll @IntRange(min = 1, max = 5_000) int extra) {
        Claim chosen = input.claims().get(pick % input.claims().size());
        List<Claim> heavier = input.claims().stream()
                .map(c -> c == chosen ? new Claim(c.requestId(), c.region(), c.weight() + extra, c.cap()) : c)
                .toList();
        Plan before = Planner.plan(input);
        Plan after = Planner.plan(new Input(input.poolMegabytes(), input.bundleMegabytes(), input.tablets(), heavier,
                Map.of()));
        assertTrue(bundlesOf(after, chosen.requestId()) >= bundlesOf(before, chosen.requestId()),
                () -> "request " + chosen.requestId() + ": " + before + " -> " + after);
    }

    @Property(tries = 500)
    void floorsAreHonouredWhenFeasible(@ForAll("inputs") Input input) {
        Map<String, Long> takes = input.claims().stream()
                .collect(Collectors.groupingBy(Claim::region, Collectors.summingLong(Claim::cap)));
        long size = Planner.plan(new Input(input.poolMegabytes(), input.bundleMegabytes(), input.tablets(),
                input.claims(), Map.of())).bundles();
        long needed = input.regionFloors().entrySet().stream()
                .mapToLong(f -> Math.min(f.getValue(), takes.getOrDefault(f.getKey(), 0L))).sum();
        if (needed > size) {
            Planner.Infeasible refused = assertThrows(Planner.Infeasible.class, () -> Planner.plan(input));
            assertTrue(refused.getMessage().contains("floors need " + needed), refused.getMessage());
            return;
        }
        Plan plan = Planner.plan(input);
        input.regionFloors().forEach((region, floor) -> assertTrue(
                plan.bundlesByRegion().getOrDefault(region, 0) >= Math.min(floor, takes.getOrDefault(region, 0L)),
                () -> "region " + region + " with floor " + floor + ": " + plan.bundlesByRegion()));
    }

    @Example
    void sharesFollowPeopleServedAndTheSurplusOfACappedRequestGoesToTheOthers() {
        // 100 bundles; weights 1:1:2; request 1 may take only 10, so 90 are shared 1:2 between the others.
        Plan plan = Planner.plan(new Input(100L * BUNDLE, BUNDLE, 1_000, List.of(
                new Claim(1, "MA-01", 100, 10),
                new Claim(2, "MA-02", 100, 500),
                new Claim(3, "MA-03", 200, 500)), Map.of()));
        assertEquals(List.of(10, 30, 60), plan.shares().stream().map(Share::bundles).toList());
        assertEquals(Planner.Bound.POOL, plan.boundBy());
    }

    @Example
    void largestRemainderSettlesFractionsAndTiesGoToTheLowerRequestId() {
        // 10 bundles over three equal weights: 3⅓ each; one bundle is left after the whole parts and goes to request 4,
        // the lowest id among equal remainders and weights.
        Plan plan = Planner.plan(new Input(10L * BUNDLE, BUNDLE, 1_000, List.of(
                new Claim(9, "MA-01", 7, 100),
                new Claim(4, "MA-01", 7, 100),
                new Claim(6, "MA-01", 7, 100)), Map.of()));
        assertEquals(List.of(new Share(4, "MA-01", 4), new Share(6, "MA-01", 3), new Share(9, "MA-01", 3)),
                plan.shares());
    }

    @Example
    void theTabletsInStockBoundThePlan() {
        Plan plan = Planner.plan(new Input(1_000L * BUNDLE, BUNDLE, 7, List.of(
                new Claim(1, "MA-01", 1, 100), new Claim(2, "MA-02", 1, 100)), Map.of()));
        assertEquals(7, plan.bundles());
        assertEquals(Planner.Bound.TABLETS, plan.boundBy());
    }

    @Example
    void aFloorGivesAnOtherwiseSmallRegionItsMinimum() {
        Plan plan = Planner.plan(new Input(20L * BUNDLE, BUNDLE, 1_000, List.of(
                new Claim(1, "MA-01", 1_000, 100), new Claim(2, "MA-11", 10, 100)), Map.of("MA-11", 5)));
        assertEquals(Map.of("MA-01", 15, "MA-11", 5), plan.bundlesByRegion());
    }

    @Example
    void duplicateRequestsAreRefused() {
        Planner.Infeasible refused = assertThrows(Planner.Infeasible.class, () -> Planner.plan(new Input(BUNDLE, BUNDLE,
                1, List.of(new Claim(1, "MA-01", 1, 1), new Claim(1, "MA-02", 1, 1)), Map.of())));
        assertTrue(refused.getMessage().contains("listed twice"), refused.getMessage());
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<Map<String, Integer>> floors = Arbitraries.maps(Arbitraries.of(REGIONS),
                Arbitraries.integers().between(0, 60)).ofMaxSize(3);
        return Combinators.combine(claims(), Arbitraries.longs().between(0, 400), Arbitraries.longs().between(0, 500),
                floors).as((claims, poolBundles, tablets, regionFloors) ->
                new Input(poolBundles * BUNDLE + poolBundles % 7 * 13, BUNDLE, tablets, claims, regionFloors));
    }

    @Provide
    Arbitrary<Input> unflooredInputs() {
        return Combinators.combine(claims(), Arbitraries.longs().between(0, 400), Arbitraries.longs().between(0, 500))
                .as((claims, poolBundles, tablets) -> new Input(poolBundles * BUNDLE, BUNDLE, tablets, claims, Map.of()));
    }

    private Arbitrary<List<Claim>> claims() {
        Arbitrary<Claim> claim = Combinators.combine(Arbitraries.longs().between(1, 1_000_000), Arbitraries.of(REGIONS),
                        Arbitraries.longs().between(1, 20_000), Arbitraries.integers().between(0, 80))
                .as(Claim::new);
        return claim.list().ofMinSize(1).ofMaxSize(30).uniqueElements(Claim::requestId);
    }

    /** Whether the floors fit in the plan (the floors property covers the other case). */
    private static boolean floorsFit(Input input) {
        Map<String, Long> takes = input.claims().stream()
                .collect(Collectors.groupingBy(Claim::region, Collectors.summingLong(Claim::cap)));
        long size = Planner.plan(new Input(input.poolMegabytes(), input.bundleMegabytes(), input.tablets(),
                input.claims(), Map.of())).bundles();
        return input.regionFloors().entrySet().stream()
                .mapToLong(f -> Math.min(f.getValue(), takes.getOrDefault(f.getKey(), 0L))).sum() <= size;
    }

    private static Map<Long, Claim> byRequest(Input input) {
        Map<Long, Claim> claims = new HashMap<>();
        input.claims().forEach(c -> claims.put(c.requestId(), c));
        return claims;
    }

    private static int bundlesOf(Plan plan, long requestId) {
        return plan.shares().stream().filter(s -> s.requestId() == requestId).findFirst().orElseThrow().bundles();
    }
}
