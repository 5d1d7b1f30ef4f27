package io.clickgive.counters;

/** What grant.lua answers: granted (and whether the player is established), or refused with a reason and a wait. */
public record GrantAnswer(boolean granted, Boolean established, String reason, Long waitMs) {
}
