package org.pbannex.render.xlsx;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook's cell styles, each created once (Excel caps a workbook at 64,000 styles and slows down well before).
 * One sans-serif font at 11 pt for the body; titles at 14 pt bold.
 */
final class XlsxStyles {

    static final String FONT = "Arial";
    static final short BODY_POINTS = 11;
    static final short TITLE_POINTS = 14;
    /** Height of one line of body text, for rows whose text wraps. */
    static final float LINE_POINTS = 15f;

    static final String AMOUNT_FORMAT = "#,##0";
    /** Positive; negative; zero: the cell stays the number 0 but shows a dash, as the printed table does. */
    static final String AMOUNT_OR_DASH_FORMAT = "#,##0;-#,##0;\"\u2013\"";
    static final String ONE_DECIMAL_FORMAT = "0.0";
    static final String WHOLE_FORMAT = "0";

    private final XSSFWorkbook wb;
    private final XSSFFont plain;
    private final XSSFFont bold;
    private final XSSFFont link;
    private final Map<String, CellStyle> cache = new HashMap<>();
    private final Map<CellStyle, CellStyle> quoted = new HashMap<>();

    final CellStyle title;
    final CellStyle heading;
    final CellStyle body;
    final CellStyle header;
    final CellStyle linked;

    XlsxStyles(XSSFWorkbook wb) {
        this.wb = wb;
        // The default font (index 0) is used by every unstyled cell and sets the column width unit.
        plain = wb.getFontAt(0);
        plain.setFontName(FONT);
        plain.setFontHeightInPoints(BODY_POINTS);
        plain.setScheme(FontScheme.NONE); // a theme scheme would make Excel show the theme font, not Arial
        bold = font(BODY_POINTS, true);
        link = font(BODY_POINTS, false);
        link.setUnderline(Font.U_SINGLE);
        link.setColor(IndexedColors.BLUE.getIndex());
        title = style(font(TITLE_POINTS, true), false);
        heading = style(bold, false);
        body = style(plain, true);
        header = style(bold, true);
        linked = style(link, false);
    }

    /** A row label: bold for headings and totals, indented by its level, wrapped. */
    CellStyle label(int level, boolean isBold) {
        return cache.computeIfAbsent("label:" + level + ":" + isBold, k -> {
            CellStyle s = style(isBold ? bold : plain, true);
            s.setAlignment(HorizontalAlignment.LEFT); // Excel ignores the indent under "general" alignment
            s.setIndention((short) Math.max(0, level));
            return s;
        });
    }

    /** A numeric cell with the given Excel number format. */
    CellStyle number(String format, boolean isBold) {
        return cache.computeIfAbsent("number:" + format + ":" + isBold, k -> {
            CellStyle s = style(isBold ? bold : plain, false);
            s.setDataFormat(wb.createDataFormat().getFormat(format));
            return s;
        });
    }

    /**
     * The same style with the quote prefix set: Excel and LibreOffice then keep text such as "=SUM(A1)" as text
     * when someone edits the cell, instead of turning it into a formula.
     */
    CellStyle quoted(CellStyle base) {
        return quoted.computeIfAbsent(base, b -> {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(b);
            s.setQuotePrefixed(true);
            return s;
        });
    }

    private XSSFFont font(short points, boolean isBold) {
        XSSFFont f = wb.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints(points);
        f.setBold(isBold);
        return f;
    }

    private CellStyle style(XSSFFont font, boolean wrap) {
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setWrapText(wrap);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }
}
