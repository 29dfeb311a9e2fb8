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
        return table;
    }

    /**
     * Writes a header row from the given headings (made unique, see {@link #uniqueHeadings}), sets the column widths
     * and the row height; returns the header texts as written.
     */
    static List<String> header(XSSFSheet sheet, int rowIndex, List<String> headings, List<Integer> widths,
                               XlsxStyles styles) {
        List<String> unique = uniqueHeadings(headings);
        Row row = sheet.createRow(rowIndex);
        for (int c = 0; c < unique.size(); c++) {
            text(row, c, unique.get(c), styles.header, styles);
            width(sheet, c, widths.get(c));
        }
        fitHeight(row, unique, widths);
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
                base = "Column";
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
        sheet.setColumnWidth(column, characters * 256);
    }

    /**
     * Makes a row tall enough for its wrapped cells. Excel does not re-measure rows when it opens a file, so a
     * wrapped label would otherwise show one line only.
     */
    static void fitHeight(Row row, List<String> texts, List<Integer> widths) {
        int lines = 1;
        for (int i = 0; i < texts.size(); i++) {
            lines = Math.max(lines, lines(texts.get(i), widths.get(i)));
        }
        if (lines > 1) {
            row.setHeightInPoints(lines * XlsxStyles.LINE_POINTS);
        }
    }

    /** Lines a text needs in a column this many characters wide; CJK characters count double. */
    static int lines(String text, int widthChars) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int usable = Math.max(1, widthChars - 1);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (displayWidth(line) + usable - 1) / usable);
        }
        return lines;
    }

    static int displayWidth(String s) {
        return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        return Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    /**
     * A4, fitted to one page wide; when the sheet has a table (headerRow >= 0) its header row is frozen and repeated
     * on every printed page. The cursor goes on A1 so the sheet opens at its title.
     */
    static void finish(XSSFSheet sheet, int headerRow, boolean landscape) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        if (headerRow >= 0) {
            String excelRow = Integer.toString(headerRow + 1);
            sheet.setRepeatingRows(CellRangeAddress.valueOf(excelRow + ":" + excelRow));
            sheet.createFreezePane(0, headerRow + 1);
        }
        sheet.setActiveCell(new CellAddress(0, 0));
    }
}
