package org.pbannex.render.xlsx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

/** Cell, table and sheet set-up shared by every sheet of the workbook. */
final class XlsxCells {

    /** Characters of 11 pt text across an A4 page at 100%, portrait and landscape (margins 0.7"). */
    static final int PORTRAIT_CHARS = 100;
    static final int LANDSCAPE_CHARS = 140;

    /** Width of a column left at Excel's default, in characters (8.43 and the cell margins). */
    static final double DEFAULT_COLUMN_CHARS = 9.14;

    private XlsxCells() {
    }

    /**
     * Writes text as a string cell, never a formula, whatever it starts with. Text that a spreadsheet would read
     * as a formula on edit (= + - @) also gets the quote prefix.
     */
    static Cell text(Row row, int column, String value, CellStyle style, XlsxStyles styles) {
        Cell cell = row.createCell(column);
        String v = value == null ? "" : value;
        cell.setCellValue(v);
        cell.setCellStyle(looksLikeFormula(v) ? styles.quoted(style) : style);
        return cell;
    }

    static Cell number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    static boolean looksLikeFormula(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
    }

    /**
     * A line of text in column A above a table (or on the cover): on one line when it fits across the sheet's
     * columns (it then reads over the empty cells beside it, on screen and on paper), else wrapped within column A
     * in a row tall enough for it.
     */
    static Cell line(XSSFSheet sheet, int rowIndex, String text, CellStyle style, XlsxStyles styles, int columnA, int across) {
        Row row = sheet.createRow(rowIndex);
        boolean bold = styles.isBold(style);
        float scale = scale(style, styles);
        Cell cell;
        int lines;
        if (width(text, style, styles) <= across && !text.contains("\n")) {
            cell = XlsxCells.text(row, 0, text, styles.unwrapped(style), styles);
            lines = 1;
        } else {
            cell = XlsxCells.text(row, 0, text, styles.wrapped(style), styles);
            lines = TextLayout.lines(text, (int) Math.floor(columnA / scale), bold);
        }
        row.setHeightInPoints(styles.height(lines) * scale);
        return cell;
    }

    /** The width of a line of text in this style, in column-width characters. */
    static double width(String text, CellStyle style, XlsxStyles styles) {
        return TextLayout.width(text, styles.isBold(style)) * scale(style, styles);
    }

    /** Titles are larger than body text: they take more room per character and taller lines. */
    private static float scale(CellStyle style, XlsxStyles styles) {
        return (float) styles.points(style) / XlsxStyles.BODY_POINTS;
    }

    /** A cell that links to A1 of another sheet of this workbook. */
    static void linkToSheet(Cell cell, String sheetName) {
        XSSFHyperlink link = (XSSFHyperlink) cell.getSheet().getWorkbook().getCreationHelper()
                .createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress("'" + sheetName.replace("'", "''") + "'!A1");
        cell.setHyperlink(link);
    }

