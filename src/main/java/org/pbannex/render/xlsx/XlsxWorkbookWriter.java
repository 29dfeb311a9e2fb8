package org.pbannex.render.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.render.NoteNumbers;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.WholeFile;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * The Excel edition: one workbook per language laid out as the UK Government Analysis Function's "Releasing
 * statistics in spreadsheets" recommends: a cover sheet, a contents sheet with links, a notes sheet, one sheet per
 * table (an Excel table with a single header row, numbers as numbers, no merged cells, nothing below it), a sheet
 * for each table's charts, and a run sheet with the input files and their checksums.
 * It renders any {@link Table}; nothing here knows what the figures are about.
 */
public final class XlsxWorkbookWriter {

    private static final String CREATOR = "pb-annex";

    private XlsxWorkbookWriter() {
    }

    /**
     * Loads what the first workbook of a process loads: the Office Open XML schema's type system (0.05-0.07 s of a
     * cold process's first workbook), by creating an empty workbook and dropping it.
     */
    public static void prepare() throws IOException {
        new XSSFWorkbook().close();
    }

    /**
     * Writes one workbook with every table, in the given language, to {@code out} (parent dirs exist). wording is the
     * outputs' shared wording (texts.csv, keys edition.*; the workbook's own are edition.workbook.*).
     */
    public static void write(List<Table> tables, Language language, PublicationInfo info, Wording wording, Path out)
            throws IOException {
        write(tables, tables.stream().map(Table::id).toList(), language, info, wording, out);
    }

