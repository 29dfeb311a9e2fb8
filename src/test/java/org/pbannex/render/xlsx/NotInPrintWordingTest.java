package org.pbannex.render.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.reference.Texts;
import org.pbannex.render.GoldenEditions;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.html.HtmlEditionWriter;
import org.pbannex.render.markup.TableView;
import org.pbannex.render.pdf.PdfDocumentWriter;
import org.pbannex.table.Language;
import org.pbannex.table.Table;

/**
 * rt, the targets by region, is computed by pb-annex from Tables I.2 and I.3: the printed document does not hold it
 * (its catalogue entry says so). Its workbook sheet, its HTML table and its PDF table, written as a run writes them and
 * read back, do not say it is printed: its source line says pb-annex computed it from the document's figures (not the
 * document as its source), its "[x]" note says the table gives no figure (not the printed table), and an empty cell's
 * hidden text says "No figure or text in this cell" (not "Nothing printed in this cell"). A printed table keeps the
 * printed wording. (Found by a tester: a new derived table said the same.)
 */
class NotInPrintWordingTest {

    static final Path FONTS = Path.of(System.getProperty("pb.home", ".")).resolve("work/fonts");

    @TempDir
    static Path dir;
    static ComputedPublication pub;
    static PublicationInfo info;
    static Texts texts;
    static Table rt;

    @BeforeAll
    static void write() throws IOException {
        pub = GoldenEditions.publication();
        texts = pub.reference().texts();
        info = RunRenderer.info(pub, "20260101T000000Z-0a1b2c3d", Instant.parse("2026-01-01T00:00:00Z"), "0.1.0 (0a1b2c3)");
        Table computed = pub.tables().get("rt");
        assertFalse(TableCatalogue.inPrint(computed.id()));
        assertFalse(computed.inPrint(), "the table as computed says what its catalogue entry says");
        assertTrue(pub.tables().get("a1").inPrint());
        assertTrue(pub.printedDocument().isPresent(), "2022-23 names its printed document: its texts use the printed wording");
        rt = withOneCellEmpty(computed);
        List<Table> tables = pub.tables().values().stream().map(t -> t.id().equals(rt.id()) ? rt : t).toList();
        for (Language lang : Language.values()) {
            XlsxWorkbookWriter.write(tables, lang, info, RunRenderer.wording(pub), dir.resolve(lang.code() + ".xlsx"));
            HtmlEditionWriter.write(tables, lang, info, RunRenderer.wording(pub), dir.resolve(lang.code() + ".html"));
            PdfDocumentWriter.write(List.of(rt), lang, info, RunRenderer.wording(pub), FONTS, dir.resolve(lang.code() + ".pdf"));
        }
    }

    /**
     * rt with one region's target not given (2022-23 gives every region of its rows one, a biennium may not): its first
     * figure of a row that is no total left empty.
     */
    private static Table withOneCellEmpty(Table t) {
        List<org.pbannex.table.Row> rows = new ArrayList<>();
        boolean emptied = false;
        for (org.pbannex.table.Row r : t.rows()) {
            java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(r.values());
            if (!emptied && !r.type().isTotal()) {
                var key = t.columns().stream().map(org.pbannex.table.Column::key).filter(k -> values.get(k) instanceof Number).findFirst();
                if (key.isPresent()) {
                    values.put(key.get(), null);
                    emptied = true;
                }
            }
            rows.add(new org.pbannex.table.Row(r.key(), r.type(), r.label(), r.level(), values, r.within()));
        }
        assertTrue(emptied, "a figure of rt to leave empty");
        return new Table(t.id(), t.number(), t.title(), t.unitNote(), t.labelHeading(), t.columns(), rows, t.footnotes(), t.source(),
                t.wide(), t.tidy(), t.charts(), t.shortName(), t.caveat(), t.cellNotes(), t.inPrint());
    }

    private static List<String> texts(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING) {
                    out.add(c.getStringCellValue());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theWorkbookSaysPbAnnexComputedItAndThatTheTableGivesNoFigure(Language lang) throws Exception {
        String printedSource = texts.get("edition.source_line").with("source", info.source()).in(lang);
        String derived = texts.get("edition.workbook.source_derived").in(lang);
        String printedNote = texts.get("edition.workbook.not_printed").in(lang);
        String plainNote = texts.plain("edition.workbook.not_printed").in(lang);
        assertFalse(printedNote.equals(plainNote), "2022-23's [x] note speaks of the printed table");
        try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve(lang.code() + ".xlsx").toFile())) {
            List<String> sheet = texts(XlsxWorkbookWriterTest.sheet(wb, "rt"));
            String source = sheet.stream().filter(s -> s.startsWith(texts.get("edition.source_line").in(lang).replace("{source}", "")))
                    .findFirst().orElseThrow();
            assertFalse(source.equals(printedSource), lang + ": rt's source line cites the printed document: " + source);
            String pbAnnex = derived.substring(0, derived.indexOf("{source}")).strip();
            assertTrue(source.contains(pbAnnex), lang + ": " + source);
            assertTrue(source.contains(info.source().in(lang)), lang + ": " + source);
            // A printed table still cites the document.
            assertTrue(texts(XlsxWorkbookWriterTest.sheet(wb, "a1")).stream().anyMatch(s -> s.startsWith(printedSource)), lang + ": a1");
            // The [x] notes: the plain one for rt, the printed one for the printed tables.
            List<String> all = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                all.addAll(texts(wb.getSheetAt(i)));
            }
            // (Each a note of pb-annex's own, after its tag.)
            assertTrue(all.stream().anyMatch(s -> s.endsWith(plainNote)), lang + ": no note '" + plainNote + "'");
            assertTrue(all.stream().anyMatch(s -> s.endsWith(printedNote)), lang + ": the printed tables' note '" + printedNote + "'");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theHtmlEditionsEmptyCellsOfItSayTheTableGivesNoFigure(Language lang) throws IOException {
        String printed = texts.get("edition.not_printed").in(lang);
        String plain = texts.plain("edition.not_printed").in(lang);
        assertFalse(printed.equals(plain));
        var html = Jsoup.parse(Files.readString(dir.resolve(lang.code() + ".html")));
        Element section = html.getElementById(TableView.anchor(rt));
        List<String> hidden = section.select("table.data td span.visually-hidden").eachText();
        assertTrue(hidden.contains(plain), lang + ": rt's empty cells: " + hidden);
        assertFalse(hidden.contains(printed), lang + ": rt's empty cells: " + hidden);
        // Every printed table with an empty cell says it is empty in print.
        List<String> elsewhere = html.select("table.data td span.visually-hidden").eachText();
        assertTrue(elsewhere.contains(printed), lang + ": no printed table's empty cell says so");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void thePdfsEmptyCellsOfItSayTheTableGivesNoFigure(Language lang) throws IOException {
        String printed = texts.get("edition.not_printed").in(lang);
        String plain = texts.plain("edition.not_printed").in(lang);
        List<String> alts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(dir.resolve(lang.code() + ".pdf").toFile())) {
            alts(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), alts);
        }
        assertTrue(alts.contains(plain), lang + ": rt's empty cells' Alt: " + alts.stream().distinct().limit(20).toList());
        assertFalse(alts.contains(printed), lang + ": rt's empty cells' Alt");
    }

    private static void alts(List<Object> kids, List<String> out) {
        for (Object k : kids) {
            if (k instanceof PDStructureElement e) {
                if (e.getAlternateDescription() != null) {
                    out.add(e.getAlternateDescription());
                }
                alts(e.getKids(), out);
            }
        }
    }
}
