package io.clickgive.counters;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripts' headers name the Java record of their call and of their answer; the records and the scripts must agree
 * field by field, so neither side can drift: every field a call sends is read by its script and every field a script
 * reads is sent, every answer field is written by the script, and the header documents each of them. Also: the totals
 * hash's fields the scripts write are all {@link TotalsField}s. No Redis needed: it reads the files.
 */
class ScriptHeadersTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/redis");
    private static final Pattern CALL = Pattern.compile("ARGV\\[1]\\s+JSON \\(counters\\.([\\w.]+)\\)");
    private static final Pattern ANSWER = Pattern.compile("Answer JSON \\(counters\\.([\\w.]+)\\)");
    private static final Pattern READ = Pattern.compile("\\bcall\\.(\\w+)");
    private static final Pattern PREFIX = Pattern.compile("'([a-z]):' \\.\\.");

    @Test
    void everyScriptAndItsRecordsAgree() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        assertEquals(9, scripts.size(), "the scripts: " + scripts);
        int calls = 0;
        for (Path script : scripts) {
            String text = Files.readString(script);
            String header = header(text);
            String code = text.substring(header.length());
            Matcher call = CALL.matcher(header);
            if (call.find()) {
                calls++;
                Set<String> fields = components(call.group(1));
                Set<String> read = new TreeSet<>();
                Matcher m = READ.matcher(code);
                while (m.find()) {
                    read.add(m.group(1));
                }
                assertEquals(fields, read, script + ": the fields " + call.group(1) + " sends vs those the script reads");
                for (String field : fields) {
                    assertTrue(Pattern.compile("\\b" + field + "\\b").matcher(header).find(),
                            script + ": the header must document " + field);
                }
            }
            Matcher answer = ANSWER.matcher(header);
            if (answer.find()) {
                for (String field : components(answer.group(1))) {
                    assertTrue(Pattern.compile("\\b" + field + " =|\"" + field + "\"").matcher(code).find(),
                            script + ": " + answer.group(1) + "." + field + " is never written by the script");
                    assertTrue(Pattern.compile("\\b" + field + "\\b").matcher(header).find(),
                            script + ": the header must document " + field);
                }
            }
        }
        assertEquals(8, calls, "every script but snapshot.lua takes one JSON call");
    }

    @Test
    void theScriptsWriteOnlyTotalsFieldsTheAppKnows() throws IOException {
        Set<String> known = Arrays.stream(TotalsField.values()).map(TotalsField::spelling).collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        for (String name : List.of("grant.lua", "batch.lua", "release.lua")) {
            Matcher m = PREFIX.matcher(Files.readString(SCRIPTS.resolve(name)));
            while (m.find()) {
                used.add(m.group(1) + ":");
            }
        }
        assertFalse(used.isEmpty());
        assertTrue(known.containsAll(used), "fields the scripts write " + used + ", TotalsField knows " + known);
        assertTrue(Files.readString(SCRIPTS.resolve("grant.lua")).contains("'" + TotalsField.SESSIONS.spelling() + "'"));
    }

    /** The leading comment lines. */
    private static String header(String text) {
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("--")) {
                break;
            }
            header.append(line).append('\n');
        }
        return header.toString();
    }

    /** The record components of counters.A or counters.A.B. */
    private static Set<String> components(String name) {
        try {
            Class<?> type = Class.forName("io.clickgive.counters." + name.replace('.', '$'));
            assertTrue(type.isRecord(), name + " must be a record");
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("The header names " + name + ", which is not a class of counters", e);
        }
    }
}
