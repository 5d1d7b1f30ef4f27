package io.clickgive.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Time comes from the injected clock (common.Clocks) everywhere in the service, so a rule that depends on it reads one
 * source: no call reads the system's time directly.
 */
class ClockUseTest {

    private static final Pattern SYSTEM_TIME = Pattern.compile(
            "Instant\\.now\\(\\s*\\)|System\\.currentTimeMillis\\(|(LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime)"
                    + "\\.now\\(\\s*\\)|Clock\\.system(UTC|DefaultZone)?\\(");

    @Test
    void noSourceReadsTheSystemTimeButTheClocksProducer() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.endsWith(Path.of("io/clickgive/common/Clocks.java"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (SYSTEM_TIME.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "read the injected Clock instead");
    }
}
