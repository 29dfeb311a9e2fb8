package org.pbannex.ingest;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one CSV resource and enforces its Table Schema: strict UTF-8 without BOM, the exact set of
 * columns, typed values, constraints and a unique primary key. Every problem becomes an {@link InputError}
 * naming file, line, column and reason; nothing is skipped.
 */
public final class CsvResourceReader {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}([ ,\u00a0'’]\\d{3})+(\\.\\d+)?");

    private CsvResourceReader() {
    }

    /** @param displayName how the file is named in errors (e.g. input/2022-23/budget.csv) */
    public static List<Record> read(Path file, String displayName, Resource resource) {
        if (!Files.isRegularFile(file)) {
            throw new InputError(displayName, 0, "", "file not found (resource '" + resource.name() + "')");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new InputError(displayName, 0, "", "file is empty: expected a header row with columns "
                        + String.join(",", names(resource)));
            }
            if (size > resource.maxBytes()) {
                throw new InputError(displayName, 0, "", "file too large: " + size + " bytes, the limit for '"
                        + resource.name() + "' is " + resource.maxBytes() + " bytes");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                rejectByteOrderMark(in, displayName);
                var decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                try (CSVReader csv = new CSVReaderBuilder(new InputStreamReader(in, decoder))
                        .withCSVParser(new RFC4180ParserBuilder().build())
                        .withKeepCarriageReturn(false)
                        .build()) {
                    return readRecords(csv, displayName, resource);
                }
            }
        } catch (CharacterCodingException e) {
            throw new InputError(displayName, 0, "", "file is not valid UTF-8 text: save it as UTF-8");
        } catch (IOException e) {
            if (e.getCause() instanceof CharacterCodingException || e instanceof java.nio.charset.MalformedInputException) {
                throw new InputError(displayName, 0, "", "file is not valid UTF-8 text: save it as UTF-8");
            }
            throw new InputError(displayName, 0, "", "cannot read file: " + e.getMessage());
        }
    }

    private static void rejectByteOrderMark(InputStream in, String file) throws IOException {
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            throw new InputError(file, 1, "", "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM");
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            throw new InputError(file, 1, "", "file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
        }
    }

    private static List<Record> readRecords(CSVReader csv, String file, Resource resource) throws IOException {
        String[] header = next(csv, file);
        if (header == null) {
            throw new InputError(file, 0, "", "file is empty: expected a header row");
        }
        Map<String, Integer> index = headerIndex(header, file, resource);
        List<Record> records = new ArrayList<>();
        Map<String, Long> seenKeys = new HashMap<>();
        while (true) {
            long line = csv.getLinesRead() + 1;
            String[] cells = next(csv, file);
            if (cells == null) {
                break;
            }
            if (cells.length == 1 && cells[0].isBlank()) {
                throw new InputError(file, line, "", "blank line inside the data; remove it");
            }
            if (cells.length != header.length) {
                throw new InputError(file, line, "", "line has " + cells.length + " cells but the header has "
                        + header.length);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field f : resource.fields()) {
                String raw = cells[index.get(f.name())];
                values.put(f.name(), parse(raw, f, file, line));
            }
            checkPrimaryKey(resource, values, seenKeys, file, line);
            records.add(new Record(file, line, values));
        }
        if (records.size() < resource.minRows()) {
            throw new InputError(file, 0, "", "file has a header but no data rows");
        }
        return records;
    }

    private static String[] next(CSVReader csv, String file) throws IOException {
        try {
            return csv.readNext();
        } catch (CsvMalformedLineException e) {
            throw new InputError(file, e.getLineNumber(), "", "malformed CSV: a quoted value is not terminated");
        } catch (CsvValidationException e) {
            throw new InputError(file, e.getLineNumber(), "", "malformed CSV: " + e.getMessage());
        }
    }

    private static Map<String, Integer> headerIndex(String[] header, String file, Resource resource) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].trim();
            if (index.put(name, i) != null) {
                throw new InputError(file, 1, name, "column appears twice in the header");
            }
            if (resource.fields().stream().noneMatch(f -> f.name().equals(name))) {
                throw new InputError(file, 1, name, "unexpected column; the columns are " + String.join(",", names(resource)));
            }
        }
        for (Field f : resource.fields()) {
            if (!index.containsKey(f.name())) {
                throw new InputError(file, 1, f.name(), "missing column; the columns are " + String.join(",", names(resource)));
            }
        }
        return index;
    }

    private static Object parse(String raw, Field f, String file, long line) {
        String v = raw.strip();
        if (v.isEmpty()) {
            if (f.required()) {
                throw new InputError(file, line, f.name(), "value is required");
            }
            return null;
        }
        Object value = switch (f.type()) {
            case STRING -> v;
            case INTEGER -> parseInteger(v, f, file, line);
            case NUMBER -> parseNumber(v, f, file, line);
            case BOOLEAN -> parseBoolean(v, f, file, line);
        };
        checkConstraints(v, value, f, file, line);
        return value;
    }

    private static Long parseInteger(String v, Field f, String file, long line) {
        if (INTEGER.matcher(v).matches()) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InputError(file, line, f.name(), "integer out of range: '" + v + "'");
            }
        }
        if (GROUPED.matcher(v).matches()) {
            throw new InputError(file, line, f.name(), "thousands separator in a number: write '"
                    + v.replaceAll("[ ,\u00a0'’]", "") + "' instead of '" + v + "'");
        }
        throw new InputError(file, line, f.name(), "not a whole number: '" + v + "'");
    }

    private static BigDecimal parseNumber(String v, Field f, String file, long line) {
        if (NUMBER.matcher(v).matches()) {
            BigDecimal d = new BigDecimal(v);
            if (f.maxDecimals() != null && d.scale() > f.maxDecimals()) {
                throw new InputError(file, line, f.name(), "more than " + f.maxDecimals() + " decimal places: '" + v + "'");
            }
            return d;
        }
        if (GROUPED.matcher(v).matches()) {
            throw new InputError(file, line, f.name(), "thousands separator in a number: write '"
                    + v.replaceAll("[ ,\u00a0'’]", "") + "' instead of '" + v + "'");
        }
        throw new InputError(file, line, f.name(), "not a number: '" + v + "' (use a point for decimals, no % sign)");
    }

    private static Boolean parseBoolean(String v, Field f, String file, long line) {
        return switch (v.toLowerCase()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new InputError(file, line, f.name(), "not true or false: '" + v + "'");
        };
    }

    private static void checkConstraints(String raw, Object value, Field f, String file, long line) {
        if (!f.allowed().isEmpty() && !f.allowed().contains(raw)) {
            throw new InputError(file, line, f.name(), "'" + raw + "' is not one of " + String.join(", ", f.allowed()));
        }
        if (f.pattern() != null && !f.pattern().matcher(raw).matches()) {
            throw new InputError(file, line, f.name(), "'" + raw + "' does not match the pattern " + f.pattern().pattern()
                    + (f.description().isEmpty() ? "" : " (" + f.description() + ")"));
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (f.minimum() != null && d.compareTo(f.minimum()) < 0) {
                throw new InputError(file, line, f.name(), "value " + raw + " is below the minimum " + f.minimum().toPlainString()
                        + (f.description().isEmpty() ? "" : " (" + f.description() + ")"));
            }
            if (f.maximum() != null && d.compareTo(f.maximum()) > 0) {
                throw new InputError(file, line, f.name(), "value " + raw + " is above the maximum " + f.maximum().toPlainString()
                        + (f.description().isEmpty() ? "" : " (" + f.description() + ")"));
            }
        }
    }

    private static void checkPrimaryKey(Resource r, Map<String, Object> values, Map<String, Long> seen, String file, long line) {
        if (r.primaryKey().isEmpty()) {
            return;
        }
        StringBuilder key = new StringBuilder();
        for (String k : r.primaryKey()) {
            key.append(key.length() == 0 ? "" : "|").append(values.get(k));
        }
        Long first = seen.putIfAbsent(key.toString(), line);
        if (first != null) {
            throw new InputError(file, line, String.join(",", r.primaryKey()), "duplicate " + String.join(",", r.primaryKey())
                    + " '" + key + "' (first on line " + first + ")");
        }
    }

    private static List<String> names(Resource r) {
        return r.fields().stream().map(Field::name).toList();
    }
}
