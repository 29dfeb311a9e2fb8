package org.pbannex.inputbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.ingest.CsvTable;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.Field;
import org.pbannex.ingest.FieldType;
import org.pbannex.ingest.ForeignKey;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Resource;
import org.pbannex.ingest.TextRules;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * {@code input export}: one workbook holding a biennium's data files and the reference lists it uses (its own copy of
 * a list where it has one, which the cover names as the sheet's file), for a budget officer
 * to edit in Excel. Numbers are number cells (their decimals kept by the cell format), text and codes are text cells
 * (so codes keep their zeros and never turn into dates), drop-down lists offer the codes of the reference sheets and
 * the allowed values, number cells accept only their range, required columns say so above the header, and every
 * sheet is protected against renaming, inserting or deleting columns, but not against editing values or adding and
 * deleting rows. The input is validated first: a workbook is only ever made of valid input.
 */
public final class InputBookWriter {

    /** What was written. */
    public record Summary(Path file, String biennium, int sheets, int rows) {
    }

    private static final int MAX_WIDTH = 60;
    /** The height of one line of 11-point text (CJK fonts set taller lines). */
    private static final float LINE_POINTS = 15f;
    private static final float CJK_LINE_POINTS = 16.5f;
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    private InputBookWriter() {
    }

    /** The English workbook. */
    public static Summary write(Path inputDir, String biennium, Path out) throws IOException {
        return write(inputDir, biennium, out, Language.EN);
    }

