package io.clickgive.allocation;

import io.clickgive.request.Request;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns a pool into whole bundles per request: regional floors first (when asked for), then the rest in proportion to
 * weight (people served), each request capped by what was approved, the surplus of capped requests shared out again,
 * fractions settled by largest remainder with deterministic ties. A pure function: no clock, no database.
 */
public final class Planner {

    /** What a request may receive: its weight (people served) and its cap in bundles (approved, not yet allocated). */
    public record Claim(long requestId, String region, long weight, int cap) {
    }

    /**
     * @param poolMegabytes    donated (ledger) minus allocated
     * @param bundleMegabytes  the size of one bundle
     * @param tablets          tablets in stock with no bundle reserved for them: one bundle goes on one tablet
     * @param regionFloors     bundles each region should receive at least (as far as its requests can take them)
     */
    public record Input(long poolMegabytes, int bundleMegabytes, long tablets, List<Claim> claims,
                        Map<String, Integer> regionFloors) {
        public Input {
            claims = List.copyOf(claims);
            regionFloors = regionFloors == null ? Map.of() : Map.copyOf(regionFloors);
        }
    }

    public record Share(long requestId, String region, int bundles) {
    }

    /** What set the plan's size: the pool, the tablets in stock, or what the requests can take. */
    public enum Bound { POOL, TABLETS, REQUESTS }

    /** Shares in request order (every claim, also those that receive nothing) and bundles per region. */
    public record Plan(int bundles, Bound boundBy, List<Share> shares, Map<String, Integer> bundlesByRegion) {
    }

    /** Raised when the input cannot be planned: duplicate requests, negative numbers, floors beyond the plan's size. */
    public static final class Infeasible extends RuntimeException {
        Infeasible(String message) {
            super(message, null, false, false);
        }
    }

    private Planner() {
    }

    public static Plan plan(Input input) {
        check(input);
        List<Claim> claims = new ArrayList<>(input.claims());
        claims.sort(Comparator.comparingLong(Claim::requestId));

        long byPool = input.poolMegabytes() / input.bundleMegabytes();
        long byRequests = claims.stream().mapToLong(Claim::cap).sum();
        long size = Math.min(Math.min(byPool, input.tablets()), byRequests);
        Bound bound = size == byPool ? Bound.POOL : size == input.tablets() ? Bound.TABLETS : Bound.REQUESTS;

        int[] bundles = new int[claims.size()];
        long floored = floors(input.regionFloors(), claims, size, bundles);
        int[] left = new int[claims.size()];
        List<Integer> everyone = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            left[i] = claims.get(i).cap() - bundles[i];
            everyone.add(i);
        }
        share(size - floored, everyone, claims, left, bundles);

