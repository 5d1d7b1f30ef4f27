package io.clickgive.csv;

import io.clickgive.web.ClientError;
import java.util.List;

/**
 * What a CSV import did: rows read, rows imported, rows skipped because they were imported before, and each bad row
 * with its line and what is wrong. {@code refused} is true when the file was refused as a whole (nothing imported).
 */
public record ImportReport(int rows, int imported, int skipped, List<RowError> errors, boolean refused) {

    public record RowError(long line, String message) {
    }

    /** How an import treats bad rows: keep the good rows, or refuse the whole file. */
    public enum Mode {
        KEEP_VALID, ALL_OR_NOTHING;

        public static Mode parse(String value) {
            if (value == null || value.isBlank() || value.equalsIgnoreCase("all-or-nothing")) {
                return ALL_OR_NOTHING;
            }
            if (value.equalsIgnoreCase("keep-valid")) {
                return KEEP_VALID;
            }
            throw ClientError.badRequest("mode must be 'all-or-nothing' (the default) or 'keep-valid'");
        }
    }
}
