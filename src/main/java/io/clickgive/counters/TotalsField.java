package io.clickgive.counters;

import java.util.Optional;

/**
 * The fields of a shard's totals hash ({@code cg:{…}:totals}), as grant.lua, batch.lua, release.lua and the app spell
 * them: the one place their names live on the Java side (CountersLayoutTest checks the scripts use no others).
 */
public enum TotalsField {
    /** Sessions granted. */
    SESSIONS("sessions"),
    /** {@code r:<region>}: accepted clicks ("-" when the player chose no region). */
    CLICKS("r:"),
    /** {@code l:<region>}: imported likes (counted in shard 0). */
    LIKES("l:"),
    /** {@code h:<region>}: clicks held (a session judged scripted after some counted: out of r: until voided). */
    HELD("h:"),
    /** {@code m:<region>}: megabytes beyond the clicks' plain worth, earned in matching hours. */
    MATCHED("m:"),
    /** {@code n:<region>}: matched megabytes of held sessions (out of m: with their clicks until voided). */
    MATCHED_HELD("n:"),
    /** {@code x:<reason>}: rejected clicks. */
    REJECTED("x:"),
    /** {@code y:<reason>}: refused sessions. */
    REFUSED("y:");

    /** A field read back: its kind, and the region or reason it is of ("" for {@link #SESSIONS}). */
    public record Named(TotalsField kind, String code) {
    }

    private final String spelling;

    TotalsField(String spelling) {
        this.spelling = spelling;
    }

    /** The prefix (or, for {@link #SESSIONS}, the whole name) as the scripts write it. */
    public String spelling() {
        return spelling;
    }

    /** The field of one region or reason. */
    public String of(String code) {
        if (this == SESSIONS) {
            throw new IllegalArgumentException("sessions is one field, of no region or reason");
        }
        return spelling + code;
    }

    /** The kind and code of a field; empty for a field of no known kind (read and ignored). */
    public static Optional<Named> parse(String field) {
        if (field.equals(SESSIONS.spelling)) {
            return Optional.of(new Named(SESSIONS, ""));
        }
        for (TotalsField kind : values()) {
            if (kind != SESSIONS && field.startsWith(kind.spelling)) {
                return Optional.of(new Named(kind, field.substring(kind.spelling.length())));
            }
        }
        return Optional.empty();
    }
}
