package org.pbannex.render.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.CTTwoCellAnchor;

/**
 * The rules of an xlsx accessibility checker (those of Excel's Accessibility Checker that can be read from the
 * file, and the Analysis Function's checklist for releasing statistics in spreadsheets), applied to a workbook read
 * back with POI. Each rule reports how many things it checked and every problem it found, naming the sheet and cell.
 */
final class WorkbookAccessibility {

    /** One rule's outcome. */
    record Result(String rule, int checked, List<String> problems) {

        boolean passed() {
            return problems.isEmpty();
        }

        String line() {
            return (passed() ? "PASS " : "FAIL ") + rule + " (" + checked + " checked)"
                    + (passed() ? "" : ": " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? " and " + (problems.size() - 5) + " more" : ""));
        }
    }

    private static final Pattern DEFAULT_SHEET = Pattern.compile("(?i)(sheet|工作表|feuil|tabelle|hoja)\\s*\\d*");
    private static final Pattern DEFAULT_TABLE = Pattern.compile("(?i)(table|表)\\d+");
    private static final Pattern DEFAULT_CHART = Pattern.compile("(?i)(chart|diagramm|diagram|图表)\\s*\\d+");
    private static final Set<String> VAGUE_LINK_TEXT = Set.of("click here", "here", "link", "more", "read more", "this",
            "点击这里", "点击此处", "这里", "链接", "更多");
    private static final int MIN_FONT_POINTS = 10;

    private WorkbookAccessibility() {
    }

    static List<Result> check(XSSFWorkbook wb) {
        List<Result> results = new ArrayList<>();
        results.add(rule("Every chart, picture and shape has alternative text", p -> forEachDrawing(wb, (sheet, anchor) -> {
            p.count();
            var pr = anchor.isSetGraphicFrame() ? anchor.getGraphicFrame().getNvGraphicFramePr().getCNvPr()
                    : anchor.isSetPic() ? anchor.getPic().getNvPicPr().getCNvPr() : anchor.isSetSp() ? anchor.getSp().getNvSpPr().getCNvPr() : null;
            if (pr == null || pr.getDescr() == null || pr.getDescr().isBlank()) {
                p.add(sheet.getSheetName() + ": drawing '" + (pr == null ? "?" : pr.getName()) + "' has no alternative text");
            }
        })));
        results.add(rule("Charts have a title", p -> forEachChart(wb, (sheet, chart) -> {
            p.count();
            String title = chart.getTitleText() == null ? "" : chart.getTitleText().getString();
            if (title.isBlank()) {
                p.add(sheet.getSheetName() + ": a chart without a title");
            }
        })));
        results.add(rule("Charts and other drawings have a name that is not the default", p -> forEachDrawing(wb, (sheet, anchor) -> {
            if (anchor.isSetGraphicFrame()) {
                p.count();
                String name = anchor.getGraphicFrame().getNvGraphicFramePr().getCNvPr().getName();
                if (name == null || name.isBlank() || DEFAULT_CHART.matcher(name).matches()) {
                    p.add(sheet.getSheetName() + ": chart named '" + name + "'");
                }
            }
        })));
        results.add(rule("Every sheet has a title in cell A1 (bold, at least 12 pt)", p -> wb.forEach(s -> {
            p.count();
            Cell a1 = s.getRow(0) == null ? null : s.getRow(0).getCell(0);
            if (a1 == null || a1.getCellType() != CellType.STRING || a1.getStringCellValue().isBlank()) {
                p.add(s.getSheetName() + ": A1 is empty");
            } else {
                XSSFFont f = wb.getFontAt(a1.getCellStyle().getFontIndex());
                if (!f.getBold() || f.getFontHeightInPoints() < 12) {
                    p.add(s.getSheetName() + ": A1 is not set as a title");
                }
            }
        })));
        results.add(rule("Sheet names are meaningful, not the defaults", p -> wb.forEach(s -> {
            p.count();
            if (DEFAULT_SHEET.matcher(s.getSheetName().strip()).matches() || s.getSheetName().strip().length() < 2) {
                p.add("sheet named '" + s.getSheetName() + "'");
            }
        })));
        results.add(rule("No hidden sheets", p -> {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                p.count();
                if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
                    p.add(wb.getSheetName(i) + " is hidden");
                }
            }
        }));
        results.add(rule("No merged cells", p -> wb.forEach(s -> {
            p.count();
            if (s.getNumMergedRegions() > 0) {
                p.add(s.getSheetName() + ": " + s.getNumMergedRegions() + " merged regions");
            }
        })));
        results.add(rule("Tables have meaningful names", p -> forEachTable(wb, (sheet, t) -> {
            p.count();
            if (t.getName() == null || DEFAULT_TABLE.matcher(t.getName()).matches() || !t.getName().equals(t.getDisplayName())) {
                p.add(sheet.getSheetName() + ": table named '" + t.getName() + "'");
            }
        })));
        results.add(rule("Table header rows have no blank cells and match the table's column names", p -> forEachTable(wb, (sheet, t) -> {
            Row header = sheet.getRow(t.getStartRowIndex());
            for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
                p.count();
                Cell cell = header == null ? null : header.getCell(c);
                String text = cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
                String name = t.getColumns().get(c - t.getStartColIndex()).getName();
                if (text.isBlank()) {
                    p.add(sheet.getSheetName() + "!" + new CellReference(t.getStartRowIndex(), c).formatAsString() + ": blank header");
                } else if (!text.equals(name)) {
                    p.add(sheet.getSheetName() + "!" + new CellReference(t.getStartRowIndex(), c).formatAsString()
                            + ": header '" + text + "' but table column '" + name + "'");
                }
            }
        })));
        results.add(rule("Blank cells in tables only in heading rows (a label and nothing else)", p -> forEachTable(wb, (sheet, t) -> {
            for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
                Row row = sheet.getRow(r);
                List<Integer> blank = new ArrayList<>();
                for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
                    p.count();
                    if (blank(row == null ? null : row.getCell(c))) {
                        blank.add(c);
                    }
                }
                int width = t.getEndColIndex() - t.getStartColIndex() + 1;
                boolean headingRow = !blank.contains(t.getStartColIndex()) && blank.size() == width - 1;
                if (!blank.isEmpty() && !headingRow) {
                    p.add(sheet.getSheetName() + "!" + new CellReference(r, blank.get(0)).formatAsString() + " is blank");
                }
            }
        })));
        results.add(rule("No empty columns in tables", p -> forEachTable(wb, (sheet, t) -> {
            for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
                p.count();
                boolean any = false;
                for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex() && !any; r++) {
                    any = !blank(sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(c));
                }
                if (!any) {
                    p.add(sheet.getSheetName() + ": column " + CellReference.convertNumToColString(c) + " is empty");
                }
            }
        })));
        results.add(rule("Links have meaningful text and reach a sheet of the workbook", p -> wb.forEach(s -> {
            for (var link : ((XSSFSheet) s).getHyperlinkList()) {
                p.count();
                Cell cell = s.getRow(link.getFirstRow()) == null ? null : s.getRow(link.getFirstRow()).getCell(link.getFirstColumn());
                String text = cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue().strip();
                String where = s.getSheetName() + "!" + new CellReference(link.getFirstRow(), link.getFirstColumn()).formatAsString();
                if (text.length() < 2 || VAGUE_LINK_TEXT.contains(text.toLowerCase(Locale.ROOT)) || text.equals(link.getAddress())
                        || text.matches("(?i)(https?://|www\\.).*")) {
                    p.add(where + ": link text '" + text + "'");
                }
                if (link.getType() == HyperlinkType.DOCUMENT) {
                    String target = link.getAddress().replaceAll("^'?(.*?)'?!.*$", "$1").replace("''", "'");
                    if (wb.getSheet(target) == null) {
                        p.add(where + ": links to a missing sheet '" + target + "'");
                    }
                }
            }
        })));
        results.add(rule("Text is at least " + MIN_FONT_POINTS + " pt", p -> {
            for (int i = 0; i < wb.getNumberOfFonts(); i++) {
                p.count();
                if (wb.getFontAt(i).getFontHeightInPoints() < MIN_FONT_POINTS) {
                    p.add("font " + i + " is " + wb.getFontAt(i).getFontHeightInPoints() + " pt");
                }
            }
        }));
        results.add(rule("Document title and language are set", p -> {
            var core = wb.getProperties().getCoreProperties();
            p.count();
            if (core.getTitle() == null || core.getTitle().isBlank()) {
                p.add("no document title");
            }
            p.count();
            if (core.getUnderlyingProperties().getLanguageProperty().orElse("").isBlank()) {
                p.add("no document language");
            }
        }));
        results.add(rule("The workbook opens on its first sheet, every sheet at A1", p -> {
            p.count();
            if (wb.getActiveSheetIndex() != 0) {
                p.add("opens on sheet " + wb.getActiveSheetIndex());
            }
            wb.forEach(s -> {
                p.count();
                var active = ((XSSFSheet) s).getActiveCell();
                if (active != null && (active.getRow() != 0 || active.getColumn() != 0)) {
                    p.add(s.getSheetName() + " opens at " + active);
                }
            });
        }));
        return results;
    }

    private static boolean blank(Cell c) {
        return c == null || c.getCellType() == CellType.BLANK || (c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank());
    }

    /** A rule's problems as they are found, and how many things were checked. */
    static final class Problems {
        private final List<String> found = new ArrayList<>();
        private int checked;

        void count() {
            checked++;
        }

        void add(String problem) {
            found.add(problem);
        }
    }

    private static Result rule(String name, Consumer<Problems> body) {
        Problems p = new Problems();
        body.accept(p);
        return new Result(name, p.checked, List.copyOf(p.found));
    }

    private static void forEachTable(XSSFWorkbook wb, java.util.function.BiConsumer<XSSFSheet, XSSFTable> action) {
        wb.forEach(s -> ((XSSFSheet) s).getTables().forEach(t -> action.accept((XSSFSheet) s, t)));
    }

    private static void forEachChart(XSSFWorkbook wb, java.util.function.BiConsumer<XSSFSheet, XSSFChart> action) {
        wb.forEach(s -> {
            XSSFDrawing d = ((XSSFSheet) s).getDrawingPatriarch();
            if (d != null) {
                d.getCharts().forEach(c -> action.accept((XSSFSheet) s, c));
            }
        });
    }

    private static void forEachDrawing(XSSFWorkbook wb, java.util.function.BiConsumer<XSSFSheet, CTTwoCellAnchor> action) {
        wb.forEach(s -> {
            XSSFDrawing d = ((XSSFSheet) s).getDrawingPatriarch();
            if (d != null) {
                for (CTTwoCellAnchor a : d.getCTDrawing().getTwoCellAnchorArray()) {
                    action.accept((XSSFSheet) s, a);
                }
            }
        });
    }

    static String report(String name, List<Result> results) {
        StringBuilder b = new StringBuilder("Accessibility check of " + name + ":\n");
        results.forEach(r -> b.append("  ").append(r.line()).append('\n'));
        return b.toString();
    }
}
