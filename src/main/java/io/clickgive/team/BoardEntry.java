package io.clickgive.team;

/** One line of a leaderboard of teams. */
public record BoardEntry(int rank, String code, String name, String region, long clicks, long megabytes,
                         long members) {
}
