package org.pbannex.render.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.xml.xmp.DublinCoreSchema;
import com.lowagie.text.xml.xmp.LangAlt;
import com.lowagie.text.xml.xmp.XmpArray;
import com.lowagie.text.xml.xmp.XmpWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pbannex.render.NoteNumbers;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.WholeFile;
import org.pbannex.render.markup.CoverView;
import org.pbannex.render.markup.TableView;
import org.pbannex.render.markup.Templates;
import org.pbannex.render.markup.Wording;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextTextRenderer;
import org.xhtmlrenderer.pdf.ITextUserAgent;

/**
 * The PDF edition: every table of one language in one A4 document (wide tables on landscape pages), laid out
 * by Flying Saucer from the XHTML of templates/pdf-edition.html and templates/annex.css, with one embedded CJK font.
 * Four things are ours: text goes only on the page that shows it, and the PDF is tagged, its text in a structure tree
 * of sections, headings, paragraphs, lists and tables ({@link AnnexOutputDevice}, {@link StructureTree}); Chinese
 * headings break between words ({@link WordLineBreaking}); and pies are drawn as vector paths
 * ({@link ChartElementFactory}).
 */
public final class PdfDocumentWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PdfDocumentWriter.class);
    private static final String CSS = "/templates/annex.css";
    /** Layouts at most: the first, then the trials of remedies for rows that leave a line alone (LoneLines). */
    private static final int MAX_LAYOUTS = 6;
    private static final AtomicBoolean COLLECT_DISCARDED = new AtomicBoolean(true);

    private PdfDocumentWriter() {
    }

    /**
     * Writes one PDF with every table in the given language. fontDir holds font.properties and the TTF files; wording
     * is the outputs' shared wording (texts.csv, keys edition.*). Every table of text is laid out from scratch.
     */
    public static void write(List<Table> tables, Language language, PublicationInfo info, Wording wording, Path fontDir,
                             Path out) throws IOException {
        write(tables, language, info, wording, fontDir, null, out);
    }

    /**
     * As {@link #write(List, Language, PublicationInfo, Wording, Path, Path)}, the tables of text first laid out as
     * the layout memory in layoutMemory (a file, made when missing; null: none) remembers them ({@link LayoutMemory}).
     */
    public static void write(List<Table> tables, Language language, PublicationInfo info, Wording wording, Path fontDir,
                             Path layoutMemory, Path out) throws IOException {
        String xhtml = xhtml(tables, language, info, wording);
        LayoutMemory memory = layoutMemory == null ? LayoutMemory.NONE : LayoutMemory.at(layoutMemory);
        LaidOut laidOut = layOut(xhtml, fontDir, memory);
        // Whether the layout memory was used, for whoever wonders why a PDF took longer, or fell differently.
        if (layoutMemory == null) {
            LOG.info("{}: {} layout(s), no layout memory", out.getFileName(), laidOut.layouts());
        } else {
            LOG.info("{}: {} layout(s); {} of its {} tables of text laid out as remembered in {}", out.getFileName(),
                    laidOut.layouts(), laidOut.recalled(), laidOut.textTables(), layoutMemory);
        }
        writePdf(laidOut.renderer(), xhtml, language, info, out);
    }

    /** Writes the PDF of a laid-out document (its XHTML gives the file ID). */
    static void writePdf(ITextRenderer renderer, String xhtml, Language language, PublicationInfo info, Path out)
            throws IOException {
        renderer.setListener(new Metadata(language, info.runTime(), xhtml));
        WholeFile.write(out, os -> {
            try {
                renderer.createPDF(os);
            } catch (DocumentException e) {
                throw new IOException("cannot write PDF " + out + ": " + e.getMessage(), e);
            } catch (com.lowagie.text.ExceptionConverter e) {
                // OpenPDF wraps a failed write (a full disk) in its own unchecked exception, the cause not chained:
                // the I/O failure it holds is what the run says, with the file.
                // Unwrapped however deep: a page closed by the document's close wraps the converter of the failed write again.
                Exception held = e;
                while (held instanceof com.lowagie.text.ExceptionConverter c && c.getException() != null && c.getException() != c) {
                    held = c.getException();
                }
                if (held instanceof IOException io) {
                    throw io;
                }
                throw e;
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the structure tree's ID tree not written (AnnexOutputDevice.finish)
            }
        });
    }

    /**
     * A document laid out, how many layouts it took, and how many of its tables of text were given what the layout
     * memory remembered for them.
     */
    record LaidOut(ITextRenderer renderer, int layouts, int recalled, int textTables) {
    }

    /** The document laid out from scratch ({@link #layOut}). */
    static ITextRenderer laidOut(String xhtml, Path fontDir) throws IOException {
        return layOut(xhtml, fontDir, LayoutMemory.NONE).renderer();
    }

    /**
     * Flying Saucer with our output device, line breaking and chart elements, the document laid out into pages, its
     * tables of text first given the remedies the memory remembers for them; then laid out again while a row of a
     * table of text leaves one line alone at a page break that a remedy helps ({@link LoneLines}). A remedy that
     * leaves a page of its table emptier than a table of text may be (its rows move the rows after them, which may
     * then move whole) is undone, and that row let be. What the layouts settled is remembered for the next.
     */
    static LaidOut layOut(String xhtml, Path fontDir, LayoutMemory memory) throws IOException {
        ITextRenderer renderer = newRenderer(fontDir);
        renderer.setDocumentFromString(xhtml);
        Document document = renderer.getDocument();
        Set<Element> letBe = new HashSet<>();
        LayoutMemory.Recall recall = memory.recall(document, fontDir, letBe);
        renderer.layout();
        int layouts = 1;
        LoneLines.Reading reading = LoneLines.read(renderer.getRootBox(), letBe);
        while (layouts < MAX_LAYOUTS && !reading.remedies().isEmpty()) {
            List<LoneLines.LoneLine> remedies = reading.remedies();
            remedies.forEach(LoneLines.LoneLine::apply);
            // One layout alive at a time: a remedy undone costs a layout more instead.
            renderer = null;
            renderer = layOutAgain(document, fontDir);
            layouts++;
            LoneLines.Reading trial = LoneLines.read(renderer.getRootBox(), letBe);
            Map<Element, Integer> gaps = reading.emptyPages();
            List<LoneLines.LoneLine> worse = remedies.stream()
                    .filter(r -> trial.emptyPages().getOrDefault(r.table(), 0) > gaps.getOrDefault(r.table(), 0)).toList();
            if (worse.isEmpty()) {
                reading = trial;
                continue;
            }
            worse.forEach(r -> {
                r.undo();
                letBe.add(r.row());
            });
            renderer = null;
            renderer = layOutAgain(document, fontDir);
            layouts++;
            reading = LoneLines.read(renderer.getRootBox(), letBe);
        }
        if (reading.remedies().isEmpty()) {
            recall.remember(letBe, layouts == 1);
        }
        return new LaidOut(renderer, layouts, recall.recalled(), recall.tables());
    }

    /** The document laid out anew, the layout let go collected first (collectDiscardedLayout). */
    private static ITextRenderer layOutAgain(Document document, Path fontDir) throws IOException {
        collectDiscardedLayout();
        ITextRenderer renderer = newRenderer(fontDir);
        renderer.setDocument(document, null);
        renderer.layout();
        return renderer;
    }

    /**
     * Collects the layout just let go before the next is made. A layout is the run's largest heap of garbage, most of
     * it promoted to the old generation, which the serial collector only grows in a run this short: the cold nightly
     * run, which lays the Chinese edition out twice and the English three times, peaked at 314-320 MB without this,
     * 265-286 MB with it (three runs each). Not in the warm process (servingManyRuns), where the heap is grown
     * already and a collection per run cost time (RunRenderer).
     */
    private static void collectDiscardedLayout() {
        if (COLLECT_DISCARDED.get()) {
            System.gc();
        }
    }

    /** A process that serves many runs: layouts let go are left to the collector's own pace. */
    public static void servingManyRuns() {
        COLLECT_DISCARDED.set(false);
    }

    /** Flying Saucer set up as for the annexes, with no document yet. */
    static ITextRenderer newRenderer(Path fontDir) throws IOException {
        float dots = ITextRenderer.DEFAULT_DOTS_PER_POINT;
        ITextOutputDevice device = new AnnexOutputDevice(dots);
        ITextUserAgent agent = new ITextUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL);
        ITextRenderer renderer = new ITextRenderer(dots, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, agent,
                new PdfFonts.EmbeddedOnly(), new ChartElementFactory(device), new ITextTextRenderer());
        renderer.getSharedContext().setLineBreakingStrategy(new WordLineBreaking());
        PdfFonts.register(renderer.getFontResolver(), fontDir);
        return renderer;
    }

    /** The XHTML Flying Saucer lays out: templates/pdf-edition.html with the tables' views and the stylesheet. */
    static String xhtml(List<Table> tables, Language language, PublicationInfo info, Wording wording) throws IOException {
        Map<String, Object> vars = new HashMap<>();
        vars.put("lang", language.tag());
        vars.put("zh", language == Language.ZH);
        vars.put("info", CoverView.of(info, wording, language, tables.stream().map(Table::id).toList()));
        vars.put("w", wording.all(language, "running_head", "inputs", "synthetic_inputs", "source_line", "contents", "zero", "minus", "years_months", "years_months_one", "not_printed", "note_ref", "note_number", "chart_alt",
                "workbook.col_file", "workbook.col_rows", "workbook.col_sha256", "checksum_in_run"));
        // A note's marker is named by the note's number, as the run's workbook numbers its notes ("† note 9").
        NoteNumbers numbers = XlsxWorkbookWriter.noteNumbers(tables, language, info, wording);
        vars.put("tables", tables.stream().map(t -> TableView.of(t, language, numbers)).toList());
        vars.put("css", Templates.resource(CSS));
        return Templates.render("pdf-edition", vars, language.locale());
    }


    /**
     * Fills what Flying Saucer leaves out: the tagging, the document language, the XMP metadata, the title shown by a
     * viewer, and dates and file ID derived from the run instead of the wall clock and a random number, so the same
     * run renders the same bytes.
     */
    private static final class Metadata extends DefaultPDFCreationListener {
        private final Language language;
        private final String runTime;
        private final String content;

        Metadata(Language language, String runTime, String content) {
            this.language = language;
            this.runTime = runTime;
            this.content = content;
        }

        @Override
        public void preOpen(ITextRenderer renderer) {
            // A tagged PDF: screen readers and reflowing viewers read its structure tree (AnnexOutputDevice).
            renderer.getWriter().setTagged();
            // The tree's thousands of small objects compressed in object streams (PDF 1.5): the English edition
            // 348 KB, against 730 KB with them as plain objects (276 KB untagged).
            renderer.getWriter().setFullCompression();
            // Keyboard and screen-reader order through the links follows the structure tree (PDF/UA).
            renderer.getWriter().setTabs(PdfName.S);
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            PdfWriter writer = renderer.getWriter();
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.tag()));
            // A viewer's title bar and tab show the document's title, not its file name (PDF/UA asks for it).
            writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
            PdfDictionary info = writer.getInfo();
            info.put(PdfName.CREATOR, new PdfString("pb-annex"));
            PdfDate date = runDate();
            if (date != null) {
                info.put(PdfName.CREATIONDATE, date);
                info.put(PdfName.MODDATE, date);
            }
            byte[] id = md5(content);
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            // Subset tags of this document's own (its fonts are written when the document closes, after this).
            PdfFonts.tagSubsets(renderer.getFontResolver(), java.util.HexFormat.of().formatHex(id));
            // The same title, author, subject, keywords and dates as XMP metadata, where assistive technology and
            // document stores look for them (PDF/UA asks for dc:title there), made from the properties just set,
            // with the document's language, and the claim of PDF/UA-1 that validators and readers look for (the tests
            // run veraPDF on it).
            writer.setXmpMetadata(xmp(info, language.tag()));
        }

        /**
         * The XMP packet: OpenPDF's from the properties, but for the title, which is ours with the language (dc:title
         * in the document's language as well as the default, and dc:language), as the catalog's Lang says it, in a
         * Dublin Core description of its own beside OpenPDF's.
         */
        private static byte[] xmp(PdfDictionary info, String lang) {
            PdfDictionary untitled = new PdfDictionary();
            untitled.merge(info);
            untitled.remove(PdfName.TITLE);
            DublinCoreSchema dc = new DublinCoreSchema();
            dc.remove(DublinCoreSchema.FORMAT); // OpenPDF's own description says it: a property twice is no XMP
            PdfObject title = info.get(PdfName.TITLE);
            if (title instanceof PdfString t) {
                LangAlt titles = new LangAlt(t.toUnicodeString());
                titles.addLanguage(lang, t.toUnicodeString());
                dc.setProperty(DublinCoreSchema.TITLE, titles);
            }
            XmpArray languages = new XmpArray(XmpArray.UNORDERED);
            languages.add(lang);
            dc.setProperty(DublinCoreSchema.LANGUAGE, languages);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (XmpWriter xmp = new XmpWriter(out, untitled, PdfWriter.PDFXNONE)) {
                xmp.addRdfDescription(dc);
                xmp.addRdfDescription("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"",
                        "<pdfuaid:part>1</pdfuaid:part>");
            } catch (IOException e) {
                throw new UncheckedIOException(e); // into a byte array: cannot happen
            }
            return out.toByteArray();
        }

        private PdfDate runDate() {
            try {
                return new PdfDate(GregorianCalendar.from(OffsetDateTime.parse(runTime).toZonedDateTime()));
            } catch (DateTimeParseException | NullPointerException e) {
                return null; // not ISO-8601 with an offset: keep OpenPDF's own date
            }
        }

        private static byte[] md5(String s) {
            try {
                return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
