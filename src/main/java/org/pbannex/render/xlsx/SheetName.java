package org.pbannex.render.xlsx;

import org.pbannex.table.Language;
import org.pbannex.table.Table;

/** Sheet names: a table's id and a few words saying what it holds ("a1 实施预算"), within Excel's rules. */
final class SheetName {

    /** Excel's limit on a sheet name's length. */
    static final int MAX_LENGTH = 31;

    private SheetName() {
    }

    static String of(Table t, Language lang) {
        return safe(t.shortName().isEmpty() ? t.id() : t.id() + " " + t.shortName().in(lang));
    }

    /** The sheet of a table's charts ("f2 chart", "a4 charts"); null when the table has none. */
    static String chartsOf(Table t, Language lang, XlsxText words) {
        if (t.charts().isEmpty()) {
            return null;
        }
        return safe((t.charts().size() == 1 ? words.chartSheet : words.chartsSheet).with("id", t.id()).in(lang));
    }

    private static String safe(String name) {
        // Excel forbids []:*?/\ in sheet names, and a name cannot start or end with an apostrophe.
        name = name.replaceAll("[\\[\\]:*?/\\\\']", " ").replaceAll("\\s+", " ").strip();
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH).strip() : name;
    }
}
