package io.clickgive.campaign;

import io.clickgive.guard.GuardSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** What a manager sends to create or update a campaign; omitted settings take the programme's usual values. */
public record CampaignDraft(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "lower-case letters, digits and dashes, 2 to 63 characters") String slug,
        @NotNull @Valid Names names,
        @NotNull Instant opensAt,
        @NotNull Instant closesAt,
        @Min(1) @Max(1000) Integer megabytesPerClick,
        @Min(1) @Max(120) Integer sessionSeconds,
        @Min(1) @Max(10000) Integer maxClicksPerSession,
        @NotNull @Min(1) Long goalGigabytes,
        Integer megabytesPerGigabyte,
        @Valid GuardSettings guard) {

    /** The campaign's name in each language of the public page. */
    public record Names(@NotBlank @Size(max = 200) String ar, @NotBlank @Size(max = 200) String fr,
                        @NotBlank @Size(max = 200) String en) {

        public String in(String lang) {
            return switch (lang) {
                case "ar" -> ar;
                case "fr" -> fr;
                default -> en;
            };
        }
    }

    int megabytesPerClickOrDefault() {
        return megabytesPerClick == null ? 10 : megabytesPerClick;
    }

    int sessionSecondsOrDefault() {
        return sessionSeconds == null ? 10 : sessionSeconds;
    }

    /**
     * 15 clicks a second: people tap 3-14 a second (the guard's labelled corpus), and a strong player tapping 16-18 with
     * two thumbs still lands the cap after a reaction time, so a script at the cap gets what that player gets and no
     * more (load-tests/abuse.sh, T1). A cap above what a strong player lands is a script's margin.
     */
    int maxClicksPerSessionOrDefault() {
        return maxClicksPerSession == null ? 15 * sessionSecondsOrDefault() : maxClicksPerSession;
    }

    int megabytesPerGigabyteOrDefault() {
        return megabytesPerGigabyte == null ? 1000 : megabytesPerGigabyte;
    }
}
