package io.clickgive.counters;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.List;

/**
 * Writes a list of numbers as one JSON string, "3,17,40": for a script argument whose numbers Lua reads only on its
 * slow path. cjson decodes a string in one step, where an array costs a number conversion and a table slot per element
 * on every call (load-tests/README.md, "The guard's price, second generation").
 */
public final class CommaSeparated extends StdSerializer<List<Integer>> {

    @SuppressWarnings("unchecked")
    public CommaSeparated() {
        super((Class<List<Integer>>) (Class<?>) List.class);
    }

    public static String join(List<Integer> numbers) {
        StringBuilder text = new StringBuilder(numbers.size() * 5);
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(numbers.get(i).intValue());
        }
        return text.toString();
    }

    @Override
    public void serialize(List<Integer> numbers, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeString(join(numbers));
    }
}
