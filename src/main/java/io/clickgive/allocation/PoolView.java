package io.clickgive.allocation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A campaign's pool: donated (as the PostgreSQL ledger holds it, never the live counters) minus allocated. What is
 * still in flight (counted in Redis, not yet in the ledger) is shown apart and is not allocatable.
 */
public record PoolView(String campaign, String gigabyteConvention, long donatedMegabytes, BigDecimal donatedGigabytes,
                       long allocatedMegabytes, BigDecimal allocatedGigabytes, long availableMegabytes,
                       BigDecimal availableGigabytes, Long inFlightMegabytes, BigDecimal inFlightGigabytes,
                       List<Integer> bundleSizes) {
}
