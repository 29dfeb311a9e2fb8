package org.pbannex.render.datapackage;

import org.pbannex.render.OutputColumns;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import org.pbannex.runtime.WriteFailed;
import java.util.function.Function;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.TextKeys;
import org.pbannex.render.CsvTableWriter;
import org.pbannex.table.CellNote;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.TidyRows;
import org.pbannex.table.ValueKind;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code datapackage.json} of a run folder: a Frictionless Tabular Data Package (Data Package 2.0) describing every
 * tidy CSV the run wrote: its path, title and description in both editions, size and SHA-256, and a Table Schema
 * with each field's name, type, unit, range and description, in both editions. The Table Schema keywords are in
 * English; the Chinese texts are in the {@code pbannex:*_zh} properties beside them (the specification allows
 * properties of one's own). Any Table Schema reader (pb-annex's own ingest among them) can check the CSVs with it.
 */
public final class OutputDataPackage {

    public static final String FILE = "datapackage.json";
    static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";
    /**
     * The range of a whole number the tables publish: sums made in 64-bit integers with Math.addExact, which stop the
     * run rather than pass it. Not the input's 10^15: a total of amounts each below it may be above it.
     */
    private static final BigDecimal WHOLE_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal WHOLE_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal NUMBER_LIMIT = new BigDecimal("999999999999.9");
    /** The units of work in years and months, read by their keys (the other datapackage.unit.* by a tidy field's name). */
    static final String UNIT_YEARS = TextKeys.UNIT + "years";
    static final String UNIT_MONTHS = TextKeys.UNIT + "months";
    static final List<String> UNITS_READ_BY_KEY = List.of(UNIT_YEARS, UNIT_MONTHS);
    private static final List<String> ROW_TYPES = java.util.Arrays.stream(RowType.values()).map(RowType::code).toList();

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OutputDataPackage() {
    }

    /**
     * What the package says about itself.
     *
     * @param texts          the document's texts by key ({@code datapackage.*}: package title and description, descriptions
     *                       of the fields a table's columns do not describe); null for a key it lacks
     * @param plainTexts     the same, as a biennium without a print words them: for a table the print does not hold
     * @param inPrint        whether the printed document holds a table (by id)
     * @param lineFiles      the run's expenditure-line input files, synthetic or real, a table's own sources where its
     *                       figures are summed from them (the tables that have a source of their own)
     */
    public record About(String name, Text title, Text description, Text source, String created, String runId,
                        Function<String, Text> texts, Function<String, Text> plainTexts, java.util.function.Predicate<String> inPrint,
                        List<String> lineFiles) {

        public About {
            lineFiles = lineFiles == null ? List.of() : List.copyOf(lineFiles);
        }

        /** Every table as the print holds it: the texts as they are. */
        public About(String name, Text title, Text description, Text source, String created, String runId, Function<String, Text> texts) {
            this(name, title, description, source, created, runId, texts, texts, id -> true, List.of());
        }

        /** What the data package says of one table: a table the print does not hold is not described as printed. */
        About of(Table t) {
            return inPrint.test(t.id()) ? this
                    : new About(name, title, description, source, created, runId, plainTexts, plainTexts, inPrint, lineFiles);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"$schema", "name", "title", "description", "pbannex:title_zh", "pbannex:description_zh", "created",
            "pbannex:run_id", "sources", "resources"})
    record Package(@JsonProperty("$schema") String schema, String name, String title, String description,
                   @JsonProperty("pbannex:title_zh") String titleZh, @JsonProperty("pbannex:description_zh") String descriptionZh,
                   String created, @JsonProperty("pbannex:run_id") String runId, List<Source> sources, List<Resource> resources) {
    }

