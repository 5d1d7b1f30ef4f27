package io.clickgive.voids;

/** What a void names: a session the guard judged scripted, or an identity or network a manager reviewed. */
public enum Target {
    SESSION("session_id"), IDENTITY("player"), NETWORK("network");

    /** The ledger's column that holds the target's key (a keyed hash, never a clear identifier). */
    final String column;

    Target(String column) {
        this.column = column;
    }
}
