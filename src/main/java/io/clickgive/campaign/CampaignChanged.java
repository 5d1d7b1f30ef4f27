package io.clickgive.campaign;

/** Fired inside the transaction that changed a campaign; the catalog reloads once it has committed. */
record CampaignChanged() {
}
