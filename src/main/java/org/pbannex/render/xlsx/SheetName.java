package org.pbannex.render.xlsx;

import org.pbannex.table.Language;
import org.pbannex.table.Table;

/** A table's sheet name: its id and a few words saying what it holds ("a1 实施预算"), within Excel's rules. */
final class SheetName {

    /** Excel's limit on a sheet name's length. */
    static final int MAX_LENGTH = 31;

    private SheetName() {
    }

    static String of(Table t, Language lang) {
        String name = t.shortName().isEmpty() ? t.id() : t.id() + " " + t.shortName().in(lang);
        // Excel forbids []:*?/\ in sheet names, and a name cannot start or end with an apostrophe.
        name = name.replaceAll("[\\[\\]:*?/\\\\']", " ").replaceAll("\\s+", " ").strip();
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH).strip() : name;
    }
}
