package io.clickgive.site;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What managers send to move a connectivity site on; the facts each step records. */
public final class SiteSteps {

    private SiteSteps() {
    }

    /** A site survey with a field partner. Only villages on the grid are installed (no solar kit in the programme). */
    public record Survey(@NotBlank @Size(max = 200) String partner, @NotNull LocalDate surveyedOn,
                         @NotNull Boolean gridPower, @NotBlank @Size(max = 4000) String findings,
                         @Size(max = 200) String recommendedKit) {
    }

    /** The installation: in which phase, when, what kit, the mast and WiFi reach, the bandwidth and the cost. */
    public record Installation(@NotNull @Min(1) @Max(100) Integer phase, @NotNull LocalDate installedOn,
                               @NotBlank @Size(max = 200) String kit,
                               @NotNull @DecimalMin("1.0") @DecimalMax("30.0") BigDecimal mastMeters,
                               @NotNull @Min(1) @Max(5000) Integer wifiRangeMeters,
                               @NotNull @Min(1) @Max(100_000) Integer bandwidthMbps,
                               @NotNull @Min(0) @Max(10_000_000) Long costMad) {
    }

    /** Approval, going live, offline, maintenance: when, and a note saying why. */
    public record Change(@NotNull SiteStatus to, @Size(max = 2000) String note) {
    }

    public record PhaseDraft(@NotNull @Min(1) @Max(100) Integer number, @NotBlank @Size(max = 200) String name,
                             @NotNull @Min(0) Long budgetMad, @NotNull @Min(1) @Max(100_000) Integer plannedInstallations) {
    }
}
