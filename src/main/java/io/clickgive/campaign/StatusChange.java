package io.clickgive.campaign;

import jakarta.validation.constraints.NotNull;

/** A manager's request to move a campaign to another status. */
public record StatusChange(@NotNull CampaignStatus status) {
}
