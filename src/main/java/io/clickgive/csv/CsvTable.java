package io.clickgive.csv;

import io.clickgive.web.ClientError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file sent for import: strict UTF-8 (a spreadsheet's byte-order mark is dropped), a header row naming the
 * columns (any order, any case), then rows with their line numbers for the error report.
 */
public final class CsvTable {

    /** One data row; {@link #text} gives null for an empty cell. */
    public record Row(long line, Map<String, String> cells) {

        public String text(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** The cell as a whole number, or null when empty; a problem is added when it is not a number. */
        public Long number(String column, List<String> problems) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                problems.add(column + ": '" + value + "' is not a whole number");
                return null;
            }
        }

        public Integer integer(String column, List<String> problems) {
            Long value = number(column, problems);
            if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
                problems.add(column + ": '" + value + "' is too large");
                return null;
            }
            return value == null ? null : value.intValue();
        }
    }

    private CsvTable() {
    }

    /** Reads the rows; refuses (400) a file that is not UTF-8, not CSV, or whose header misses or adds columns. */
    public static List<Row> read(byte[] body, Set<String> required, Set<String> optional) {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> columns = columns(parser.getHeaderNames(), required, optional);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != parser.getHeaderNames().size()) {
                    throw ClientError.badRequest("Line " + record.getParser().getCurrentLineNumber() + " has "
                            + record.size() + " cells; the header has " + parser.getHeaderNames().size());
                }
                Map<String, String> cells = new HashMap<>();
                columns.forEach((header, column) -> cells.put(column, record.get(header)));
                rows.add(new Row(record.getParser().getCurrentLineNumber(), cells));
            }
            return rows;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ClientError.badRequest("Malformed CSV: " + e.getMessage());
        } catch (IOException e) {
            throw ClientError.badRequest("Malformed CSV: " + e.getMessage());
        }
    }

    /** Header name as written → canonical column name (lower case). */
    private static Map<String, String> columns(List<String> headers, Set<String> required, Set<String> optional) {
        if (headers.isEmpty()) {
            throw ClientError.badRequest("The file is empty: a header row is expected with " + required);
        }
        Map<String, String> columns = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String header : headers) {
            String column = header.strip().toLowerCase(Locale.ROOT);
            if (required.contains(column) || optional.contains(column)) {
                if (columns.containsValue(column)) {
                    throw ClientError.badRequest("Column '" + column + "' appears twice in the header");
                }
                columns.put(header, column);
            } else {
                unknown.add(header);
            }
        }
        Set<String> missing = new LinkedHashSet<>(required);
        missing.removeAll(columns.values());
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw ClientError.badRequest((missing.isEmpty() ? "" : "Missing columns " + missing + ". ")
                    + (unknown.isEmpty() ? "" : "Unknown columns " + unknown + ". ")
                    + "Expected " + required + (optional.isEmpty() ? "" : ", optionally " + optional));
        }
        return columns;
    }

    private static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw ClientError.badRequest("The file is empty: a CSV with a header row is expected");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ClientError.badRequest("The file is not UTF-8 text; save it as 'CSV UTF-8'");
        }
    }
}
