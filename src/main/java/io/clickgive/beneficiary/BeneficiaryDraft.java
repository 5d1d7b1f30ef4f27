package io.clickgive.beneficiary;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A beneficiary as a manager sends it, by API or as one CSV row; the same rules check both. */
public record BeneficiaryDraft(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}", message = "letters, digits, '.', '_' and '-', 1 to 40 characters") String code,
        @NotNull BeneficiaryKind kind,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "MA-(0[1-9]|1[0-2])", message = "one of Morocco's 12 region codes, MA-01 to MA-12") String region,
        @NotBlank @Size(max = 100) String province,
        @NotNull @Min(1) @Max(10_000_000) Integer peopleServed,
        @Min(0) @Max(1_000_000) Integer tabletsRequested,
        @Min(0) @Max(10_000_000) Integer gigabytesRequested,
        @Size(max = 200) String contactName,
        @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "a phone number: digits, spaces, '+', '(', ')' and '-'") String contactPhone,
        @Email @Size(max = 200) String contactEmail,
        @Min(1) @Max(100_000) Integer bandwidthMbps,
        @Min(0) Long installationCost,
        @Min(1) @Max(100) Integer phase) {

    /**
     * A site's installation facts come together or not yet at all: a village committee's accepted application or a
     * survey makes a site before anything is installed. Other kinds never have them.
     */
    @AssertTrue(message = "a connectivity site has bandwidthMbps, installationCost and phase all together or none yet; "
            + "other kinds have none")
    public boolean isSiteComplete() {
        boolean site = bandwidthMbps != null && installationCost != null && phase != null;
        boolean none = bandwidthMbps == null && installationCost == null && phase == null;
        return kind == null || none || (kind == BeneficiaryKind.CONNECTIVITY_SITE && site);
    }

    void applyTo(Beneficiary b) {
        b.code = code;
        b.kind = kind;
        b.name = name.strip();
        b.regionCode = region;
        b.province = province.strip();
        b.peopleServed = peopleServed;
        b.tabletsRequested = tabletsRequested == null ? 0 : tabletsRequested;
        b.gigabytesRequested = gigabytesRequested == null ? 0 : gigabytesRequested;
        b.contactName = contactName;
        b.contactPhone = contactPhone;
        b.contactEmail = contactEmail;
        b.bandwidthMbps = bandwidthMbps;
        b.installationCost = installationCost;
        b.phase = phase;
    }
}
