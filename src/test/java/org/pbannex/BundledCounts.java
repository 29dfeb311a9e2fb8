package org.pbannex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.pbannex.publication.Publication;
import org.pbannex.publication.TableCatalogue;

/**
 * What a check or run of the bundled 2022-23 input says it did, derived rather than written out: the tables are the
 * catalogue's (a table added there is expected, a table a run leaves out still fails), the checks those the bundled input
 * passes when computed in this process. A test asserts a summary line with {@link #assertLine}, whose failure shows the
 * line expected beside the line printed.
 */
public final class BundledCounts {

    private static Long checks;

    private BundledCounts() {
    }

    /** Every table of the catalogue. */
    public static int tables() {
        return TableCatalogue.ids().size();
    }

    /** "17 tables" as a summary line counts every table of the catalogue. */
    public static String tablesWord() {
        return tables() + " tables";
    }

    /** The checks the bundled 2022-23 input passes (it fails none), every table built with its expenditure lines. */
    public static synchronized long checks() {
        if (checks == null) {
            Path input = Golden.input();
            checks = Publication.compute(input, Publication.biennium(input, "2022-23")).checks().passedCount();
        }
        return checks;
    }

    /** check's line for the bundled input, up to its restatements and time: "2022-23: 17 tables, 1153 checks passed, 0 failed". */
    public static String checkLine() {
        return "2022-23: " + tablesWord() + ", " + checks() + " checks passed, 0 failed";
    }

    /**
     * Passes when a line of {@code out} holds {@code expected}; else fails showing {@code expected} beside the printed line
     * closest to it (the one holding the longest start of it), and the whole output.
     */
    public static void assertLine(String expected, String out) {
        if (out.lines().anyMatch(l -> l.contains(expected))) {
            return;
        }
        String closest = out.lines().max(java.util.Comparator.comparingInt(l -> sharedStart(l, expected))).orElse("");
        assertEquals(expected, closest, "no line printed holds the expected text; the output:\n" + out);
    }

    /** How much of the start of {@code expected} the line holds, wherever in the line. */
    private static int sharedStart(String line, String expected) {
        int best = 0;
        for (int i = 0; i < line.length(); i++) {
            int n = 0;
            while (i + n < line.length() && n < expected.length() && line.charAt(i + n) == expected.charAt(n)) {
                n++;
            }
            best = Math.max(best, n);
        }
        return best;
    }
}
