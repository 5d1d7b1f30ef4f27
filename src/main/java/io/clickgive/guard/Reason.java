package io.clickgive.guard;

import io.clickgive.web.ClientError;

/**
 * Why a click or a session was refused. Every refusal carries one of these codes: it is counted per campaign in Redis,
 * exported to Prometheus and shown to managers. Click reasons come from the batch script, session reasons from the
 * grant (script or proof-of-work check), from identity checks and from token checks.
 * <p>
 * The public never sees a code: it gets the code's {@link Word}, which tells a person what to do and tells a script
 * nothing about which rule, threshold or judgement refused it.
 */
public enum Reason {
    // Clicks, decided in batch.lua.
    LATE(Unit.CLICK, Word.LATE, "the batch arrived after the session's end and grace period"),
    OUT_OF_ORDER(Unit.CLICK, Word.NOT_COUNTED, "the batch's offsets do not follow those already counted"),
    CAP(Unit.CLICK, Word.LIMIT, "the session already holds its maximum of clicks"),
    TOO_FAST(Unit.CLICK, Word.TOO_FAST, "closer to the previous click than the minimum interval"),
    BURST(Unit.CLICK, Word.TOO_FAST, "more clicks within one second than the burst cap"),
    SUPERHUMAN(Unit.CLICK, Word.NOT_COUNTED, "the session kept going over the burst cap: judged scripted"),
    REGULAR(Unit.CLICK, Word.NOT_COUNTED, "intervals too even over enough clicks: judged scripted"),
    TOO_MANY_BATCHES(Unit.CLICK, Word.NOT_COUNTED, "the session sent more batches than allowed"),
    FUTURE(Unit.CLICK, Word.NOT_COUNTED, "clicks reported before the server's clock reached them: judged scripted"),
    HELD(Unit.CLICK, Word.NOT_COUNTED, "counted before the session was judged scripted: held, then voided"),
    PURSE_SPENT(Unit.CLICK, Word.PURSE, "the sponsor's purse is spent: the campaign gives nothing more"),
    // Sessions, decided at the grant, on the identity or on the token.
    PLAYER_RATE(Unit.SESSION, Word.WAIT, "the player started sessions faster than its limit"),
    FRESH_RATE(Unit.SESSION, Word.WAIT, "identities not yet established used up their network's budget for new players"),
    NETWORK_RATE(Unit.SESSION, Word.WAIT, "the network started sessions faster than its limit"),
    WIDE_RATE(Unit.SESSION, Word.WAIT, "the wider network (IPv4 /24, IPv6 /48) started sessions faster than its limit"),
    POW_MISSING(Unit.SESSION, Word.PUZZLE, "no proof-of-work solution, or a malformed one"),
    POW_INVALID(Unit.SESSION, Word.PUZZLE, "the solution does not solve a challenge we issued for this request"),
    POW_EXPIRED(Unit.SESSION, Word.PUZZLE, "the challenge expired"),
    POW_REUSED(Unit.SESSION, Word.PUZZLE, "the solution was used already"),
    POW_STALE(Unit.SESSION, Word.PUZZLE, "the network minted identities meanwhile: the puzzle is too easy now"),
    IDENTITY_MISSING(Unit.SESSION, Word.IDENTITY, "no player identity, while the campaign's guard is on"),
    IDENTITY_INVALID(Unit.SESSION, Word.IDENTITY, "a forged, altered or foreign player identity"),
    TOKEN_INVALID(Unit.SESSION, Word.TOKEN, "a forged, altered or foreign session token"),
    TOKEN_EXPIRED(Unit.SESSION, Word.TOKEN, "a session token past its retention");

    /** What a reason refuses: clicks of a batch, or a whole request. */
    public enum Unit { CLICK, SESSION }

    /** What the public is told: enough for a person to act on, nothing a script can tune against. */
    public enum Word {
        /** Taps too close together: a person can slow down. */
        TOO_FAST,
        /** Sent after the round closed: the network was slow. */
        LATE,
        /** The round's limit was reached (the limit is public: maxClicks). */
        LIMIT,
        /** Not counted, without saying which rule. */
        NOT_COUNTED,
        /** Try again after Retry-After. */
        WAIT,
        /** Solve a new puzzle. */
        PUZZLE,
        /** Get a new identity. */
        IDENTITY,
        /** The session's token is not valid (any more). */
        TOKEN,
        /** The sponsor's purse is spent: the campaign thanks the players. */
        PURSE
    }

    private final Unit unit;
    private final Word word;
    private final String meaning;

    Reason(Unit unit, Word word, String meaning) {
        this.unit = unit;
        this.word = word;
        this.meaning = meaning;
    }

    public Unit unit() {
        return unit;
    }

    public Word word() {
        return word;
    }

    public String meaning() {
        return meaning;
    }

    /** The public word of a code the batch script answered. */
    public static String wordOf(String code) {
        try {
            return valueOf(code).word.name();
        } catch (IllegalArgumentException e) {
            return Word.NOT_COUNTED.name();
        }
    }

    /** This refusal as an HTTP answer: the public sees the word and the detail, the code stays with us. */
    public ClientError refusal(int status, String detail) {
        return ClientError.refused(status, word.name(), name(), detail);
    }

    /** This refusal as a 429 with Retry-After. */
    public ClientError tooMany(String detail, long waitMillis) {
        return ClientError.tooManyRequests(word.name(), name(), detail, waitMillis);
    }
}
