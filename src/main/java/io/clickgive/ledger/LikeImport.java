package io.clickgive.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** A batch of likes counted on a partner platform; each like's external id makes a re-sent batch harmless. */
public record LikeImport(@NotNull @NotEmpty @Size(max = LikeImport.MAX_LIKES) List<@NotNull @Valid Like> likes) {

    public static final int MAX_LIKES = 10_000;

    /** One like: the partner's id for it, and optionally the region and time it was given. */
    public record Like(@NotBlank @Size(max = 128) String externalId,
                       @Pattern(regexp = "MA-[0-9]{2}", message = "must be a region code such as MA-06") String region,
                       Instant likedAt) {
    }
}