        List<Share> shares = new ArrayList<>(claims.size());
        Map<String, Integer> byRegion = new TreeMap<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            shares.add(new Share(claim.requestId(), claim.region(), bundles[i]));
            byRegion.merge(claim.region(), bundles[i], Integer::sum);
        }
        return new Plan((int) size, bound, List.copyOf(shares), byRegion);
    }

    /** Gives each region with a floor min(floor, what its requests can take), shared within the region; returns the sum. */
    private static long floors(Map<String, Integer> floors, List<Claim> claims, long size, int[] bundles) {
        if (floors.isEmpty()) {
            return 0;
        }
        Map<String, List<Integer>> members = new TreeMap<>();
        Map<String, Long> takes = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            members.computeIfAbsent(claim.region(), r -> new ArrayList<>()).add(i);
            takes.merge(claim.region(), (long) claim.cap(), Long::sum);
        }
        long needed = 0;
        Map<String, Long> due = new TreeMap<>();
        for (Map.Entry<String, Integer> floor : floors.entrySet()) {
            long regionDue = Math.min(floor.getValue(), takes.getOrDefault(floor.getKey(), 0L));
            due.put(floor.getKey(), regionDue);
            needed += regionDue;
        }
        if (needed > size) {
            throw new Infeasible("The regional floors need " + needed + " bundles, but only " + size
                    + " can be allocated now");
        }
        int[] caps = claims.stream().mapToInt(Claim::cap).toArray();
        due.forEach((region, regionDue) -> {
            if (regionDue > 0) {
                share(regionDue, members.get(region), claims, caps, bundles);
            }
        });
        return needed;
    }

    /**
     * Adds {@code total} bundles to {@code bundles} over the claims at {@code members}, in proportion to weight and
     * within {@code left} (what each may still take; updated). Claims whose proportional quota reaches what they may
     * take receive exactly that; the rest is shared again among the others (water-filling), then rounded.
     */
    private static void share(long total, List<Integer> members, List<Claim> claims, int[] left, int[] bundles) {
        List<Integer> open = new ArrayList<>();
        for (int i : members) {
            if (left[i] > 0) {
                open.add(i);
            }
        }
        // In order of cap ÷ weight, the capped claims form a prefix: capping one only raises the level for the others.
        open.sort((a, b) -> {
            int byRatio = BigInteger.valueOf(left[a]).multiply(BigInteger.valueOf(claims.get(b).weight()))
                    .compareTo(BigInteger.valueOf(left[b]).multiply(BigInteger.valueOf(claims.get(a).weight())));
            return byRatio != 0 ? byRatio : Long.compare(claims.get(a).requestId(), claims.get(b).requestId());
        });
        BigInteger remaining = BigInteger.valueOf(total);
        BigInteger weights = BigInteger.ZERO;
        for (int i : open) {
            weights = weights.add(BigInteger.valueOf(claims.get(i).weight()));
        }
        int first = 0;
        while (first < open.size()) {
            int i = open.get(first);
            BigInteger weight = BigInteger.valueOf(claims.get(i).weight());
            // quota = remaining × weight ÷ weights ≥ left  ⇔  left × weights ≤ remaining × weight
            if (BigInteger.valueOf(left[i]).multiply(weights).compareTo(remaining.multiply(weight)) > 0) {
                break;
            }
            bundles[i] += left[i];
            remaining = remaining.subtract(BigInteger.valueOf(left[i]));
            weights = weights.subtract(weight);
            left[i] = 0;
            first++;
        }
        List<Integer> rest = open.subList(first, open.size());
        if (rest.isEmpty() || remaining.signum() == 0) {
            return;
        }
        Map<Integer, BigInteger> remainders = new HashMap<>();
        long leftover = remaining.longValueExact();
        for (int i : rest) {
            BigInteger[] quota = remaining.multiply(BigInteger.valueOf(claims.get(i).weight())).divideAndRemainder(weights);
            int whole = quota[0].intValueExact();
            bundles[i] += whole;
            left[i] -= whole;
            leftover -= whole;
            remainders.put(i, quota[1]);
        }
        List<Integer> byRemainder = new ArrayList<>(rest);
        byRemainder.sort(Comparator.<Integer, BigInteger>comparing(remainders::get).reversed()
                .thenComparing(i -> claims.get(i).weight(), Comparator.reverseOrder())
                .thenComparing(i -> claims.get(i).requestId()));
        for (int k = 0; k < leftover; k++) {
            int i = byRemainder.get(k);
            bundles[i]++;
            left[i]--;
        }
    }

    private static void check(Input input) {
        if (input.bundleMegabytes() <= 0) {
            throw new Infeasible("The bundle size must be positive");
        }
        if (input.poolMegabytes() < 0 || input.tablets() < 0) {
            throw new Infeasible("The pool and the tablets in stock cannot be negative");
        }
        Map<Long, Claim> seen = new HashMap<>();
        for (Claim claim : input.claims()) {
            Objects.requireNonNull(claim.region(), "region");
            if (claim.weight() <= 0 || claim.cap() < 0) {
                throw new Infeasible("Request " + claim.requestId() + " needs a positive weight and a cap of 0 or more");
            }
            if (seen.put(claim.requestId(), claim) != null) {
                throw new Infeasible("Request " + claim.requestId() + " is listed twice");
            }
        }
        for (Map.Entry<String, Integer> floor : input.regionFloors().entrySet()) {
            if (floor.getValue() == null || floor.getValue() < 0) {
                throw new Infeasible("The floor of region " + floor.getKey() + " cannot be negative");
            }
        }
    }
}
