package org.pbannex.render.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.Table;

/**
 * The Excel edition: one workbook per language laid out as the UK Government Analysis Function recommends for
 * releasing statistics in spreadsheets: a cover sheet, a contents sheet with links, a notes sheet, then one sheet
 * per table, each table an Excel table with a single header row, numbers as numbers, no merged cells.
 * It renders any {@link Table}; nothing here knows what the figures are about.
 */
public final class XlsxWorkbookWriter {

    private static final String CREATOR = "pb-annex";

    private XlsxWorkbookWriter() {
    }

    /** Writes one workbook with every table, in the given language, to {@code out} (parent dirs exist). */
    public static void write(List<Table> tables, Language language, PublicationInfo info, Path out) throws IOException {
        // Build the whole workbook in memory first so a failure leaves no half-written file.
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles styles = new XlsxStyles(wb);
            NoteList notes = NoteList.of(tables, info);
            CoverSheet.write(wb, styles, info, language);
            ContentsSheet.write(wb, styles, tables, language);
            NotesSheet.write(wb, styles, notes, language);
            for (Table t : tables) {
                TableSheet.write(wb, styles, t, language, notes.numbersFor(t.id()));
            }
            wb.setActiveSheet(0);
            wb.setFirstVisibleTab(0);
            properties(wb.getProperties(), tables, language, info);
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
    }

    private static void properties(POIXMLProperties props, List<Table> tables, Language lang, PublicationInfo info) {
        POIXMLProperties.CoreProperties core = props.getCoreProperties();
        core.setTitle(XlsxText.in(info.title(), lang));
        core.setSubjectProperty(XlsxText.in(info.source(), lang));
        core.setCreator(CREATOR);
        core.setLastModifiedByUser(CREATOR);
        core.setKeywords(Stream.concat(Stream.of(info.biennium()), tables.stream().map(t -> t.number().in(lang)))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", ")));
        core.setDescription(XlsxText.DESCRIPTION.with("count", String.valueOf(tables.size()))
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
