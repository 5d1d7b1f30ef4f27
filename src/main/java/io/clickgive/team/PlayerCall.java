package io.clickgive.team;

/** A player's request that needs no more than who the player is: the identity its page holds. */
public record PlayerCall(String identity) {
}
