package io.clickgive.campaign;

/** A sponsor as a manager sets it: name, logo and link (https addresses) and the purse in megabytes (optional). */
public record SponsorDraft(String name, String logo, String link, Long purseMegabytes) {
}
