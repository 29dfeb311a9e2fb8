package org.pbannex.render.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Where a table sheet's printed pages end, so that none ends with a heading row whose rows start the next (annex 1's
 * "Employers' and workers' organizations" had stood alone at a page's foot, as had Table I.2's "Output 1.3 ..."). A
 * spreadsheet program breaks the pages where the rows fill them, heading or not; the sheet therefore carries a row
 * break at the end of every page, worked out as the contents sheet's "fits one page" is: from the rows' heights
 * (which the programs do not measure again) and the page's height at the scale the sheet prints at. Every page gets
 * its break, not only the one before a heading: after a break of its own a program paginates on by its measure, not
 * this one's, and the two could part by a row (a page of one row). Pages are filled a little short of full, so
 * that a program whose measure of a page is a little shorter never breaks one sooner.
 */
final class PageBreaks {

    /**
     * The column-width character in points: the digit of the body font at 11 pt, Arial's (0.556 em; Microsoft
     * YaHei's is about as wide). A program that sets the sheet in a font with wider digits (LibreOffice's DejaVu Sans
     * for Microsoft YaHei) prints it smaller and its pages hold more rows: the breaks then leave them less full.
     */
    static final double DIGIT_POINTS = 11 * 0.556;
    /** The printable width of an A4 page between the default side margins (0.7"), in points. */
    static final double LANDSCAPE_POINTS = 841.89 - 2 * 50.4;
    static final double PORTRAIT_POINTS = 595.28 - 2 * 50.4;
    /**
     * Of a page's height, what the rows of a page fill at most: LibreOffice prints some sheets up to 1.3% larger than
     * worked out here (Table 2, annex 4: its columns come out a little narrower than their widths say), and a program
     * may round each row's height up to its pixels.
     */
    private static final double FILL = 0.97;

    private PageBreaks() {
    }

    /**
     * Sets a row break at the end of every printed page of the sheet, its print set-up done ({@link XlsxCells#finish}):
     * none when it prints on one page, or its table has no heading rows; each page ending before the heading rows that
     * would otherwise end it.
     *
     * @param headings the sheet rows that are headings
     */
    static void keepHeadingsWithTheirRows(XSSFSheet sheet, int headerRow, int lastRow, Set<Integer> headings) {
        if (headings.isEmpty()) {
            return;
        }
        List<Double> heights = new ArrayList<>();
        for (int r = 0; r <= lastRow; r++) {
            Row row = sheet.getRow(r);
            heights.add((double) (row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints()));
        }
        double page = FILL * XlsxCells.pagePoints(sheet.getPrintSetup().getLandscape()) / scale(sheet);
        pageEnds(heights, headerRow, headings, page).forEach(sheet::setRowBreak);
    }

    /**
     * The scale the sheet prints at, from its print set-up: its print area's columns (those beyond its table at the
     * default width) fitted to as many pages across as it says.
     */
    static double scale(XSSFSheet sheet) {
        XSSFWorkbook wb = sheet.getWorkbook();
        String area = wb.getPrintArea(wb.getSheetIndex(sheet));
        int last = new AreaReference(area.substring(area.indexOf('!') + 1), SpreadsheetVersion.EXCEL2007).getLastCell().getCol();
        int tableEnd = sheet.getTables().isEmpty() ? last : sheet.getTables().get(0).getEndColIndex();
        List<Double> columns = new ArrayList<>();
        for (int c = 0; c <= last; c++) {
            columns.add(c <= tableEnd ? sheet.getColumnWidth(c) / 256.0 : XlsxCells.DEFAULT_COLUMN_CHARS);
        }
        boolean landscape = sheet.getPrintSetup().getLandscape();
        return scale(columns, sheet.getPrintSetup().getFitWidth(), landscape ? LANDSCAPE_POINTS : PORTRAIT_POINTS);
    }

    /**
     * The last row of every page but the last: pages filled in order, each up to {@code page} points of rows (after
     * the first, the repeated header row's among them), and ending before the heading rows at its foot, so that they
     * start the next page with the first row they head.
     */
    static List<Integer> pageEnds(List<Double> heights, int headerRow, Set<Integer> headings, double page) {
        List<Integer> ends = new ArrayList<>();
        double repeated = heights.get(headerRow);
        int first = 0;
        double used = 0;
        for (int r = 0; r < heights.size(); r++) {
            if (used + heights.get(r) > page && r > first) {
                int next = r;
                while (next - 1 > first && headings.contains(next - 1)) {
                    next--;
                }
                ends.add(next - 1);
                first = next;
                used = next > headerRow ? repeated : 0;
                for (int k = next; k < r; k++) {
                    used += heights.get(k);
                }
            }
            used += heights.get(r);
        }
        return ends;
    }

    /**
     * The scale a sheet fitted to {@code pagesWide} pages across prints at, as LibreOffice works it out: the largest
     * (at most 100%) at which its columns go onto that many pages, filled in order, column A repeated on each page
     * after the first when there are several. {@code pageWidth} is the printable width in points.
     */
    static double scale(List<Double> columns, int pagesWide, double pageWidth) {
        boolean repeatFirst = pagesWide > 1;
        // The narrowest page (in characters) that takes the columns on pagesWide pages, found by halving the range
        // from the widest column to a page that takes them all on one.
        double low = columns.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double high = columns.stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < 40 && high - low > 0.01; i++) {
            double mid = (low + high) / 2;
            if (pagesAcross(columns, mid, repeatFirst) <= pagesWide) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return Math.min(1.0, pageWidth / (high * DIGIT_POINTS));
    }

    private static int pagesAcross(List<Double> columns, double page, boolean repeatFirst) {
        double first = repeatFirst ? columns.get(0) : 0;
        int pages = 1;
        double used = columns.get(0);
        for (int c = 1; c < columns.size(); c++) {
            if (used + columns.get(c) > page) {
                pages++;
                used = first;
            }
            used += columns.get(c);
        }
        return pages;
    }
}
