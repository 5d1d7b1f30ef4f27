package io.clickgive.distribution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One action a distributor made on the phone, perhaps offline, sent when the network came back: assign a tablet to a
 * beneficiary, or confirm its delivery with the recipient's signature and, if they agreed, a photo (data URLs). The
 * client id, drawn by the phone when the action was made, makes a resend harmless.
 */
public record FieldAction(
        @NotNull @Pattern(regexp = "[A-Za-z0-9-]{8,64}", message = "8 to 64 letters, digits and dashes") String clientId,
        @NotNull Kind kind,
        @NotBlank @Size(max = 40) String serial,
        @Size(max = 40) String beneficiary,
        LocalDate deliveredOn,
        @Size(max = 200) String recipient,
        @Size(max = 2000) String note,
        Instant madeAt,
        String photo,
        String signature) {

    public enum Kind { ASSIGN, DELIVER }
}
