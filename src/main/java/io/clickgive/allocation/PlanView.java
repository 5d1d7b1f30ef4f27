package io.clickgive.allocation;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.List;

/**
 * A plan as a manager previews or commits it: its size and what bounded it, the pool it draws on, totals per region
 * and each request's share. {@code digest} identifies the plan; commit it to be sure nothing moved in between.
 */
public record PlanView(String campaign, String gigabyteConvention, int bundleMegabytes, int bundles, long megabytes,
                       BigDecimal gigabytes, Planner.Bound boundBy, long tabletsAvailable, PoolView pool,
                       List<RegionTotal> regions, List<Share> shares, String digest) {

    public record RegionTotal(String region, int bundles, long megabytes, BigDecimal gigabytes, int requests,
                              long people) {
    }

    public record Share(long request, String beneficiary, @JsonIgnore long beneficiaryId, String region, int people,
                        int cap, int bundles, long megabytes) {
    }
}