    /**
     * The workbook in {@code lang}: its instructions, headings, notes and messages in the words of the texts it holds
     * (texts.csv's inputbook.*); its sheets' and columns' names, which import reads, are the files' own in either.
     */
    public static Summary write(Path inputDir, String biennium, Path out, Language lang) throws IOException {
        DataPackage pkg = DataPackage.load(inputDir);
        InputSet in = InputSet.load(inputDir, biennium);
        List<Resource> resources = InputBook.sheets(pkg);
        InputBookWords words = InputBookWords.of(in.sheetCsv(InputBookWords.TEXTS), lang);
        int rows = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb, lang);
            XSSFSheet cover = wb.createSheet(InputBook.COVER);
            Map<String, String> columnRanges = new HashMap<>();
            for (Resource r : resources) {
                rows += writeSheet(wb, r, in.sheetCsv(r.name()), in.sheetPath(r.name()), styles, columnRanges, words);
            }
            for (Resource r : resources) {
                addValidations(wb.getSheet(r.name()), r, in.sheetCsv(r.name()).header(), columnRanges, words);
            }
            writeCover(wb, cover, resources, in, biennium, styles, words);
            wb.getProperties().getCoreProperties().setTitle(words.text("inputbook.title").with("biennium", biennium).in(lang));
            wb.getProperties().getCoreProperties().setCreator("pb-annex input export");
            wb.setActiveSheet(0);
            wb.lockStructure();
            // Written beside the target, then renamed over it: a reader never sees half a workbook.
            Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    wb.write(os);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return new Summary(out, biennium, resources.size(), rows);
    }

    /** Writes one input file as a sheet; records where each column's values are, for the drop-down lists. */
    private static int writeSheet(XSSFWorkbook wb, Resource r, CsvTable t, String path, Styles st,
                                  Map<String, String> columnRanges, InputBookWords words) {
        XSSFSheet s = wb.createSheet(r.name());
        int headerIndex = InputBook.HEADER_ROW - 1;
        List<String> header = t.header();
        List<Field> fields = header.stream().map(h -> InputBook.field(r, h.strip())).toList();
        // Column widths in characters from the longest value (capped: longer text wraps), scales from the decimals.
        int[] widths = new int[header.size()];
        int[] scales = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = displayWidth(header.get(c));
            for (CsvTable.Row row : t.rows()) {
                String raw = row.cells().get(c).strip();
                widths[c] = Math.max(widths[c], displayWidth(raw) + (fields.get(c).numeric() ? raw.length() / 3 : 0));
                if (fields.get(c).numeric() && !raw.isEmpty()) {
                    scales[c] = Math.max(scales[c], new BigDecimal(raw).scale());
                }
            }
            widths[c] = Math.min(MAX_WIDTH, Math.max(10, widths[c] + 2));
            s.setColumnWidth(c, widths[c] * 256);
        }
        int tableWidth = java.util.Arrays.stream(widths).sum();
        // The title wraps within the table's width too: a print stops at the table's last column (14-point bold letters
        // are up to 1.6 times as wide as the body's).
        note(s, 0, r.name() + ": " + path, header.size(), (int) (tableWidth / 1.6), st.title, st.titleLinePoints);
        note(s, 1, r.described().in(words.language()), header.size(), tableWidth, st.wrapped, st.linePoints);
        XSSFDrawing drawing = s.createDrawingPatriarch();
        for (int c = 0; c < header.size(); c++) {
            Field f = fields.get(c);
            cell(s, 2, c, words.get(f.required() ? "inputbook.required" : "inputbook.optional"), f.required() ? st.required : st.plain);
            XSSFCell h = cell(s, headerIndex, c, header.get(c), st.header);
            ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 4);
            anchor.setRow1(headerIndex);
            anchor.setRow2(headerIndex + 6);
            var comment = drawing.createCellComment(anchor);
            comment.setString(wb.getCreationHelper().createRichTextString(rule(f, r, words)));
            comment.setAuthor("pb-annex");
            h.setCellComment(comment);
            if (!t.rows().isEmpty()) {
                columnRanges.put(r.name() + "." + f.name(), range(r.name(), c, headerIndex + 1, headerIndex + t.rows().size()));
            }
            boolean wrap = !f.numeric() && widths[c] == MAX_WIDTH;
            s.setDefaultColumnStyle(c, f.numeric() ? st.number(f, scales[c]) : wrap ? st.wrappedText : st.text);
        }
        unlockRightOfTable(s, header.size(), st.text);
        int rowIndex = headerIndex + 1;
        for (CsvTable.Row row : t.rows()) {
            XSSFRow out = s.createRow(rowIndex++);
            int lines = 1;
            for (int c = 0; c < header.size(); c++) {
                String raw = row.cells().get(c);
                Field f = fields.get(c);
                if (raw.isBlank()) {
                    continue;
                }
                XSSFCell cell = out.createCell(c);
                if (f.numeric()) {
                    BigDecimal d = new BigDecimal(raw.strip());
                    cell.setCellValue(d.doubleValue());
                    cell.setCellStyle(st.number(f, Math.max(0, d.scale())));
                } else {
                    cell.setCellValue(raw);
                    boolean wrap = widths[c] == MAX_WIDTH;
                    cell.setCellStyle(wrap ? st.wrappedText : st.text);
                    lines = Math.max(lines, wrap ? lines(raw, widths[c]) : 1);
                }
            }
            if (lines > 1) {
                // Spreadsheets do not all fit a row to wrapped text when they open a file: give it its height.
                out.setHeightInPoints(lines * st.linePoints);
            }
        }
        s.createFreezePane(0, InputBook.HEADER_ROW);
        s.setRepeatingRows(CellRangeAddress.valueOf(InputBook.HEADER_ROW + ":" + InputBook.HEADER_ROW));
        wb.setPrintArea(wb.getSheetIndex(s), 0, header.size() - 1, 0, Math.max(headerIndex, rowIndex - 1));
        printSetup(s);
        // About 180 characters fit across a landscape A4 page at a readable size.
        s.getPrintSetup().setFitWidth((short) Math.max(1, Math.round(tableWidth / 180f)));
        protect(s);
        return t.rows().size();
    }

    /** A line above a table, wrapped across the table's columns ({@code width} characters) in {@code style}. */
    private static void note(XSSFSheet s, int row, String text, int columns, int width, XSSFCellStyle style, float linePoints) {
        cell(s, row, 0, text, style);
        if (columns > 1) {
            s.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
        }
        s.getRow(row).setHeightInPoints(lines(text, width) * linePoints);
    }

    /**
     * Lines a text needs in a column {@code width} characters wide, wrapped as a spreadsheet wraps it: at spaces, a word
     * too long for a line (a file's path) where it must, Chinese text anywhere. Latin letters are narrower than the digit 0
     * (about three quarters), a CJK character wider than two (2.4, room for a line broken before a closing mark).
     */
    private static int lines(String text, int width) {
        int perLine = Math.max(1, (int) ((width - 1) / 0.75));
        int n = 0;
        for (String part : text.split("\n", -1)) {
            int count = 1;
            double line = 0;
            for (String word : part.split(" ")) {
                double w = word.codePoints().mapToDouble(cp -> cp >= 0x2E80 ? 2.4 / 0.75 : 1).sum();
                boolean chinese = word.codePoints().anyMatch(cp -> cp >= 0x2E80);
                if (line > 0 && (chinese || line + 1 + w <= perLine)) {
                    w += line + 1; // on the same line, as far as it goes
                } else if (line > 0) {
                    count++;
                }
                for (; w > perLine; w -= perLine) {
                    count++;
                }
                line = w;
            }
            n += count;
        }
        return n;
    }

    private static String range(String sheet, int column, int firstRow, int lastRow) {
        String col = CellReference.convertNumToColString(column);
        return "'" + sheet + "'!$" + col + "$" + (firstRow + 1) + ":$" + col + "$" + (lastRow + 1);
    }

    /** What the column takes, for the header's note and the cell prompt, in the workbook's words. */
    private static String rule(Field f, Resource r, InputBookWords words) {
        List<Text> parts = new ArrayList<>();
        // A Chinese description ends with its full stop, as the sentences after it run on without a space.
        String zh = f.described().zh();
        parts.add(words.text(f.required() ? "inputbook.rule.required" : "inputbook.rule.optional")
                .with("description", new Text(zh.isEmpty() || zh.matches("(?s).*[。；：！？]") ? zh : zh + "。", f.described().en())));
        Text range = switch (f.type()) {
            case INTEGER -> words.text("inputbook.rule.integer");
            case NUMBER -> f.maxDecimals() == null ? words.text("inputbook.rule.number")
                    : words.text("inputbook.rule.number_decimals").with("decimals", String.valueOf(f.maxDecimals()));
            case BOOLEAN -> words.text("inputbook.rule.boolean");
            case STRING -> words.text(f.formulaLike() == TextRules.FormulaLike.SIGNED_NUMBER ? "inputbook.rule.text_signed"
                    : "inputbook.rule.text");
        };
        parts.add(f.numeric() ? range.with("min", plain(f.minimum())).with("max", plain(f.maximum())) : range);
        if (!f.allowed().isEmpty()) {
            parts.add(words.text("inputbook.rule.one_of").with("values", String.join(", ", f.allowed())));
        }
        for (ForeignKey fk : r.foreignKeys()) {
            if (fk.field().equals(f.name())) {
                parts.add(words.text("inputbook.rule.code_of").with("field", fk.referencedField()).with("sheet", fk.resource()));
            }
        }
        if (f.pattern() != null) {
            parts.add(words.text("inputbook.rule.pattern").with("pattern", f.pattern().pattern()));
        }
        // Chinese sentences end with their full stop; English ones are set apart by a space.
        return parts.stream().map(p -> p.in(words.language())).collect(Collectors.joining(words.language() == Language.ZH ? "" : " "));
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    private static void addValidations(XSSFSheet s, Resource r, List<String> header, Map<String, String> columnRanges,
                                       InputBookWords words) {
        var helper = s.getDataValidationHelper();
        for (int c = 0; c < header.size(); c++) {
            Field f = InputBook.field(r, header.get(c).strip());
            DataValidationConstraint constraint = null;
            int style = DataValidation.ErrorStyle.STOP;
            ForeignKey fk = r.foreignKeys().stream().filter(k -> k.field().equals(f.name())).findFirst().orElse(null);
            String joined = String.join(",", f.allowed());
            if (fk != null && columnRanges.containsKey(fk.resource() + "." + fk.referencedField())) {
                constraint = helper.createFormulaListConstraint(columnRanges.get(fk.resource() + "." + fk.referencedField()));
                // A code added to its reference sheet after the export is outside the list: warn, do not forbid.
                style = DataValidation.ErrorStyle.WARNING;
            } else if (!f.allowed().isEmpty() && joined.length() <= 255) {
                constraint = helper.createExplicitListConstraint(f.allowed().toArray(String[]::new));
            } else if (f.type() == FieldType.BOOLEAN) {
                constraint = helper.createExplicitListConstraint(new String[] {"true", "false"});
            } else if (f.type() == FieldType.INTEGER && fitsWholeNumberRule(f)) {
                constraint = helper.createIntegerConstraint(OperatorType.BETWEEN, plain(f.minimum()), plain(f.maximum()));
            } else if (f.numeric()) {
                // Amounts beyond 32-bit: a decimal rule (import still refuses a fraction in a whole-number column).
                constraint = helper.createDecimalConstraint(OperatorType.BETWEEN, plain(f.minimum()), plain(f.maximum()));
            }
            if (constraint == null) {
                continue;
            }
            DataValidation dv = helper.createValidation(constraint,
                    new CellRangeAddressList(InputBook.HEADER_ROW, LAST_ROW, c, c));
            dv.setErrorStyle(style);
            dv.setEmptyCellAllowed(true);
            dv.setShowErrorBox(true);
            dv.setShowPromptBox(true);
            String rule = rule(f, r, words);
            dv.createPromptBox(f.name().length() > 32 ? f.name().substring(0, 32) : f.name(),
                    rule.length() > 255 ? rule.substring(0, 254) + "…" : rule);
            dv.createErrorBox(words.get("inputbook.not_accepted"), rule.length() > 255 ? rule.substring(0, 254) + "…" : rule);
            s.addValidationData(dv);
        }
    }

    /** Spreadsheets keep a whole-number rule within 32 bits. */
    private static boolean fitsWholeNumberRule(Field f) {
        return f.minimum().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && f.maximum().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    private static void writeCover(XSSFWorkbook wb, XSSFSheet s, List<Resource> resources, InputSet in, String biennium,
                                   Styles st, InputBookWords words) {
        int[] widths = {28, 70, 36, 7, 30, 66};
        for (int c = 0; c < widths.length; c++) {
            s.setColumnWidth(c, widths[c] * 256);
        }
        int r = 0;
        note(s, r++, words.text("inputbook.title").with("biennium", biennium).in(words.language()), widths.length,
                (int) (java.util.Arrays.stream(widths).sum() / 1.6), st.title, st.titleLinePoints);
        r++;
        cell(s, r, 0, words.get(InputBook.BIENNIUM_KEY), st.header);
        cell(s, r++, 1, biennium, st.plain);
        cell(s, r, 0, words.get("inputbook.made_by"), st.header);
        String command = "./pb-annex input export --biennium " + biennium
                + (words.language() == Language.EN ? "" : " --lang " + words.language().code());
        String madeBy = words.text("inputbook.made_by_command").with("command", command).with("input", in.inputDir().toString())
                .in(words.language());
        cell(s, r, 1, madeBy, st.wrapped);
        s.getRow(r++).setHeightInPoints(lines(madeBy, widths[1]) * st.linePoints);
        r++;
        cell(s, r++, 0, words.get("inputbook.how"), st.header);
        List<String> steps = List.of("inputbook.step.sheets", "inputbook.step.required", "inputbook.step.numbers",
                "inputbook.step.save", "inputbook.step.errors", "inputbook.step.checksums", "inputbook.step.expenditure");
        for (int i = 0; i < steps.size(); i++) {
            String step = words.get(steps.get(i));
            cell(s, r, 0, (i + 1) + ".", st.plain);
            cell(s, r, 1, step, st.wrapped);
            s.getRow(r++).setHeightInPoints(lines(step, widths[1]) * st.linePoints);
        }
        r++;
        cell(s, r++, 0, words.get("inputbook.sheets"), st.header);
        String[] heads = {words.get(InputBook.SHEET_KEY), words.get("inputbook.col.description"), words.get(InputBook.FILE_KEY),
            words.get("inputbook.col.rows"), words.get("inputbook.col.required"), words.get(InputBook.SHA256_KEY)};
        for (int c = 0; c < heads.length; c++) {
            cell(s, r, c, heads[c], st.header);
        }
        r++;
        for (Resource res : resources) {
            XSSFCell link = cell(s, r, 0, res.name(), st.link);
            XSSFHyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            h.setAddress("'" + res.name() + "'!A1");
            link.setHyperlink(h);
            String description = res.described().in(words.language());
            cell(s, r, 1, description, st.wrapped);
            cell(s, r, 2, in.sheetPath(res.name()), st.plain);
            XSSFCell n = s.getRow(r).createCell(3);
            n.setCellValue(in.sheetCsv(res.name()).rows().size());
            n.setCellStyle(st.count);
            String required = res.fields().stream().filter(Field::required).map(Field::name).collect(Collectors.joining(", "));
            cell(s, r, 4, required, st.wrapped);
            cell(s, r, 5, in.files().get(res.name()).sha256(), st.plain); // the file sheetPath names
            s.getRow(r++).setHeightInPoints(Math.max(lines(description, widths[1]), lines(required, widths[4])) * st.linePoints);
        }
        printSetup(s);
        s.setPrintGridlines(false);
        s.enableLocking();
        s.lockSelectLockedCells(false);
    }

    private static void printSetup(XSSFSheet s) {
        PrintSetup p = s.getPrintSetup();
        p.setLandscape(true);
        p.setPaperSize(PrintSetup.A4_PAPERSIZE);
        p.setFitWidth((short) 1);
        p.setFitHeight((short) 0);
        s.setFitToPage(true);
        s.setPrintGridlines(true);
    }

    /**
     * Excel and LibreOffice delete a row of a protected sheet only when none of its cells is locked, the empty ones right
     * of the table too: those columns are unlocked, so that a row may be deleted as the sheet's protection allows (a value
     * typed there is refused on import, naming its cell).
     */
    private static void unlockRightOfTable(XSSFSheet s, int columns, XSSFCellStyle unlocked) {
        var rest = s.getCTWorksheet().getColsArray(0).addNewCol();
        rest.setMin(columns + 1);
        rest.setMax(SpreadsheetVersion.EXCEL2007.getMaxColumns());
        rest.setStyle(unlocked.getIndex());
    }

    /** Values may change and rows come and go; sheets, columns and cell formats stay as exported. */
    private static void protect(XSSFSheet s) {
        s.enableLocking();
        s.lockInsertRows(false);
        s.lockDeleteRows(false);
        s.lockFormatColumns(false);
        s.lockFormatRows(false);
        s.lockSelectLockedCells(false);
        s.lockSelectUnlockedCells(false);
    }

    private static XSSFCell cell(XSSFSheet s, int row, int column, String text, XSSFCellStyle style) {
        XSSFRow r = s.getRow(row) != null ? s.getRow(row) : s.createRow(row);
        XSSFCell c = r.createCell(column);
        c.setCellValue(text);
        c.setCellStyle(style);
        return c;
    }

    /** Columns a text needs: CJK characters are two wide. */
    static int displayWidth(String s) {
        return s.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }

    /** The workbook's styles: locked furniture, unlocked values. */
    private static final class Styles {
        final XSSFWorkbook wb;
        /** A title, wrapped across the columns it is merged over. */
        final XSSFCellStyle title;
        final XSSFCellStyle plain;
        final XSSFCellStyle header;
        final XSSFCellStyle required;
        final XSSFCellStyle link;
        final XSSFCellStyle count;
        final XSSFCellStyle text;
        final XSSFCellStyle wrappedText;
        final XSSFCellStyle wrapped;
        final Map<String, XSSFCellStyle> numbers = new HashMap<>();
        /** The height of one line of its text, and of a title's. */
        final float linePoints;
        final float titleLinePoints;

        Styles(XSSFWorkbook wb, Language lang) {
            this.wb = wb;
            this.linePoints = lang == Language.ZH ? CJK_LINE_POINTS : LINE_POINTS;
            this.titleLinePoints = linePoints * 14 / 11;
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            XSSFFont underlined = wb.createFont();
            underlined.setUnderline(XSSFFont.U_SINGLE);
            underlined.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
            title = wb.createCellStyle();
            title.setFont(big);
            title.setWrapText(true);
            title.setVerticalAlignment(VerticalAlignment.TOP);
            plain = wb.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            required = wb.createCellStyle();
            required.setFont(bold);
            link = wb.createCellStyle();
            link.setFont(underlined);
            link.setVerticalAlignment(VerticalAlignment.TOP);
            count = wb.createCellStyle();
            count.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            text = value("@");
            text.setVerticalAlignment(VerticalAlignment.TOP);
            wrappedText = value("@");
            wrappedText.setWrapText(true);
            wrappedText.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private XSSFCellStyle value(String format) {
            XSSFCellStyle s = wb.createCellStyle();
            s.setLocked(false);
            s.setDataFormat(wb.createDataFormat().getFormat(format));
            return s;
        }

        /** An editable number cell showing {@code decimals} decimals (thousands grouped for large amounts). */
        XSSFCellStyle number(Field f, int decimals) {
            boolean grouped = f.maximum().compareTo(BigDecimal.valueOf(10_000)) >= 0;
            String format = (grouped ? "#,##0" : "0") + (decimals > 0 ? "." + "0".repeat(decimals) : "");
            return numbers.computeIfAbsent(format, this::value);
        }
    }
}
