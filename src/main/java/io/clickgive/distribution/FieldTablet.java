package io.clickgive.distribution;

/**
 * One of a distributor's tablets as the phone keeps it for the field: where it stands, and the beneficiary its bundle
 * was allocated to (the one it may be assigned and delivered to).
 */
public record FieldTablet(String serial, String imei, String model, TabletStatus status, int bundleMegabytes,
                          String bundleFor, String bundleForName, String region, String assignedTo, String recipient,
                          String deliveredOn) {
}
