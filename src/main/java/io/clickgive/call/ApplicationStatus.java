package io.clickgive.call;

/**
 * Where an application to a call for projects stands: submitted (waiting for a manager), more asked (waiting for the
 * applicant's reply), then accepted (a beneficiary and its request) or declined (with the reason the applicant sees).
 */
public enum ApplicationStatus {
    SUBMITTED, MORE_ASKED, ACCEPTED, DECLINED;

    /** Open: still waiting for someone; an organisation may hold only so many of these. */
    public boolean isOpen() {
        return this == SUBMITTED || this == MORE_ASKED;
    }
}
