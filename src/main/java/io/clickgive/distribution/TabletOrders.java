package io.clickgive.distribution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** What managers and distributors send to move tablets; each applies to all its tablets or to none. */
public final class TabletOrders {

    private TabletOrders() {
    }

    /** Preload tablets with bundles: the next free bundles of an allocation, or one given bundle for one tablet. */
    public record Preload(@NotEmpty @Size(max = 1000) List<@NotBlank String> serials, Long allocation, Long bundle) {
    }

    public record Ship(@NotEmpty @Size(max = 1000) List<@NotBlank String> serials, @NotBlank String distributor) {
    }

    public record Assign(@NotEmpty @Size(max = 1000) List<@NotBlank String> serials, @NotBlank String beneficiary) {
    }

    public record Delivery(@NotBlank String serial, @NotNull LocalDate deliveredOn,
                           @NotBlank @Size(max = 200) String recipient, @Size(max = 2000) String note) {
    }

    public record Deliver(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Delivery> deliveries) {
    }

    /** Return, restock or report lost, with a note saying why. */
    public record Move(@NotEmpty @Size(max = 1000) List<@NotBlank String> serials, @Size(max = 2000) String note) {
    }
}
