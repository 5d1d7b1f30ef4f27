package io.clickgive.distribution;

import java.util.List;

/** A distributor as the API shows it. */
public record DistributorView(String code, String name, String contact, List<String> regions) {

    static DistributorView of(Distributor d) {
        return new DistributorView(d.code, d.name, d.contact, d.regions.stream().sorted().toList());
    }
}
