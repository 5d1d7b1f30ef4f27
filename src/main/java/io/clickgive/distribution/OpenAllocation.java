package io.clickgive.distribution;

/** An allocation with bundles no tablet carries yet: what a preload can draw on. */
public record OpenAllocation(long allocation, String beneficiary, String region, int bundleMegabytes,
                             long freeBundles) {
}