    /**
     * Makes the header row and the rows below it an Excel table. Its column names are read from the header cells,
     * which must therefore be unique non-empty strings ({@link #uniqueHeadings}).
     */
    static XSSFTable excelTable(XSSFSheet sheet, int headerRow, int lastRow, int lastColumn, String baseName) {
        AreaReference area = new AreaReference(new CellReference(headerRow, 0),
                new CellReference(Math.max(lastRow, headerRow + 1), lastColumn), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = sheet.createTable(area);
        String name = uniqueTableName(sheet.getWorkbook(), baseName);
        table.setName(name);
        table.setDisplayName(name);
        CTTableStyleInfo style = table.getCTTable().isSetTableStyleInfo()
                ? table.getCTTable().getTableStyleInfo() : table.getCTTable().addNewTableStyleInfo();
        style.setName("TableStyleLight1");
        style.setShowRowStripes(false);
        style.setShowColumnStripes(false);
        style.setShowFirstColumn(false);
        style.setShowLastColumn(false);
        table.updateHeaders();
        // Every figure is a number cell; a text cell of digits is a code (an SDG goal "8", a note "3"), which Excel would
        // otherwise flag, cell by cell, as a number stored as text.
        sheet.addIgnoredErrors(new CellRangeAddress(headerRow, Math.max(lastRow, headerRow + 1), 0, lastColumn),
                IgnoredErrorType.NUMBER_STORED_AS_TEXT);
        return table;
    }

    /**
     * Writes a header row from the given headings (made unique, see {@link #uniqueHeadings}), sets the column widths
     * and makes the row tall enough for its wrapped headings; returns the header texts as written.
     */
    static List<String> header(XSSFSheet sheet, int rowIndex, List<String> headings, List<Integer> widths,
                               XlsxStyles styles) {
        List<String> unique = uniqueHeadings(headings);
        Row row = sheet.createRow(rowIndex);
        int lines = 1;
        for (int c = 0; c < unique.size(); c++) {
            text(row, c, unique.get(c), c == 0 ? styles.header : styles.indentedHeader, styles);
            width(sheet, c, widths.get(c));
            // Indentation eats into the column.
            int indent = c == 0 ? 0 : XlsxStyles.HEADER_INDENT;
            lines = Math.max(lines, TextLayout.lines(unique.get(c), widths.get(c) - 2 * indent, true));
        }
        row.setHeightInPoints(styles.height(lines));
        return unique;
    }

    /**
     * Header texts made safe for Excel table column names: one line, trimmed, never empty, and unique ignoring case
     * (Excel repairs the file otherwise). A repeat gets " 2", " 3", ...
     */
    static List<String> uniqueHeadings(List<String> headings) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String h : headings) {
            String base = h == null ? "" : h.replaceAll("\\s+", " ").trim();
            if (base.isEmpty()) {
                base = "-";
            }
            String name = base;
            for (int n = 2; !seen.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + " " + n;
            }
            out.add(name);
        }
        return out;
    }

    // Table names are workbook-wide: letters, digits and underscores only, unique ignoring case.
    private static String uniqueTableName(XSSFWorkbook wb, String baseName) {
        String base = baseName.replaceAll("[^A-Za-z0-9_]", "_");
        Set<String> taken = new HashSet<>();
        wb.forEach(s -> ((XSSFSheet) s).getTables().forEach(t -> {
            if (t.getName() != null) {
                taken.add(t.getName().toLowerCase(Locale.ROOT));
            }
        }));
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** Column width in characters of the default font. */
    static void width(XSSFSheet sheet, int column, int characters) {
        sheet.setColumnWidth(column, Math.min(255, characters) * 256);
    }

    /**
     * Every printed page names its sheet (left) and its page number among the pages printed (right: "Page 2 of 5", the
     * pattern's {page} and {pages}; the whole workbook printed at once numbers on across its sheets), so that a loose
     * page of a table printed on several can be put back in its place.
     */
    static void footers(XSSFWorkbook wb, String pagePattern) {
        String page = pagePattern.replace("&", "&&").replace("{page}", "&P").replace("{pages}", "&N");
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            var footer = wb.getSheetAt(i).getFooter();
            footer.setLeft("&A");
            footer.setRight(page);
        }
    }

    /**
     * Points of rows an A4 page holds between the default margins (0.75" top and bottom): 487 landscape, 734 portrait.
     */
    static float pagePoints(int width) {
        return pagePoints(width > PORTRAIT_CHARS);
    }

    static float pagePoints(boolean landscape) {
        return (landscape ? 595f : 842f) - 2 * 54f;
    }

    /** How many pages across a sheet this wide (characters) prints on: scaled down to about 70%, and beyond that more pages. */
    static int pagesWide(int width) {
        boolean landscape = width > PORTRAIT_CHARS;
        return Math.max(1, (int) Math.ceil(width / ((landscape ? LANDSCAPE_CHARS : PORTRAIT_CHARS) / 0.7)));
    }

    /**
     * Print set-up: A4; landscape when the columns are wider than a portrait page; scaled to one page wide, or to as
     * many pages wide as keep the text at a readable size, column A then repeated on each and the pages printed across
     * before down; the print area covers
     * every column (and the sheet's rows); a table's header row is repeated on every page. The cursor goes on A1 so
     * the sheet opens at its title. No freeze panes and no filters, as the guidance asks.
     */
    static void finish(XSSFSheet sheet, int headerRow, int lastRow, int lastColumn, int width) {
        finish(sheet, headerRow, lastRow, lastColumn, width, 0);
    }

    /** The same, scaled to this many pages tall at most as well (0: as many as the rows take). */
    static void finish(XSSFSheet sheet, int headerRow, int lastRow, int lastColumn, int width, int pagesTall) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        boolean landscape = width > PORTRAIT_CHARS;
        print.setLandscape(landscape);
        int pagesWide = pagesWide(width);
        sheet.setFitToPage(true);
        print.setFitWidth((short) pagesWide);
        print.setFitHeight((short) pagesTall);
        sheet.setAutobreaks(true);
        XSSFWorkbook wb = sheet.getWorkbook();
        wb.setPrintArea(wb.getSheetIndex(sheet), 0, lastColumn, 0, lastRow);
        if (headerRow >= 0) {
            String excelRow = Integer.toString(headerRow + 1);
            sheet.setRepeatingRows(CellRangeAddress.valueOf(excelRow + ":" + excelRow));
        }
        if (pagesWide > 1) {
            sheet.setRepeatingColumns(CellRangeAddress.valueOf("A:A"));
            // Over, then down: each page's right half follows it, not the whole sheet's left halves first (tester 78b, 9).
            print.setLeftToRight(true);
        }
        sheet.setActiveCell(new CellAddress(0, 0));
    }
}
