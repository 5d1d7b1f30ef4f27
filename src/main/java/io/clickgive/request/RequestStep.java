package io.clickgive.request;

import java.util.EnumSet;
import java.util.Set;

/** The steps of a beneficiary's request; each is an event, and the latest one is the request's status. */
public enum RequestStep {
    SUBMITTED, APPROVED, PARTLY_APPROVED, DECLINED, ALLOCATED, DELIVERED, USAGE_REPORTED;

    static final Set<RequestStep> REVIEWS = EnumSet.of(APPROVED, PARTLY_APPROVED, DECLINED);

    boolean isReview() {
        return REVIEWS.contains(this);
    }
}
