package io.clickgive.beneficiary;

/** A beneficiary as the API shows it. */
public record BeneficiaryView(String code, BeneficiaryKind kind, String name, String region, String province,
                              int peopleServed, int tabletsRequested, int gigabytesRequested, String contactName,
                              String contactPhone, String contactEmail, Integer bandwidthMbps, Long installationCost,
                              Integer phase) {

    static BeneficiaryView of(Beneficiary b) {
        return new BeneficiaryView(b.code, b.kind, b.name, b.regionCode, b.province, b.peopleServed, b.tabletsRequested,
                b.gigabytesRequested, b.contactName, b.contactPhone, b.contactEmail, b.bandwidthMbps,
                b.installationCost, b.phase);
    }
}