    /** A source: its title in both languages, and the input file it is, where it is one (an expenditure-line file). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"title", "pbannex:title_zh", "path"})
    record Source(String title, @JsonProperty("pbannex:title_zh") String titleZh, String path) {

        Source(Text title) {
            this(title.in(Language.EN), title.zh(), null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "type", "path", "title", "description", "pbannex:title_zh", "pbannex:description_zh", "format",
            "mediatype", "encoding", "bytes", "hash", "dialect", "sources", "schema"})
    record Resource(String name, String type, String path, String title, String description,
                    @JsonProperty("pbannex:title_zh") String titleZh, @JsonProperty("pbannex:description_zh") String descriptionZh,
                    String format, String mediatype, String encoding, long bytes, String hash, Dialect dialect,
                    List<Source> sources, Schema schema) {
    }

    record Dialect(boolean header, String delimiter, String lineTerminator, String quoteChar) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Schema(List<Field> fields, List<String> primaryKey) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "type", "title", "description", "pbannex:title_zh", "pbannex:description_zh", "unit",
            "pbannex:unit_zh", "decimalPlaces", "constraints", "pbLineBreaks"})
    record Field(String name, String type, String title, String description, @JsonProperty("pbannex:title_zh") String titleZh,
                 @JsonProperty("pbannex:description_zh") String descriptionZh, String unit,
                 @JsonProperty("pbannex:unit_zh") String unitZh, Integer decimalPlaces, Constraints constraints,
                 String pbLineBreaks) {

        Field(String name, String type, String title, String description, String titleZh, String descriptionZh, String unit,
              String unitZh, Integer decimalPlaces, Constraints constraints) {
            this(name, type, title, description, titleZh, descriptionZh, unit, unitZh, decimalPlaces, constraints, null);
        }

        /** The same field saying that its values may hold line feeds between paragraphs (as the input rules name it). */
        Field withLineBreaks() {
            return new Field(name, type, title, description, titleZh, descriptionZh, unit, unitZh, decimalPlaces, constraints,
                    "allowed");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Constraints(Boolean required, @JsonProperty("enum") List<String> allowed, BigDecimal minimum, BigDecimal maximum) {
    }

    /** Writes {@code datapackage.json} into the run folder for the CSVs the run wrote under {@code csvFolder}. */
    public static void write(Path runFolder, String csvFolder, List<Table> tables, Language language, About about,
                             boolean byteOrderMark) throws IOException {
        List<Resource> resources = new ArrayList<>();
        for (Table t : tables) {
            String path = csvFolder + "/" + t.id() + ".csv";
            Path file = runFolder.resolve(path);
            Text title = t.number().isEmpty() ? csvTitle(t) : new Text(t.number().zh() + "：" + csvTitle(t).zh(),
                    t.number().in(Language.EN) + ": " + csvTitle(t).in(Language.EN));
            About of = about.of(t);
            Text description = resourceDescription(t, of);
            resources.add(new Resource(t.id(), "table", path, title.in(Language.EN), description.in(Language.EN), title.zh(),
                    description.zh(), "csv", "text/csv", byteOrderMark ? "utf-8-sig" : "utf-8", Files.size(file),
                    "sha256:" + InputSet.sha256(file), new Dialect(true, ",", "\n", "\""), sources(t, of),
                    schema(t, language, of)));
        }
        Package p = new Package(PROFILE, about.name(), about.title().in(Language.EN), about.description().in(Language.EN),
                about.title().zh(), about.description().zh(), about.created(), about.runId(),
                about.source().isEmpty() ? null : List.of(new Source(about.source())), resources);
        String json = JSON.writeValueAsString(p) + "\n";
        WriteFailed.naming(runFolder.resolve(FILE), () -> Files.writeString(runFolder.resolve(FILE), json));
    }

    /**
     * The table's title without the printed unit that ends it ("…预算外支出(百万美元)": the table's unit note in brackets):
     * the CSV states its own units (Figure 2's are dollars to the cent), which its description gives.
     */
    static Text csvTitle(Table t) {
        return new Text(withoutUnit(t.title().zh(), t.unitNote().zh()), withoutUnit(t.title().en(), t.unitNote().en()));
    }

    private static String withoutUnit(String title, String unit) {
        for (String end : List.of("(" + unit + ")", "（" + unit + "）")) {
            if (!unit.isEmpty() && title.endsWith(end)) {
                return title.substring(0, title.length() - end.length()).stripTrailing();
            }
        }
        return title;
    }

    /**
     * A table's own sources where its figures do not come from the publication's source (Figure 2 and Table 2's columns
     * summed from expenditure lines, synthetic or real: its source line, once per expenditure-line input file, which it
     * names); null, the package's sources then standing for it, where they do (tester 79b, F9: f2 inherited the ILO
     * document as its source; tester 81a, F3: so did f2 and t2 summed from real lines, and a mixed run's f2 named only
     * its synthetic file).
     */
    private static List<Source> sources(Table t, About about) {
        if (t.source().isEmpty()) {
            return null;
        }
        if (about.lineFiles().isEmpty()) {
            return List.of(new Source(t.source()));
        }
        return about.lineFiles().stream().map(f -> new Source(t.source().in(Language.EN), t.source().zh(), f)).toList();
    }

    // What the table is, its CSV's units (a tidy form's own, where it states them), its caveat and the notes on its
    // tidy values, in both editions.
    private static Text resourceDescription(Table t, About about) {
        Text d = text(about, "datapackage.resource.description").with("title", csvTitle(t));
        Text unit = t.tidy() != null && !t.tidy().unitNote().isEmpty() ? t.tidy().unitNote() : t.unitNote();
        if (!unit.isEmpty()) {
            d = join(d, text(about, "datapackage.resource.units").with("unit", unit));
        }
        if (!t.caveat().isEmpty()) {
            d = join(d, t.caveat());
        }
        if (t.tidy() != null) {
            for (Text note : t.tidy().notes()) {
                d = join(d, note);
            }
        }
        // A figure that differs from the print is plain in the CSV: the note says where it stands (row_key, field).
        for (CellNote n : t.cellNotes()) {
            d = join(d, text(about, "datapackage.resource.cell_note").with("row", n.row()).with("field", n.column())
                    .with("note", n.text()));
        }
        return d;
    }

    private static Text join(Text a, Text b) {
        return new Text(a.zh() + b.zh(), a.in(Language.EN) + " " + b.in(Language.EN));
    }

    private static Schema schema(Table t, Language language, About about) {
        List<Field> fields = new ArrayList<>();
        fields.add(keyField("row_key", about, true, null));
        fields.add(keyField("row_type", about, true, ROW_TYPES));
        fields.add(keyField("label_zh", about, true, null));
        fields.add(keyField("label_en", about, false, null));
        List<String> keys;
        if (t.tidy() != null) {
            for (String c : t.tidy().columns()) {
                fields.add(tidyField(t.id(), c, t.tidy(), about));
            }
            keys = t.tidy().lines().stream().map(TidyRows.Line::key).toList();
        } else {
            for (Column c : t.columns()) {
                if (OutputColumns.isData(c)) {
                    fields.addAll(valueFields(c, t, about));
                }
            }
            keys = t.rows().stream().map(org.pbannex.table.Row::key).toList();
        }
        // A text column whose values hold paragraphs (the risk register's responses) says so, as input descriptors do.
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).type().equals("string") && holdsLineBreaks(t, fields.get(i).name())) {
                fields.set(i, fields.get(i).withLineBreaks());
            }
        }
        // The row key identifies a row where the table's keys are unique (they are in every table published so far).
        boolean unique = new HashSet<>(keys).size() == keys.size();
        if (!fields.stream().map(Field::name).toList().equals(CsvTableWriter.header(t))) {
            throw new IllegalStateException("table " + t.id() + ": the data package's fields " + fields.stream().map(Field::name).toList()
                    + " are not the CSV's columns " + CsvTableWriter.header(t));
        }
        return new Schema(fields, unique ? List.of("row_key") : null);
    }

    private static Field keyField(String name, About about, boolean required, List<String> allowed) {
        Text d = described(name, about);
        return new Field(name, "string", name, d.in(Language.EN), null, d.zh(), null, null, null,
                new Constraints(required ? true : null, allowed, null, null));
    }

    /** A column's fields: one, or two for work in years and months (as the CSV splits it). */
    private static List<Field> valueFields(Column c, Table t, About about) {
        Text printed = new Text((c.group().zh() + " " + c.heading().zh()).strip(),
                (c.group().in(Language.EN) + " " + c.heading().in(Language.EN)).strip());
        // A heading's note marker ("2020-2021 *") points to a note under the printed table, which no field shows: the
        // field says the note instead.
        Text note = noteOf(printed, c, t);
        Text heading = note == null ? printed : NoteMarker.strip(printed);
        Text fromTexts = about.texts().apply(TextKeys.FIELD + c.key());
        Text description = fromTexts != null ? fromTexts : heading;
        if (note != null) {
            description = text(about, "datapackage.column.note").with("heading", description).with("note", note);
        }
        if (c.synthetic()) {
            // Table 2's XB or RBSA from synthetic lines: a reader of one field's description must not take it for an estimate.
            description = join(description, text(about, "datapackage.column.synthetic"));
        }
        Text units = unitOf(c, t);
        String unit = units.isEmpty() ? null : units.in(Language.EN);
        String unitZh = units.isEmpty() ? null : units.zh();
        return switch (c.kind()) {
            case YEARS_MONTHS -> List.of(
                    new Field(c.key() + "_years", "integer", heading.in(Language.EN), join(description, text(about, "datapackage.years"))
                            .in(Language.EN), heading.zh(), join(description, text(about, "datapackage.years")).zh(),
                            text(about, UNIT_YEARS).in(Language.EN), text(about, UNIT_YEARS).zh(), null,
                            new Constraints(null, null, BigDecimal.ZERO, WHOLE_MAX)),
                    new Field(c.key() + "_months", "integer", heading.in(Language.EN), join(description, text(about, "datapackage.months"))
                            .in(Language.EN), heading.zh(), join(description, text(about, "datapackage.months")).zh(),
                            text(about, UNIT_MONTHS).in(Language.EN), text(about, UNIT_MONTHS).zh(), null,
                            new Constraints(null, null, BigDecimal.ZERO, BigDecimal.valueOf(11))));
            case AMOUNT, AMOUNT_OR_DASH -> List.of(new Field(c.key(), "integer", heading.in(Language.EN), description.in(Language.EN),
                    heading.zh(), description.zh(), unit, unitZh, null, new Constraints(null, null, WHOLE_MIN, WHOLE_MAX)));
            case COUNT -> List.of(new Field(c.key(), "integer", heading.in(Language.EN), description.in(Language.EN), heading.zh(),
                    description.zh(), unit, unitZh, null, new Constraints(null, null, BigDecimal.ZERO, WHOLE_MAX)));
            case PERCENT, MILLIONS -> List.of(new Field(c.key(), "number", heading.in(Language.EN), description.in(Language.EN),
                    heading.zh(), description.zh(), unit, unitZh, 1, new Constraints(null, null, NUMBER_LIMIT.negate(), NUMBER_LIMIT)));
            case TEXT -> List.of(new Field(c.key(), "string", heading.in(Language.EN), description.in(Language.EN), heading.zh(),
                    description.zh(), null, null, null, null));
        };
    }

    /**
     * A field's unit: its column's, shown under the heading; for an amount in a table whose columns show none (the
     * print states the unit once, above the table: t1's US$, t2's US$ millions; or only the workbook does: sa's US$),
     * the table's, so that every amount field says its unit where a reader of fields looks (tester 81a, F7).
     */
    private static Text unitOf(Column c, Table t) {
        if (!c.unit().isEmpty() || !EnumSet.of(ValueKind.AMOUNT, ValueKind.AMOUNT_OR_DASH, ValueKind.MILLIONS).contains(c.kind())) {
            return c.unit();
        }
        return t.unitNote().isEmpty() ? t.workbookUnit() : t.unitNote();
    }

    /**
     * The note under the table that the heading's marker points to, in both editions: the column's own (one among
     * several notes with its marker), else the first with the marker; null when the heading ends with no marker, or
     * with one no note explains (left as printed).
     */
    private static Text noteOf(Text heading, Column c, Table t) {
        java.util.regex.Matcher zh = NoteMarker.TRAILING.matcher(heading.zh());
        java.util.regex.Matcher en = NoteMarker.TRAILING.matcher(heading.in(Language.EN));
        if (!zh.find() || !en.find() || !zh.group(1).equals(en.group(1))) {
            return null;
        }
        String marker = NoteMarker.normalise(zh.group(1));
        List<NoteMarker.Note> own = c.note().isEmpty() ? List.of() : NoteMarker.parts(c.note());
        if (own.size() == 1 && own.get(0).marker().equals(marker)) {
            return own.get(0).text();
        }
        return t.footnotes().stream().flatMap(f -> NoteMarker.parts(f).stream()).filter(n -> n.marker().equals(marker))
                .map(NoteMarker.Note::text).findFirst().orElse(null);
    }

    /**
     * A column of a table's own tidy form (already formatted strings): typed by what its values are (whole numbers,
     * decimals, true/false, else text) and described by the document's texts.
     */
    private static Field tidyField(String table, String name, TidyRows tidy, About about) {
        List<String> values = tidy.lines().stream().map(l -> tidyValue(l, name)).filter(v -> !v.isEmpty()).toList();
        Text d = described(table, name, about);
        // A number's unit, where the texts name one for the field (a count or a code has none).
        Text unit = about.texts().apply(TextKeys.UNIT + name);
        String unitEn = unit == null ? null : unit.in(Language.EN);
        String unitZh = unit == null ? null : unit.zh();
        if (!values.isEmpty() && values.stream().allMatch(v -> v.matches("-?\\d+"))) {
            boolean negative = values.stream().anyMatch(v -> v.startsWith("-"));
            return new Field(name, "integer", name, d.in(Language.EN), null, d.zh(), unitEn, unitZh, null,
                    new Constraints(null, null, negative ? WHOLE_MIN : BigDecimal.ZERO, WHOLE_MAX));
        }
        if (!values.isEmpty() && values.stream().allMatch(v -> v.matches("-?\\d+\\.\\d+"))) {
            int decimals = values.stream().mapToInt(v -> v.length() - v.indexOf('.') - 1).max().orElse(0);
            // A tidy decimal is an exact 64-bit sum of its smallest unit (Figure 2's cents, added with Math.addExact):
            // its range is the long's at its decimals, which no published value passes (tester 81a, F1: a sum of US$ 2
            // trillion broke a maximum of 999 999 999 999.9 copied from the one-decimal fields).
            return new Field(name, "number", name, d.in(Language.EN), null, d.zh(), unitEn, unitZh, decimals,
                    new Constraints(null, null, BigDecimal.valueOf(Long.MIN_VALUE, decimals), BigDecimal.valueOf(Long.MAX_VALUE, decimals)));
        }
        if (!values.isEmpty() && values.stream().allMatch(v -> v.equals("true") || v.equals("false"))) {
            return new Field(name, "boolean", name, d.in(Language.EN), null, d.zh(), null, null, null, null);
        }
        return new Field(name, "string", name, d.in(Language.EN), null, d.zh(), null, null, null, null);
    }

    private static boolean holdsLineBreaks(Table t, String field) {
        if (t.tidy() != null) {
            return t.tidy().lines().stream().map(l -> (Object) l.values().get(field)).anyMatch(v -> v != null
                    && (v instanceof Text x ? x.zh() + x.in(Language.EN) : v.toString()).indexOf('\n') >= 0);
        }
        return t.rows().stream().anyMatch(r -> r.value(field) instanceof Text x && (x.zh() + x.in(Language.EN)).indexOf('\n') >= 0);
    }

    // A tidy value as the CSV writes it (a text in the first edition's language; the type is the same in both).
    private static String tidyValue(TidyRows.Line line, String column) {
        Object v = line.values().get(column);
        return v == null ? "" : v instanceof Text t ? t.zh() : v.toString();
    }

    private static Text described(String field, About about) {
        Text t = about.texts().apply(TextKeys.FIELD + field);
        return t == null ? Text.of(field) : t;
    }

    // A tidy field's description: the table's own (datapackage.field.<table>.<field>) before the one fields share.
    private static Text described(String table, String field, About about) {
        Text own = about.texts().apply(TextKeys.FIELD + table + "." + field);
        return own != null ? own : described(field, about);
    }

    private static Text text(About about, String key) {
        Text t = about.texts().apply(key);
        if (t == null) {
            throw new IllegalStateException("texts.csv has no text '" + key + "'");
        }
        return t;
    }
}
