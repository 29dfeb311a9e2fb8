package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;

/**
 * The first sheet: what the workbook is and where it came from. All text in column A, one item per row, each under a
 * bold subheading, so a screen reader reads it top to bottom.
 */
final class CoverSheet {

    private static final int WIDTH = 110;

    private final XSSFSheet sheet;
    private final XlsxStyles styles;
    private int next;

    private CoverSheet(XSSFSheet sheet, XlsxStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, PublicationInfo info, Language lang) {
        CoverSheet cover = new CoverSheet(wb.createSheet(XlsxText.COVER_SHEET.in(lang)), styles);
        XlsxCells.width(cover.sheet, 0, WIDTH);
        cover.line(XlsxText.in(info.title(), lang), styles.title);
        cover.item(XlsxText.SOURCE.in(lang), XlsxText.in(info.source(), lang));
        cover.item(XlsxText.BIENNIUM.in(lang), info.biennium());
        cover.item(XlsxText.RUN_ID.in(lang), info.runId());
        cover.item(XlsxText.RUN_TIME.in(lang), info.runTime());
        cover.item(XlsxText.CODE_VERSION.in(lang), info.codeVersion());
        List<String> inputs = info.inputs() == null ? List.of() : info.inputs();
        if (!inputs.isEmpty()) {
            cover.line(XlsxText.INPUTS.in(lang), styles.heading);
            inputs.forEach(i -> cover.line(i, styles.body));
        }
        cover.item(XlsxText.CONTACT.in(lang), XlsxText.in(info.contact(), lang));
        cover.item(XlsxText.CITATION.in(lang), XlsxText.in(info.citation(), lang));
        cover.line(XlsxText.SEE_CONTENTS.in(lang), styles.body);
        XlsxCells.finish(cover.sheet, -1, false);
    }

    // A subheading and its value; nothing when there is no value.
    private void item(String heading, String value) {
        if (value != null && !value.isBlank()) {
            line(heading, styles.heading);
            line(value, styles.body);
        }
    }

    private void line(String text, CellStyle style) {
        Row row = sheet.createRow(next++);
        XlsxCells.text(row, 0, text, style, styles);
        if (style.getWrapText()) {
            XlsxCells.fitHeight(row, List.of(text), List.of(WIDTH));
        }
    }
}
