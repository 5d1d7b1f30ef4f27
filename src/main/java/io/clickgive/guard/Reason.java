package io.clickgive.guard;

/**
 * Why a click or a session was refused. Every refusal carries one of these codes: it is counted per campaign in Redis,
 * exported to Prometheus and shown to managers. Click reasons come from the batch script, session reasons from the
 * grant (script or proof-of-work check) and from token checks.
 */
public enum Reason {
    // Clicks, decided in batch.lua.
    LATE(Unit.CLICK, "the batch arrived after the session's end and grace period"),
    OUT_OF_ORDER(Unit.CLICK, "the batch's offsets do not follow those already counted"),
    CAP(Unit.CLICK, "the session already holds its maximum of clicks"),
    TOO_FAST(Unit.CLICK, "closer to the previous click than the minimum interval"),
    BURST(Unit.CLICK, "more clicks within one second than the burst cap"),
    SUPERHUMAN(Unit.CLICK, "the session kept going over the burst cap: judged scripted"),
    REGULAR(Unit.CLICK, "intervals too even over enough clicks: judged scripted"),
    TOO_MANY_BATCHES(Unit.CLICK, "the session sent more batches than allowed"),
    // Sessions, decided at the grant or on the token.
    PLAYER_RATE(Unit.SESSION, "the player started sessions faster than its limit"),
    NETWORK_RATE(Unit.SESSION, "the network started sessions faster than its limit"),
    POW_MISSING(Unit.SESSION, "no proof-of-work solution, or a malformed one"),
    POW_INVALID(Unit.SESSION, "the solution does not solve a challenge we issued to this player and campaign"),
    POW_EXPIRED(Unit.SESSION, "the challenge expired"),
    POW_REUSED(Unit.SESSION, "the solution was used already"),
    TOKEN_INVALID(Unit.SESSION, "a forged, altered or foreign session token"),
    TOKEN_EXPIRED(Unit.SESSION, "a session token past its retention");

    /** What a reason refuses: clicks of a batch, or a whole request. */
    public enum Unit { CLICK, SESSION }

    private final Unit unit;
    private final String meaning;

    Reason(Unit unit, String meaning) {
        this.unit = unit;
        this.meaning = meaning;
    }

    public Unit unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }
}
