package io.clickgive.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A request with its status (its latest step), what was approved and allocated, and every step. */
public record RequestView(long id, String campaign, String beneficiary, String region, String purpose, int people,
                          String place, int tablets, int gigabytes, RequestStep status, int approvedTablets,
                          int approvedGigabytes, int allocatedBundles, List<Step> steps) {

    public record Step(long id, RequestStep kind, Integer approvedTablets, Integer approvedGigabytes, Integer bundles,
                       String reason, Map<String, Object> report, Long corrects, String actor, Instant at) {

        static Step of(RequestEvent e) {
            return new Step(e.id, e.kind, e.approvedTablets, e.approvedGigabytes, e.bundles, e.reason, e.report,
                    e.corrects, e.actor, e.at);
        }
    }
}
