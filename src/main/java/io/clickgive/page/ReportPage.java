package io.clickgive.page;

import java.util.List;

/** The transparency report with its figures written out in the page's language, for the template. */
public record ReportPage(String slug, String confirmedGigabytes, String clicksLine, String inFlightGigabytes,
                         String allocatedGigabytes, int allocatedPercent, String deliveredGigabytes,
                         int deliveredPercent, String tabletsLine, String beneficiariesLine, String peopleLine,
                         String sitesGigabytes, int sitesPercent, String sitesLine, String usedGigabytes,
                         String lapsedGigabytes, String unreportedGigabytes, List<Region> regions) {

    public record Region(String name, String donated, String allocated, String tablets, String sites, String used,
                         String lapsed) {
    }
}
