package io.clickgive.beneficiary;

/** What a beneficiary is; a connectivity site is a village (douar) installation with its own bandwidth and budget. */
public enum BeneficiaryKind {
    ASSOCIATION, SCHOOL, CONNECTIVITY_SITE
}
