package io.clickgive.distribution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What became of a phone's action: done, the same on every resend, with the tablet as it now stands (none once it has
 * left this distributor).
 */
public record FieldAnswer(String clientId, FieldAction.Kind kind, String serial, boolean replayed,
                          @Schema(nullable = true) TabletView tablet) {
}
