package io.clickgive.site;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A router SIM as a manager registers it: the ICCID printed on the card, the SIM's number, a label. */
public record DeviceDraft(
        @NotNull @Pattern(regexp = "89[0-9]{17,18}", message = "an ICCID: 19 or 20 digits starting with 89") String iccid,
        @NotNull @Pattern(regexp = "\\+?[0-9]{9,15}", message = "a phone number: 9 to 15 digits, '+' first if international") String msisdn,
        @Size(max = 200) String label) {
}
