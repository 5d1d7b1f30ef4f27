package io.clickgive.web;

import java.util.Arrays;
import java.util.Locale;

/** Query parameters read by hand, so a wrong value is a 400 that lists the right ones (JAX-RS would answer 404). */
public final class QueryParams {

    private QueryParams() {
    }

    /** The constant named by {@code value} (any case), null when absent. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
