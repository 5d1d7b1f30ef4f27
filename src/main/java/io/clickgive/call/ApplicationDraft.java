package io.clickgive.call;

import io.clickgive.beneficiary.BeneficiaryKind;

import java.util.List;

/**
 * What an organisation sends to a call: who it is and where, how many people it serves, what for, what it asks
 * (tablets, data for a site), who to contact, its answers to the call's questions in order, and for a village site
 * what its committee knows of it (on the grid or not, its facts). Checked by ApplicationRules, which lists every
 * problem at once: a form on a phone is not sent one mistake at a time.
 */
public record ApplicationDraft(String organisation, BeneficiaryKind kind, String region, String province,
                               Integer peopleServed, String purpose, Integer tablets, Integer gigabytes,
                               String contactName, String contactPhone, String contactEmail, List<String> answers,
                               Boolean gridPower, String siteFacts) {
}