    /**
     * Writes a workbook of some of the run's tables ({@code shown}, the ids of a reviewer's tables), its notes numbered
     * as in the run's workbook of all of them ({@code runTables}, in the run's order): "[note 9]" is the same note in
     * both, its Notes sheet listing only the notes of its tables.
     */
    public static void write(List<Table> runTables, List<String> shown, Language language, PublicationInfo info, Wording wording,
                             Path out) throws IOException {
        XlsxText words = new XlsxText(wording);
        List<Table> tables = runTables.stream().filter(t -> shown.contains(t.id())).toList();
        // Build the whole workbook in memory first so a failure leaves no half-written file.
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles styles = new XlsxStyles(wb, language);
            List<TableLayout> all = runTables.stream().map(t -> TableLayout.of(t, language, words)).toList();
            List<TableLayout> layouts = all.stream().filter(l -> shown.contains(l.table().id())).toList();
            NoteList notes = NoteList.of(all, shown, info, words);
            CoverSheet.write(wb, styles, words, info, tables, language);
            ContentsSheet.write(wb, styles, words, contents(layouts, info, notes, language, words), language);
            NotesSheet.write(wb, styles, words, notes, language);
            for (TableLayout layout : layouts) {
                String charts = SheetName.chartsOf(layout.table(), language, words);
                TableSheet.Written sheet = TableSheet.write(wb, styles, layout, notes, info, charts);
                if (charts != null) {
                    ChartSheet.write(wb, styles, layout, sheet, charts);
                }
            }
            RunSheet.write(wb, styles, words, info, language);
            XlsxCells.footers(wb, words.pageFooter.in(language));
            wb.setActiveSheet(0);
            wb.setFirstVisibleTab(0);
            properties(wb.getProperties(), tables, language, info, words);
            // Zipped in memory first (about 100 KB): POI turns a failed write into "Failed to save: content types part",
            // the disk's reason lost; the file's own write says it ("No space left on device").
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream(1 << 17);
            wb.write(zipped);
            WholeFile.write(out, zipped::writeTo);
        }
    }

    /**
     * The numbers of the notes under these tables (the run's, in its order) as the workbook of all of them lists them
     * on its Notes sheet: the HTML and PDF editions name a note's marker by them ("† note 9").
     */
    public static NoteNumbers noteNumbers(List<Table> tables, Language language, PublicationInfo info, Wording wording) {
        Map<String, Set<NoteList.EmptyCellRule>> rules = new LinkedHashMap<>();
        tables.forEach(t -> rules.put(t.id(), TableLayout.emptyCellRules(t, language)));
        return NoteList.of(tables, rules, tables.stream().map(Table::id).toList(), info, new XlsxText(wording)).numbers();
    }

    /**
     * Where a table is on its sheet: the sheet's name, what each column of the table holds ({@code label}, {@code group},
     * a column key, or {@code <key>_years} and {@code <key>_months} for work), and the key of each row under the header.
     */
    /** What a table sheet shows in a cell for which the table gives no figure or text (its note says what it means). */
    public static final String NOT_PRINTED = TableLayout.Content.NOT_PRINTED.text();

    /** What a line of a table sheet above its heading row is (TableSheet writes them in this order, the title in A1). */
    public enum Above { TITLE, WARNING, HOLDS, SOURCE, UNITS, GROUP, NOTES }

    /**
     * @param above what each line above the heading row is, from A1 down, where the sheet points to notes (else all but
     *              the last, {@link Above#NOTES})
     */
    public record SheetPlan(String tableId, String sheetName, List<String> columns, List<String> rowKeys,
                            List<Above> above) {
    }

    /** The plan of each table sheet this writer makes for these tables in this language (to read a returned workbook). */
    public static List<SheetPlan> sheetPlans(List<Table> tables, Language language, Wording wording) {
        XlsxText words = new XlsxText(wording);
        return tables.stream().map(t -> {
            TableLayout layout = TableLayout.of(t, language, words);
            List<String> columns = layout.columns().stream().map(c -> switch (c.role()) {
                case LABEL -> "label";
                case GROUP -> "group";
                case VALUE -> c.column().key();
                case YEARS -> c.column().key() + "_years";
                case MONTHS -> c.column().key() + "_months";
            }).toList();
            return new SheetPlan(t.id(), SheetName.of(t, language), columns, t.rows().stream().map(r -> r.key()).toList(),
                    TableSheet.parts(t, layout.hasGroupColumn(), true));
        }).toList();
    }

    // Every sheet but the contents itself, in workbook order.
    private static List<ContentsSheet.Entry> contents(List<TableLayout> layouts, PublicationInfo info, NoteList notes,
                                                       Language lang, XlsxText words) {
        List<ContentsSheet.Entry> entries = new ArrayList<>();
        entries.add(new ContentsSheet.Entry(words.coverSheet.in(lang), XlsxText.in(info.title(), lang),
                words.coverDescription.in(lang)));
        entries.add(new ContentsSheet.Entry(words.notesSheet.in(lang), words.notesSheet.in(lang),
                words.notesDescription.in(lang)));
        for (TableLayout layout : layouts) {
            Table t = layout.table();
            String sheet = SheetName.of(t, lang);
            String charts = SheetName.chartsOf(t, lang, words);
            List<Text> parts = new ArrayList<>(List.of(words.tableDescription.with("rows", String.valueOf(t.rows().size()))));
            if (!t.sheetUnit().isEmpty()) {
                parts.add(words.unitsDescription.with("unit", t.sheetUnit()));
            }
            if (charts != null) {
                parts.add((t.charts().size() == 1 ? words.chartElsewhere : words.chartsElsewhere).with("sheet", charts));
            }
            if (!t.caveat().isEmpty()) {
                parts.add(words.warningLine.with("caveat", t.caveat()));
            }
            String separator = lang == Language.ZH ? "" : " ";
            // As the sheet's own title reads: a printed marker ("*") becomes its [note N].
            String title = notes.withNoteMarker(TableSheet.title(t, lang, words), t.id(), lang);
            entries.add(new ContentsSheet.Entry(sheet, title,
                    parts.stream().map(p -> p.in(lang)).collect(Collectors.joining(separator))));
            if (charts != null) {
                entries.add(new ContentsSheet.Entry(charts, ChartSheet.title(t, lang, words),
                        (t.charts().size() == 1 ? words.chartSheetDescriptionOne : words.chartSheetDescription)
                                .with("count", String.valueOf(t.charts().size())).with("sheet", sheet).in(lang)));
            }
        }
        entries.add(new ContentsSheet.Entry(words.runSheet.in(lang), words.runTitle.in(lang), words.runDescription.in(lang)));
        return entries;
    }

    private static void properties(POIXMLProperties props, List<Table> tables, Language lang, PublicationInfo info,
                                   XlsxText words) {
        POIXMLProperties.CoreProperties core = props.getCoreProperties();
        core.setTitle(XlsxText.in(info.title(), lang));
        core.setSubjectProperty(XlsxText.in(info.source(), lang));
        core.setCreator(CREATOR);
        core.setLastModifiedByUser(CREATOR);
        core.setKeywords(Stream.concat(Stream.of(info.biennium()), tables.stream().map(t -> t.number().in(lang)))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", ")));
        core.setDescription(words.description.with("count", String.valueOf(tables.size()))
                .with("run", String.valueOf(info.runId())).with("code", String.valueOf(info.codeVersion())).in(lang));
        core.getUnderlyingProperties().setLanguageProperty(lang.tag());
        // POI stamps "now" as the created date; use the run's time so the same run gives the same metadata.
        Optional<Date> runTime = runTime(info.runTime());
        core.setCreated(runTime);
        core.setModified(runTime);
    }

    /** The run time as a date: ISO-8601 with or without offset (no offset means UTC); empty if unreadable. */
    static Optional<Date> runTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso.trim(), OffsetDateTime::from,
                    LocalDateTime::from);
            OffsetDateTime time = t instanceof OffsetDateTime o ? o : ((LocalDateTime) t).atOffset(ZoneOffset.UTC);
            return Optional.of(Date.from(time.toInstant()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
