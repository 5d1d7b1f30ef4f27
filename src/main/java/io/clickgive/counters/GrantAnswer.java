package io.clickgive.counters;

/**
 * What grant.lua answers: granted (whether the player is established, the team it plays for), or refused with a
 * reason and a wait.
 */
public record GrantAnswer(boolean granted, Boolean established, Long team, String reason, Long waitMs) {
}
