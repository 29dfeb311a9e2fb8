package org.pbannex.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text for a terminal: each column as wide as its widest cell (its heading included), so a long step name
 * or a reviewer's list of tables never pushes the rest of its row out of line; numbers right-aligned; the last column
 * unpadded.
 */
final class TextColumns {
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** @param headings one per column; a heading starting with '>' (the mark dropped) heads a right-aligned column */
    TextColumns(String... headings) {
        rightAligned = new boolean[headings.length];
        String[] first = new String[headings.length];
        for (int i = 0; i < headings.length; i++) {
            rightAligned[i] = headings[i].startsWith(">");
            first[i] = rightAligned[i] ? headings[i].substring(1) : headings[i];
        }
        rows.add(first);
    }

    TextColumns row(Object... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + rightAligned.length + " columns");
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    /** The lines, heading first, without line ends. */
    List<String> lines() {
        int[] width = new int[rightAligned.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], columns(r[i]));
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean last = i == r.length - 1;
                String pad = " ".repeat(width[i] - columns(r[i]));
                if (i > 0) {
                    line.append(' ');
                }
                line.append(rightAligned[i] ? pad + r[i] : last ? r[i] : r[i] + pad);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** How many columns of a terminal the text takes: two for a Chinese, Japanese or Korean character or a full-width form. */
    static int columns(String text) {
        return text.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
    }

    void print() {
        lines().forEach(System.out::println);
    }
}
