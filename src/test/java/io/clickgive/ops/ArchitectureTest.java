package io.clickgive.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The structure docs/architecture.md describes, checked on the source: features (the packages under io.clickgive)
 * depend on each other in one direction only; one package talks to Redis; no native row is read by position; no file
 * of src/main is a big room. Reads the files; no Quarkus boot.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/clickgive");
    private static final Pattern FEATURE_IMPORT = Pattern.compile("^import (?:static )?io\\.clickgive\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Pattern REDIS_IMPORT = Pattern.compile("^import (?:static )?(io\\.quarkus\\.redis|io\\.vertx\\.mutiny\\.redis|io\\.vertx\\.redis)\\.", Pattern.MULTILINE);
    private static final Pattern POSITIONAL = Pattern.compile("\\brow\\[|Object\\[]\\s+row|List<Object\\[]>");
    static final int MOST_LINES = 350;

    @Test
    void featuresDependOnEachOtherInOneDirection() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources()) {
            String feature = MAIN.relativize(file).getName(0).toString();
            Matcher m = FEATURE_IMPORT.matcher(Files.readString(file));
            Set<String> mine = uses.computeIfAbsent(feature, f -> new TreeSet<>());
            while (m.find()) {
                if (!m.group(1).equals(feature)) {
                    mine.add(m.group(1));
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String feature : uses.keySet()) {
            List<String> path = cycle(feature, feature, uses, new ArrayList<>(List.of(feature)), new TreeSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "import cycles between features; the dependencies are " + uses);
    }

    @Test
    void onlyCountersTalksToRedis() throws IOException {
        List<String> others = new ArrayList<>();
        for (Path file : sources()) {
            if (!MAIN.relativize(file).getName(0).toString().equals("counters")
                    && REDIS_IMPORT.matcher(Files.readString(file)).find()) {
                others.add(MAIN.relativize(file).toString());
            }
        }
        assertEquals(List.of(), others, "Redis clients outside the counters package");
    }

    @Test
    void nativeRowsAreReadByName() throws IOException {
        List<String> positional = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (POSITIONAL.matcher(lines.get(i)).find()) {
                    positional.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), positional, "rows read by position (use common.Rows and the SQL's column names)");
    }

    @Test
    void noBigRooms() throws IOException {
        Map<String, Integer> big = new TreeMap<>();
        for (Path file : sources()) {
            int lines = Files.readAllLines(file).size();
            if (lines > MOST_LINES) {
                big.put(MAIN.relativize(file).toString(), lines);
            }
        }
        assertEquals(Map.of(), big, "src/main files over " + MOST_LINES + " lines");
    }

    /** A path from {@code at} back to {@code start}, or null. */
    private static List<String> cycle(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                      Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> found = new ArrayList<>(path);
                found.add(start);
                return found;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycle(start, next, uses, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertTrue(found.size() > 50, "the sources: " + found.size());
            return found;
        }
    }
}
