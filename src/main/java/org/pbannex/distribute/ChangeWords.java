package org.pbannex.distribute;

import org.pbannex.publish.RunDiff;
import org.pbannex.reference.Texts;
import org.pbannex.render.NumberText;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.TidyRows;
import org.pbannex.table.ValueKind;

/**
 * A changed cell of a reviewer's message as their edition of the tables shows it: the column by the heading the table
 * prints (the row labels by the label column's heading, the other edition's labels so named: the tidy CSVs' ids, such
 * as label_en, mean nothing to a reader), and a whole amount grouped as the edition groups figures (15,668,625 in
 * English, 15 668 625 in Chinese; an amount the table prints as a dash for zero, so). A table published in a tidy form
 * of its own (Figure 2, targets by region, the SDG links) follows the same rule through the printed column each tidy
 * value is shown in ({@link TidyRows.Line#shownIn}). The words are the edition's, from texts.csv and the tables.
 */
final class ChangeWords {

    private static final String FIELD = "distribution.field.";

    private ChangeWords() {
    }

    /** The cell's line; {@code table} null (not computed in this run) leaves the run diff's own words. */
    static String describe(RunDiff.CellChange cell, Table table, Texts texts, Language lang, String none) {
        if (cell.wholeRow()) {
            return cell.describeRow(lang, texts.get("distribution." + cell.rowChange().word()).in(lang));
        }
        if (table == null) {
            return cell.describe(lang, none);
        }
        String column = cell.column();
        for (Language edition : Language.values()) {
            if (column.equals("label_" + edition.code())) {
                String heading = labelHeading(table, texts, lang);
                if (edition != lang) {
                    heading = texts.get("distribution.other_edition_label").with("heading", heading)
                            .with("edition", texts.get("review.edition." + edition.code()).in(lang)).in(lang);
                }
                return cell.describe(lang, none, heading, v -> v);
            }
        }
        if (table.tidy() != null) {
            return tidy(cell, table, texts, lang, none);
        }
        Column c = columnOf(table, column);
        if (c == null) {
            return cell.describe(lang, none);
        }
        return cell.describe(lang, none, heading(c, cell, texts, lang), v -> shown(v, c.kind(), lang));
    }

    /**
     * A value of a table published in a tidy form of its own (one CSV row per cell, or per target and indicator): named
     * by the heading of the printed column that shows it on its line's row (or the label column's), a figure grouped as
     * the edition groups amounts, its decimals kept (Figure 2's dollars to the cent). A column no printed one shows is
     * named by the edition's word for the field where it has one (distribution.field.KEY: Figure 2's synthetic, the
     * targets' outcome), else keeps the run diff's words (a code that identifies the line).
     */
    private static String tidy(RunDiff.CellChange cell, Table table, Texts texts, Language lang, String none) {
        String shownIn = table.tidy().lines().stream().filter(l -> l.key().equals(cell.rowKey())).findFirst()
                .map(l -> l.shownIn().get(cell.column())).orElse(null);
        if (TidyRows.LABEL.equals(shownIn)) {
            return cell.describe(lang, none, labelHeading(table, texts, lang), v -> v);
        }
        Column c = shownIn == null ? null : columnOf(table, shownIn);
        if (c == null) {
            String word = fieldWord(cell.column(), texts, lang);
            return word == null ? cell.describe(lang, none) : cell.describe(lang, none, word, v -> v);
        }
        return cell.describe(lang, none, heading(c, cell, texts, lang), v -> c.kind() == ValueKind.TEXT ? v : NumberText.grouped(v, lang));
    }

    private static String labelHeading(Table table, Texts texts, Language lang) {
        return table.labelHeading().isEmpty() ? texts.get("edition.workbook.default_label_heading").in(lang) : table.labelHeading().in(lang);
    }

    /**
     * The column's group and heading as printed; a field that only identifies the row (the results tables' level,
     * outcome, output and indicator text, a risk's number and event, annex 4's outcome, contributor and confidence),
     * which no table prints under a heading, by the edition's word for it (distribution.field.KEY: the Chinese message
     * named them "indicator", "level", "event", "confidence", found by testers); else the data package's title.
     */
    private static String heading(Column c, RunDiff.CellChange cell, Texts texts, Language lang) {
        String word = c.role() == Column.Role.DATA_KEY ? fieldWord(c.key(), texts, lang) : null;
        if (word != null) {
            return word;
        }
        String heading = (c.group().in(lang) + " " + c.heading().in(lang)).strip();
        return heading.isEmpty() ? cell.title().in(lang).isBlank() ? cell.column() : cell.title().in(lang) : heading;
    }

    /** The edition's word for a field no table prints under a heading of its own (distribution.field.KEY), or null. */
    private static String fieldWord(String key, Texts texts, Language lang) {
        return texts.has(FIELD + key) ? texts.get(FIELD + key).in(lang) : null;
    }

    /** The table's column of a tidy CSV column (work in years and months is split in two: key_years, key_months). */
    private static Column columnOf(Table table, String csvColumn) {
        for (Column c : table.columns()) {
            if (c.key().equals(csvColumn) || c.kind() == ValueKind.YEARS_MONTHS
                    && (csvColumn.equals(c.key() + "_years") || csvColumn.equals(c.key() + "_months"))) {
                return c;
            }
        }
        return null;
    }

    private static String shown(String value, ValueKind kind, Language lang) {
        return switch (kind) {
            case AMOUNT, COUNT, YEARS_MONTHS -> NumberText.grouped(value, lang);
            case AMOUNT_OR_DASH -> value.matches("-?0+") ? NumberText.DASH : NumberText.grouped(value, lang);
            default -> value;
        };
    }
}
