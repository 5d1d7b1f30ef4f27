package io.clickgive.team;

/** A new team as a player asks for it: its name, its region, and the identity of the player creating it. */
public record TeamDraft(String name, String region, String identity) {
}
