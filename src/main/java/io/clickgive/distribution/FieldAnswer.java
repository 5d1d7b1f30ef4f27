package io.clickgive.distribution;

/** What became of a phone's action: done (with the tablet as it now stands), the same on every resend. */
public record FieldAnswer(String clientId, FieldAction.Kind kind, String serial, boolean replayed, TabletView tablet) {
}
