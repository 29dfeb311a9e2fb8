package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * The first sheet: what the workbook is, where its figures come from, when it was published, whom to ask, how to
 * cite it, which run made it, any warning a table carries and the input files of synthetic data. All text in column A, one item per
 * row under a bold subheading, so a screen reader reads it top to bottom. The run's details and the input checksums
 * are on the Run sheet.
 */
final class CoverSheet {

    /** Within a portrait A4 page, also in LibreOffice's stand-in font for the zh edition (see ChartSheet). */
    private static final int WIDTH = 70;

    private final XSSFSheet sheet;
    private final XlsxStyles styles;
    private int next;

    private CoverSheet(XSSFSheet sheet, XlsxStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, XlsxText words, PublicationInfo info, List<Table> tables,
                      Language lang) {
        CoverSheet cover = new CoverSheet(wb.createSheet(words.coverSheet.in(lang)), styles);
        XlsxCells.width(cover.sheet, 0, WIDTH);
        cover.line(XlsxText.in(info.title(), lang), styles.title);
        cover.item(words.about.in(lang), XlsxText.in(info.about(), lang));
        List<Table> warned = tables.stream().filter(t -> !t.caveat().isEmpty()).toList();
        if (!warned.isEmpty()) {
            cover.line(words.warnings.in(lang), styles.heading);
            for (Table t : warned) {
                // A caveat that starts with its table's name ("Figure 2 is drawn from ...") is not prefixed with it again.
                String name = NoteList.name(t).in(lang);
                String caveat = t.caveat().in(lang);
                cover.line(caveat.startsWith(name) ? caveat : words.caveatLine.with("table", name).with("caveat", caveat).in(lang),
                        styles.body);
            }
        }
        // As the PDF's and the HTML edition's covers: the files of synthetic data are named before any table.
        List<String> synthetic = words.syntheticInputs(info, lang);
        if (!synthetic.isEmpty()) {
            cover.line(words.syntheticInputs.in(lang), styles.heading);
            synthetic.forEach(f -> cover.line(f, styles.body));
        }
        cover.item(words.source.in(lang), XlsxText.in(info.source(), lang));
        cover.item(words.published.in(lang), info.published() == null ? "" : words.date.date(info.published()).in(lang));
        cover.item(words.biennium.in(lang), info.biennium());
        // The Run sheet's lines read count a later biennium's too, which no total sums.
        cover.item(words.leftOut.in(lang), words.linesLeftOut(info).in(lang));
        cover.item(words.contact.in(lang), XlsxText.in(info.contact(), lang));
        cover.item(words.citation.in(lang), XlsxText.in(info.citation(), lang));
        cover.item(words.run.in(lang), words.runLine.with("run", String.valueOf(info.runId())).in(lang));
        cover.line(words.worksheets.in(lang), styles.heading);
        cover.link(words.contentsLink, words.contentsSheet, lang);
        cover.link(words.notesLink, words.notesSheet, lang);
        XlsxCells.finish(cover.sheet, -1, cover.next - 1, 0, WIDTH);
    }

    // A subheading and its value; nothing when there is no value.
    private void item(String heading, String value) {
        if (value != null && !value.isBlank()) {
            line(heading, styles.heading);
            line(value, styles.body);
        }
    }

    private void line(String text, CellStyle style) {
        XlsxCells.line(sheet, next++, text, style, styles, WIDTH, WIDTH);
    }

    private void link(Text text, Text sheetName, Language lang) {
        XlsxCells.linkToSheet(XlsxCells.line(sheet, next++, text.in(lang), styles.linked, styles, WIDTH, WIDTH),
                sheetName.in(lang));
    }
}
