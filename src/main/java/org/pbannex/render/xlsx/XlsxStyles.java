package org.pbannex.render.xlsx;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.table.Language;

/**
 * The workbook's cell styles, each created once (Excel caps a workbook at 64,000 styles and slows down well before).
 * One sans-serif font at 11 pt for the body, titles at 14 pt bold, no italics, no fills, automatic colour but for
 * links. A workbook names no fonts it does not need: the English edition uses Arial; the Chinese edition a CJK font
 * that Windows and Office have (Microsoft YaHei, also Latin), which LibreOffice replaces by the nearest CJK font.
 */
final class XlsxStyles {

    static final short BODY_POINTS = 11;
    static final short TITLE_POINTS = 14;
    /** A title longer than the printed page at 14 pt: still larger than the text, and on one line. */
    static final short LONG_TITLE_POINTS = 12;
    /** The indentation of every column heading but the first (Excel's steps of about two characters). */
    static final int HEADER_INDENT = 1;

    static final String AMOUNT_FORMAT = "#,##0";
    /** Positive; negative; zero: the cell stays the number 0 but shows a dash, as the printed table does. */
    static final String AMOUNT_OR_DASH_FORMAT = "#,##0;-#,##0;\"\u2013\"";
    static final String ONE_DECIMAL_FORMAT = "0.0";
    /** A share in per cent, one decimal, with its sign: the figure is the percentage itself (42.0 shows "42.0%"). */
    static final String SHARE_FORMAT = "0.0\"%\"";
    /** Millions to one decimal, grouped as the amounts are (a sum of 1 000 million and more: 5,168.7). */
    static final String MILLIONS_FORMAT = "#,##0.0";
    static final String WHOLE_FORMAT = "0";

    /** The edition's font: family name, and the Windows character set that tells Excel it covers Chinese. */
    enum EditionFont {
        LATIN("Arial", org.apache.poi.common.usermodel.fonts.FontCharset.ANSI.getNativeId(), 14f),
        CJK("Microsoft YaHei", org.apache.poi.common.usermodel.fonts.FontCharset.GB2312.getNativeId(), 16.5f);

        final String name;
        final int charset;
        /** Height of one line of 11 pt text, for rows whose text wraps (CJK fonts set taller lines). */
        final float linePoints;

        EditionFont(String name, int charset, float linePoints) {
            this.name = name;
            this.charset = charset;
            this.linePoints = linePoints;
        }

        static EditionFont of(Language lang) {
            return lang == Language.ZH ? CJK : LATIN;
        }
    }

    private final XSSFWorkbook wb;
    final EditionFont font;
    private final XSSFFont plain;
    private final XSSFFont bold;
    private final Map<String, CellStyle> cache = new HashMap<>();
    private final Map<CellStyle, CellStyle> quoted = new HashMap<>();

    final CellStyle title;
    final CellStyle longTitle;
    /** Text above a table or on the cover: wrapped within its column. */
    final CellStyle body;
    final CellStyle heading;
    final CellStyle header;
    final CellStyle indentedHeader;
    final CellStyle linked;

    XlsxStyles(XSSFWorkbook wb, Language lang) {
        this.wb = wb;
        this.font = EditionFont.of(lang);
        // The default font (index 0) is used by every unstyled cell and sets the column width unit.
        plain = wb.getFontAt(0);
        set(plain, BODY_POINTS, false);
        bold = font(BODY_POINTS, true);
        XSSFFont link = font(BODY_POINTS, false);
        link.setUnderline(Font.U_SINGLE);
        link.setColor(IndexedColors.BLUE.getIndex());
        title = style(font(TITLE_POINTS, true), false);
        longTitle = style(font(LONG_TITLE_POINTS, true), false);
        body = style(plain, true);
        heading = style(bold, true);
        // Column headings sit on the rows they head, as in print: a header row a line taller than its tallest heading
        // needs (a heading that a program wraps a line shorter than measured) leaves its room above them, not a band
        // between them and the table (Table 2's).
        header = style(bold, true);
        header.setVerticalAlignment(VerticalAlignment.BOTTOM);
        // The headings after the first are indented a step: a line that fills its column (a program's wrapping packs
        // "targets Africa" where the estimate would not) then still ends apart from the next column's heading.
        indentedHeader = style(bold, true);
        indentedHeader.setVerticalAlignment(VerticalAlignment.BOTTOM);
        indentedHeader.setAlignment(HorizontalAlignment.LEFT); // Excel ignores the indent under "general" alignment
        indentedHeader.setIndention((short) HEADER_INDENT);
        linked = style(link, true);
        NormalStyle.addTo(wb);
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

    /** A shorthand symbol ([x]) in a figure column: right-aligned under the figures. */
    CellStyle symbol(boolean isBold) {
        return cache.computeIfAbsent("symbol:" + isBold, k -> {
            CellStyle s = style(isBold ? bold : plain, false);
            s.setAlignment(HorizontalAlignment.RIGHT);
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

    /** The same style without wrapping (text that fits on one line and may read across empty cells). */
    CellStyle unwrapped(CellStyle style) {
        return variant(style, false);
    }

    /** The same style, wrapped within its column. */
    CellStyle wrapped(CellStyle style) {
        return variant(style, true);
    }

    private CellStyle variant(CellStyle style, boolean wrap) {
        if (style.getWrapText() == wrap) {
            return style;
        }
        return cache.computeIfAbsent("variant:" + style.getIndex() + ":" + wrap, k -> {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(style);
            s.setWrapText(wrap);
            return s;
        });
    }

    short points(CellStyle style) {
        return wb.getFontAt(style.getFontIndex()).getFontHeightInPoints();
    }

    boolean isBold(CellStyle style) {
        return wb.getFontAt(style.getFontIndex()).getBold();
    }

    /** Points for a row showing this many lines of body text. */
    float height(int lines) {
        return lines * font.linePoints + 3f;
    }

    private XSSFFont font(short points, boolean isBold) {
        XSSFFont f = wb.createFont();
        set(f, points, isBold);
        return f;
    }

    private void set(XSSFFont f, short points, boolean isBold) {
        f.setFontName(font.name);
        f.setCharSet(font.charset);
        f.setFamily(org.apache.poi.ss.usermodel.FontFamily.SWISS);
        f.setScheme(FontScheme.NONE); // a theme scheme would make Excel show the theme font, not this one
        f.setFontHeightInPoints(points);
        f.setBold(isBold);
    }

    private CellStyle style(XSSFFont f, boolean wrap) {
        CellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setWrapText(wrap);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }
}
