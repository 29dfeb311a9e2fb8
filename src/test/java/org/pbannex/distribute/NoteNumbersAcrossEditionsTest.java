package org.pbannex.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.CliRun;
import org.pbannex.reference.Texts;
import org.pbannex.table.Language;
import org.pbannex.table.NoteMarker;

/**
 * One numbering of the notes in every edition of a run (tester 78b, 6 and 13): a reviewer who says "note 9" means the
 * same note in the HTML edition, the PDF, the run's workbook and a reviewer's workbook of some of its tables, in both
 * languages. Published through the real command line (xlsx, pdf, html) and distributed as a dry run (Maria Rossi's
 * English workbook of t1 t2 a1 a2, Zhang Min's Chinese one of i1 i2 i3 rt), every file read back: the workbook's Notes
 * sheet is the reference; each note link of the HTML and the PDF is named by the marker it shows and that number
 * ("† note 9", "¹ note 20": the visible marker is in the name, WCAG 2.5.3) and lands on that note.
 */
class NoteNumbersAcrossEditionsTest {

    @TempDir
    static Path shared;
    static Path runDir;
    static Texts texts;

    @BeforeAll
    static void publishAndDistribute() throws IOException {
        Path out = shared.resolve("out");
        Path db = shared.resolve("db");
        CliRun r = CliRun.run(db, "run", "nightly", "--output", out.toString(), "--format", "xlsx,pdf,html");
        assertEquals(0, r.status(), r.toString());
        String runId;
        try (Stream<Path> s = Files.list(out.resolve("2022-23"))) {
            runId = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}T.*")).findFirst().orElseThrow();
        }
        runDir = out.resolve("2022-23").resolve(runId);
        Map<String, String> settings = new HashMap<>(CliRun.h2(db));
        settings.put("pb.distribution.from", "budget-office@example.org");
        CliRun d = CliRun.capture(settings, "distribute", runId, "--dry-run", "--output", out.toString());
        assertEquals(0, d.status(), d.toString());
        texts = org.pbannex.render.GoldenEditions.publication().reference().texts();
    }

    /** A note of the Notes sheet: the tables it applies to, its printed marker ("" for none), its text. */
    record Note(String appliesTo, String marker, String text) {
    }

    /** The Notes sheet's notes by their number ("[note 9]" is 9). */
    private static Map<Integer, Note> notesSheet(Path workbook, Language lang) throws IOException {
        Pattern number = Pattern.compile(Pattern.quote(texts.get("edition.workbook.note_marker").in(lang)).replace("{n}", "\\E(\\d+)\\Q"));
        String none = texts.get("edition.workbook.no_marker").in(lang);
        Map<Integer, Note> notes = new LinkedHashMap<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            Sheet sheet = wb.getSheet(texts.get("edition.notes").in(lang));
            assertNotNull(sheet, workbook + ": its Notes sheet");
            for (Row row : sheet) {
                Matcher m = number.matcher(f.formatCellValue(row.getCell(0)));
                if (m.matches()) {
                    String marker = f.formatCellValue(row.getCell(2));
                    notes.put(Integer.parseInt(m.group(1)), new Note(f.formatCellValue(row.getCell(1)),
                            marker.equals(none) ? "" : marker, f.formatCellValue(row.getCell(3))));
                }
            }
        }
        assertFalse(notes.isEmpty(), workbook + ": no notes");
        return notes;
    }

    /** The line above a table sheet's table that points to its notes ("Notes are on the Notes worksheet: [note 2], ..."). */
    private static String notesLine(Path workbook, String tableId, Language lang) throws IOException {
        String start = texts.get("edition.workbook.notes_line").in(lang);
        start = start.substring(0, start.indexOf('{'));
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            for (Sheet sheet : wb) {
                if (sheet.getSheetName().startsWith(tableId + " ")) {
                    for (Row row : sheet) {
                        for (Cell c : row) {
                            String v = f.formatCellValue(c);
                            if (v.startsWith(start)) {
                                return v;
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError(workbook + ": no notes line on sheet " + tableId);
    }

    private static Path edition(Language lang, String ext) {
        return runDir.resolve("pb-annexes-2022-23." + lang.code() + "." + ext);
    }

    /** What a note link's name is for this marker and number ("† note 9", "¹ 注释 20"). */
    private static String name(Language lang, String marker, int number) {
        return texts.get("edition.note_ref").in(lang).replace("{marker}", marker).replace("{n}", Integer.toString(number));
    }

    /** The number in a link's name, checked to be the name of that marker ("† note 9" gives 9). */
    private static int numberIn(String name, String marker, Language lang) {
        Matcher m = Pattern.compile("\\d+").matcher(name.substring(Math.min(name.length(), marker.length())));
        assertTrue(m.find(), "no number in the link's name " + name);
        int n = Integer.parseInt(m.group());
        assertEquals(name(lang, marker, n), name, "the link's name");
        return n;
    }

    /**
     * A reviewer's workbook of some of the tables keeps the numbers of the run's workbook: its Notes sheet lists only
     * its tables' notes (and the general ones), each with its published number, text and marker, gaps between; a
     * table sheet points to the same numbers as the same sheet of the run's workbook.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aReviewersWorkbookKeepsThePublishedNumbers(Language lang) throws IOException {
        String tables = lang == Language.EN ? "t1_t2_a1_a2" : "i1_i2_i3_rt";
        Path partial = runDir.resolve("distribution").resolve("pb-annexes-2022-23." + lang.code() + "." + tables + ".xlsx");
        assertTrue(Files.isRegularFile(partial), partial + " was written by the dry run");
        Map<Integer, Note> published = notesSheet(edition(lang, "xlsx"), lang);
        Map<Integer, Note> ofSome = notesSheet(partial, lang);
        assertTrue(ofSome.size() < published.size(), "the reviewer's workbook lists fewer notes: " + ofSome.keySet());
        for (Map.Entry<Integer, Note> e : ofSome.entrySet()) {
            Note was = published.get(e.getKey());
            assertNotNull(was, "[note " + e.getKey() + "] is not in the run's workbook");
            assertEquals(was.marker(), e.getValue().marker(), "[note " + e.getKey() + "]'s marker");
            assertEquals(was.text(), e.getValue().text(), "[note " + e.getKey() + "]'s text");
        }
        List<Integer> numbers = new ArrayList<>(ofSome.keySet());
        assertTrue(numbers.get(numbers.size() - 1) > numbers.size(), "gaps where other tables' notes are: " + numbers);
        for (String id : tables.split("_")) {
            assertEquals(notesLine(edition(lang, "xlsx"), id, lang), notesLine(partial, id, lang), id + "'s notes line");
        }
    }

    /**
     * Every note link of the HTML edition (a figure's †, an indicator's ¹, a baseline's ³) is named by its visible
     * marker and the note's number on the run's workbook's Notes sheet, and goes to that note under its table.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theHtmlEditionNamesEachNoteByItsNumber(Language lang) throws IOException {
        Map<Integer, Note> notes = notesSheet(edition(lang, "xlsx"), lang);
        Document html = Jsoup.parse(edition(lang, "html").toFile(), StandardCharsets.UTF_8.name());
        List<Element> links = html.select(LINKS);
        assertTrue(links.stream().anyMatch(a -> a.text().equals("†")) && links.stream().anyMatch(a -> a.text().equals("¹")),
                lang + ": the links of Table 2's † and Table I.2's ¹: " + links);
        for (Element a : links) {
            String marker = a.text();
            String label = a.attr("aria-label");
            assertTrue(label.contains(marker), "the name " + label + " holds the marker shown, " + marker);
            int n = numberIn(label, marker, lang);
            Note note = notes.get(n);
            assertNotNull(note, label + ": no such note on the Notes sheet");
            assertEquals(NoteMarker.normalise(marker), note.marker(), label + ": the note's printed marker");
            Element target = html.getElementById(a.attr("href").substring(1));
            assertNotNull(target, a.attr("href"));
            assertTrue(bare(target.text()).contains(bare(note.text())), label + " goes to " + target.text()
                    + ", not to the note " + note.text());
        }
    }

    /**
     * Every note marker of the PDF is a link (its digit markers too, as in the HTML edition): its annotation's
     * description and its Link element's Alt are the HTML's name for it, with the workbook's number, and it goes to the
     * page that shows that note.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void thePdfNamesEachNoteByItsNumberAndLinksItsDigitMarkers(Language lang) throws IOException {
        Map<Integer, Note> notes = notesSheet(edition(lang, "xlsx"), lang);
        Document html = Jsoup.parse(edition(lang, "html").toFile(), StandardCharsets.UTF_8.name());
        // A column heading's marker is a link in the HTML edition only (fragments/table.html says why).
        List<String> htmlNames = html.select(LINKS).stream().filter(a -> a.closest("table.data thead") == null)
                .map(a -> a.attr("aria-label")).sorted().toList();
        List<String> pdfNames = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(edition(lang, "pdf").toFile())) {
            List<PDStructureElement> linkElements = new ArrayList<>();
            links(doc.getDocumentCatalog().getStructureTreeRoot(), linkElements);
            PDFTextStripper text = new PDFTextStripper();
            for (PDStructureElement element : linkElements) {
                for (Object kid : element.getKids()) {
                    if (!(kid instanceof PDObjectReference ref) || !(ref.getReferencedObject() instanceof PDAnnotationLink link)
                            || !(link.getAction() instanceof PDActionGoTo go) || !(go.getDestination() instanceof PDNamedDestination named)
                            || !named.getNamedDestination().matches("table-[\\w-]+-note-\\d+")) {
                        continue;
                    }
                    String description = link.getContents();
                    assertEquals(description, element.getAlternateDescription(), "the Link element's Alt");
                    String marker = description.substring(0, description.indexOf(' '));
                    int n = numberIn(description, marker, lang);
                    Note note = notes.get(n);
                    assertNotNull(note, description + ": no such note on the Notes sheet");
                    assertEquals(NoteMarker.normalise(marker), note.marker(), description + ": the note's printed marker");
                    PDPageDestination target = doc.getDocumentCatalog().findNamedDestinationPage(named);
                    assertNotNull(target, named.getNamedDestination());
                    int page = doc.getPages().indexOf(target.getPage()) + 1;
                    text.setStartPage(page);
                    text.setEndPage(page);
                    String start = bare(note.text()).substring(0, Math.min(12, bare(note.text()).length()));
                    assertTrue(bare(text.getText(doc)).contains(start), description + " goes to page " + page
                            + ", which does not show the note " + note.text());
                    pdfNames.add(description);
                }
            }
        }
        assertEquals(htmlNames, pdfNames.stream().sorted().toList(), lang + ": the same note links in the PDF as in the HTML edition");
    }

    /** Every note link of the HTML edition: a figure's, a label's or text's digit marker, a heading's and a title's. */
    private static final String LINKS = "table.data sup.note-ref a[href], table.data a.note-ref[href], section.annex > h2 a.note-ref[href]";

    /** The words before a note under a table that give its number ("[note 12]", "[注释 12]"). */
    private static String numberWords(Language lang, int n) {
        return texts.get("edition.note_number").in(lang).replace("{n}", Integer.toString(n));
    }

    /**
     * A marker that ends a table's title ("Operational budget, 2022-2023 *") or a column's heading ("2020-2021 *",
     * Figure 2's "2022-2023 ***") is a link to its note, as a figure's marker is (tester 79, F1): in the HTML edition an
     * {@code <a>} named by the marker and the note's number, the workbook's, in the PDF a Link annotation of that name;
     * the heading's and the title's printed text stay as they were.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theMarkersOfHeadingsAndTitlesAreLinksToTheirNotes(Language lang) throws IOException {
        Map<Integer, Note> notes = notesSheet(edition(lang, "xlsx"), lang);
        Document html = Jsoup.parse(edition(lang, "html").toFile(), StandardCharsets.UTF_8.name());
        List<Element> marked = new ArrayList<>();
        for (Element e : html.select("section.annex > h2, table.data thead th")) {
            Element shown = e.clone();
            shown.select(".visually-hidden, .col-unit, .number").remove();
            if (NoteMarker.TRAILING.matcher(shown.text().strip()).find()) {
                marked.add(e);
            }
        }
        assertTrue(marked.stream().anyMatch(e -> e.tagName().equals("h2")) && marked.stream().anyMatch(e -> e.tagName().equals("th")),
                lang + ": a title and a heading end with a marker: " + marked);
        List<String> names = new ArrayList<>();
        for (Element e : marked) {
            Element a = e.selectFirst("a.note-ref[href]");
            assertNotNull(a, lang + ": the marker of " + e.text() + " is no link");
            String label = a.attr("aria-label");
            int n = numberIn(label, a.text(), lang);
            assertEquals(NoteMarker.normalise(a.text()), notes.get(n).marker(), label + ": the note's printed marker");
            Element target = html.getElementById(a.attr("href").substring(1));
            assertNotNull(target, a.attr("href"));
            assertTrue(bare(target.text()).contains(bare(notes.get(n).text())), label + " goes to " + target.text());
            names.add(label);
        }
        List<String> pdfNames = new ArrayList<>();
        String pdfText;
        try (PDDocument doc = Loader.loadPDF(edition(lang, "pdf").toFile())) {
            for (var page : doc.getPages()) {
                for (var annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getContents() != null) {
                        pdfNames.add(link.getContents());
                    }
                }
            }
            pdfText = bare(new PDFTextStripper().getText(doc));
        }
        // The PDF links a title's marker; a column heading's stays text (fragments/table.html says why).
        for (int i = 0; i < marked.size(); i++) {
            if (marked.get(i).tagName().equals("h2")) {
                assertTrue(pdfNames.contains(names.get(i)), lang + ": the PDF has no link " + names.get(i));
            }
        }
        for (Element e : marked) {
            Element shown = e.clone();
            shown.select(".visually-hidden, .col-unit").remove();
            assertTrue(pdfText.contains(bare(shown.text())), lang + ": the PDF prints " + shown.text() + " as it was");
        }
    }

    /**
     * Each note under a table shows the number every edition gives it, before its marker ("[note 12] * Estimate.", in
     * the words of texts.csv), in the HTML edition and the PDF: a reader told "note 12" by a link's name or the
     * workbook finds it there (tester 79, F2). The note's own words are those of the workbook's Notes sheet.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void eachNoteUnderATableShowsItsNumber(Language lang) throws IOException {
        Map<Integer, Note> notes = notesSheet(edition(lang, "xlsx"), lang);
        Document html = Jsoup.parse(edition(lang, "html").toFile(), StandardCharsets.UTF_8.name());
        String pdfText;
        try (PDDocument doc = Loader.loadPDF(edition(lang, "pdf").toFile())) {
            pdfText = bare(new PDFTextStripper().getText(doc));
        }
        List<Element> paragraphs = html.select("section.annex .notes p[id]");
        int shown = 0;
        for (Map.Entry<Integer, Note> e : notes.entrySet()) {
            Note note = e.getValue();
            String numbered = bare(numberWords(lang, e.getKey()) + note.marker() + note.text());
            List<Element> under = paragraphs.stream().filter(p -> bare(p.text()).contains(bare(note.text()))).toList();
            if (under.isEmpty()) {
                continue; // a note of no table's (what empty cells mean, a general note)
            }
            assertTrue(under.stream().anyMatch(p -> bare(p.text()).contains(numbered)),
                    lang + ": the note under its table does not start with its number " + numbered + ": " + under);
            assertTrue(pdfText.contains(numbered), lang + ": the PDF's note does not start with its number: " + numbered);
            shown++;
        }
        assertTrue(shown > 15, lang + ": the notes under the tables: " + shown);
        for (Element a : html.select(LINKS)) {
            int n = numberIn(a.attr("aria-label"), a.text(), lang);
            Element target = html.getElementById(a.attr("href").substring(1));
            assertTrue(target.select("span.note-number").stream().anyMatch(s -> s.text().contains(numberWords(lang, n))),
                    a.attr("aria-label") + " goes to a note that does not say its number: " + target);
        }
    }

    /**
     * The publication's general notes (the covers' front matter) are tagged as pb-annex's own, or not, as the notes
     * under the tables are (tester 79, F3): the HTML edition's and the PDF's covers show each as the workbook's Notes
     * sheet does.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theCoversGeneralNotesAreTaggedAsTheWorkbooksAre(Language lang) throws IOException {
        Map<Integer, Note> notes = notesSheet(edition(lang, "xlsx"), lang);
        Document html = Jsoup.parse(edition(lang, "html").toFile(), StandardCharsets.UTF_8.name());
        List<String> general = html.select("section#notes > p:not(.left-out)").eachText();
        assertTrue(general.size() >= 3, lang + ": the general notes: " + general);
        String own = texts.get("edition.own_note.printed").in(lang);
        String tag = own.substring(0, own.indexOf("{text}"));
        String pdfText;
        try (PDDocument doc = Loader.loadPDF(edition(lang, "pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(2);
            pdfText = bare(stripper.getText(doc));
        }
        for (String note : general) {
            assertTrue(notes.values().stream().anyMatch(n -> n.text().equals(note)),
                    lang + ": the HTML's general note is not the Notes sheet's: " + note);
            assertTrue(note.startsWith(tag.strip()), lang + ": pb-annex's note is not tagged as such: " + note);
            assertTrue(pdfText.contains(bare(note)), lang + ": the PDF's cover does not show " + note);
        }
    }

    private static void links(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if ("Link".equals(e.getStructureType())) {
                    out.add(e);
                }
                links(e, out);
            }
        }
    }

    /** The text without white space, which the PDF's lines and the HTML's breaks put in different places. */
    private static String bare(String s) {
        return s.replaceAll("\\s+", "");
    }
}
