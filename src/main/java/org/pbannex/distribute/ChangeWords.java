package org.pbannex.distribute;

import org.pbannex.publish.RunDiff;
import org.pbannex.reference.Texts;
import org.pbannex.render.NumberText;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.ValueKind;

/**
 * A changed cell of a reviewer's message as their edition of the tables shows it: the column by the heading the table
 * prints (the row labels by the label column's heading, the other edition's labels so named: the tidy CSVs' ids, such
 * as label_en, mean nothing to a reader), and a whole amount grouped as the edition groups figures (15,668,625 in
 * English, 15 668 625 in Chinese; an amount the table prints as a dash for zero, so). The words are the edition's,
 * from texts.csv and the tables.
 */
final class ChangeWords {

    private ChangeWords() {
    }

    /** The cell's line; {@code table} null (not computed in this run) leaves the run diff's own words. */
    static String describe(RunDiff.CellChange cell, Table table, Texts texts, Language lang, String none) {
        if (table == null) {
            return cell.describe(lang, none);
        }
        String column = cell.column();
        for (Language edition : Language.values()) {
            if (column.equals("label_" + edition.code())) {
                String heading = table.labelHeading().isEmpty() ? texts.get("edition.workbook.default_label_heading").in(lang)
                        : table.labelHeading().in(lang);
                if (edition != lang) {
                    heading = texts.get("distribution.other_edition_label").with("heading", heading)
                            .with("edition", texts.get("review.edition." + edition.code()).in(lang)).in(lang);
                }
                return cell.describe(lang, none, heading, v -> v);
            }
        }
        Column c = table.tidy() != null ? null : columnOf(table, column);
        if (c == null) {
            return cell.describe(lang, none);
        }
        String heading = (c.group().in(lang) + " " + c.heading().in(lang)).strip();
        return cell.describe(lang, none, heading.isEmpty() ? cell.title().in(lang).isBlank() ? column : cell.title().in(lang) : heading,
                v -> shown(v, c.kind(), lang));
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
        if (!value.matches("-?\\d{1,18}")) {
            return value;
        }
        long n = Long.parseLong(value);
        return switch (kind) {
            case AMOUNT, COUNT, YEARS_MONTHS -> NumberText.grouped(n, lang);
            case AMOUNT_OR_DASH -> n == 0 ? NumberText.DASH : NumberText.grouped(n, lang);
            default -> value;
        };
    }
}
