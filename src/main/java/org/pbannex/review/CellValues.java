package org.pbannex.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pbannex.inputbook.InputBookReader;
import org.pbannex.inputbook.InputBookReader.Cell;

/**
 * A workbook's cells as the review reads and compares them: a cell's value as text, a number however it was typed or
 * saved (grouped digits, full-width digits, Excel's binary noise), a text but for the note markers the workbook added,
 * a percentage typed with its sign, and where a cell is (A1).
 */
final class CellValues {

    /** The significant digits Excel keeps of a number: the rest of a saved double is binary noise (4.4 + 0.2). */
    static final java.math.MathContext EXCEL = new java.math.MathContext(15);

    /** Digits grouped in threes by spaces or commas, as the editions print them (2 437 680): the number. */
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(?:([ \u00a0\u202f,])\\d{3})(?:\\1\\d{3})*(?:\\.\\d+)?");

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private CellValues() {
    }

    /** Numbers compare as numbers (25073643 = 25073643.0), anything else as trimmed text. */
    static boolean same(String a, String b) {
        BigDecimal x = CellSources.number(ungrouped(a));
        BigDecimal y = CellSources.number(ungrouped(b));
        if (x != null && y != null) {
            // To Excel's 15 significant digits: a program that saves 70.1 as 70.099999999999994 changed nothing.
            return x.round(EXCEL).compareTo(y.round(EXCEL)) == 0;
        }
        return a.strip().equals(b.strip());
    }

    /**
     * A number typed with its digits grouped, as the published edition shows it (a reviewer retyping 2 437 680 as text),
     * without the grouping; any other text as it is (3,5 stays a decimal comma, refused where it is applied).
     */
    static String ungrouped(String s) {
        if (s == null) {
            return null;
        }
        // Full-width digits, signs and separators, as a Chinese input method types them (－７０ ０００, １８９,７８７), are
        // the same figure: read as their plain forms (NFKC), grouped or not.
        String plain = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFKC);
        if (GROUPED.matcher(plain).matches()) {
            return plain.replaceAll("[ \u00a0\u202f,]", "");
        }
        return PLAIN_NUMBER.matcher(plain).matches() ? plain : s;
    }

    /** The "[note 9]" markers the workbook adds to labels and headings (texts.csv edition.workbook.note_marker), as a pattern. */
    static Pattern noteMarkers(String marker) {
        int n = marker.indexOf("{n}");
        if (n < 0) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile("\\s*" + Pattern.quote(marker.substring(0, n)) + "\\d+" + Pattern.quote(marker.substring(n + 3))
                + "(?:(?:, |、)" + Pattern.quote(marker.substring(0, n)) + "\\d+" + Pattern.quote(marker.substring(n + 3)) + ")*");
    }

    /**
     * A text as published, but for the note markers the workbook added to it: a reviewer tidying "... for all [note 9]"
     * to "... for all" changed nothing of the input (the marker is the workbook's own).
     */
    static boolean sameText(String published, String returned, Pattern markers) {
        return published.strip().equals(returned.strip())
                || markers.matcher(published).replaceAll("").strip().equals(markers.matcher(returned).replaceAll("").strip());
    }

    /**
     * A cell as published: the same number or text ({@link #same}); a text but for its note markers; in a column whose
     * heading gives per cent, the published figure typed with its per cent sign ('3.4%' under "(%)").
     */
    static boolean sameIn(String published, String returned, String heading, Pattern markers) {
        String r = inColumn(returned, heading);
        return same(published, r) || sameText(published, r, markers);
    }

    /**
     * A returned figure as its column takes it: under a heading that gives per cent, '3.5%' is 3.5, a correction as the
     * published '3.4%' is no change (tester66 case 67: it was refused as input with a per cent sign); else as typed.
     */
    static String inColumn(String returned, String heading) {
        String r = returned.strip();
        if (heading.contains("%") && r.endsWith("%") && CellSources.number(r.substring(0, r.length() - 1).strip()) != null) {
            return r.substring(0, r.length() - 1).strip();
        }
        return returned;
    }

    /** A cell's value as text; a number as plain decimals (POI stores 12908920 as 1.290892E7). */
    static String text(Cell c) {
        if (c == null || c.value() == null) {
            return "";
        }
        if (c.kind() == InputBookReader.Kind.NUMBER) {
            BigDecimal n = CellSources.number(c.value());
            if (n != null) {
                n = n.stripTrailingZeros();
                return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
            }
        }
        return c.value().strip();
    }

    /** The texts of a row's first {@code width} columns, an empty cell as "". */
    static List<String> texts(InputBookReader.Row row, int width) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            out.add(text(cell(row, c)));
        }
        return out;
    }

    /** The row of this number (from 1, as the reader numbers rows); null when the sheet has none there. */
    static InputBookReader.Row row(List<InputBookReader.Row> rows, int number) {
        return rows.stream().filter(r -> r.number() == number).findFirst().orElse(null);
    }

    /** A row's cell in this column (from 0); null for no row, no column (-1) or an empty cell. */
    static Cell cell(InputBookReader.Row row, int column) {
        if (row == null || column < 0) {
            return null;
        }
        return row.cells().stream().filter(c -> c.column() == column).findFirst().orElse(null);
    }

    /** How many columns a row spans up to its last cell that holds something. */
    static int width(InputBookReader.Row row) {
        return row.cells().stream().filter(c -> !c.blank()).mapToInt(c -> c.column() + 1).max().orElse(0);
    }

    /** A cell's A1 reference from its row's number (from 1, as the reader numbers rows) and its column (from 0). */
    static String a1(int rowNumber, int column) {
        return new org.apache.poi.ss.util.CellReference(rowNumber - 1, column).formatAsString(false);
    }
}
