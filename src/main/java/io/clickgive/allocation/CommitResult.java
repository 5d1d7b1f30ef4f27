package io.clickgive.allocation;

import java.util.List;

/** A committed plan: the allocations it made (one per request with a share) and the pool afterwards. */
public record CommitResult(PlanView plan, List<Made> allocations, PoolView pool) {

    public record Made(long id, long request, String beneficiary, int bundles, long megabytes) {
    }
}
