package io.clickgive.team;

/** The team a player is in, in one campaign (null when none), with where it stands. */
public record Membership(String campaign, TeamView team) {
}
