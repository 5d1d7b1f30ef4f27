package io.clickgive.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A client's report of clicks inside a session: its sequence number and the click offsets in ms since startsAt. */
public record BatchReport(
        @NotBlank String token,
        @NotNull @Min(1) @Max(10_000) Integer seq,
        @NotNull @Size(max = BatchReport.MAX_OFFSETS) List<@NotNull Integer> offsets) {

    /** Far above any human batch (16 clicks/s for 2 minutes); keeps a request small. */
    public static final int MAX_OFFSETS = 2000;
}
