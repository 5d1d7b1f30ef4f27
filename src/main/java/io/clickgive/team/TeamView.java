package io.clickgive.team;

/**
 * A team as its page and its API show it: the invite link (a path: /c/{slug}/t/{code}), its counted clicks and
 * megabytes (from the ledger), members, rounds, and its rank among the campaign's teams that are not hidden.
 */
public record TeamView(String code, String campaign, String name, String region, String link, long clicks,
                      long megabytes, long rounds, long members, long rank) {
}
