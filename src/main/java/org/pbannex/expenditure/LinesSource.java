package org.pbannex.expenditure;

import java.util.Collection;

/**
 * Which of the source texts names the expenditure lines that figures were summed from: Figure 2's biennia and Table 2's
 * columns taken from the lines, each part (a biennium, a column) summing real lines, synthetic ones, or both. One rule
 * for every table that sums lines, so that no such figure is ever credited to the printed document (tester 81a, F3:
 * with real lines, Figure 2 and Table 2's line columns fell back to the print's "Figure 2" and "Table 2").
 */
public enum LinesSource {
    /** Every part sums real lines only: the lines, no word of synthetic data. */
    LINES,
    /** Every part sums synthetic lines only. */
    SYNTHETIC,
    /** Some parts synthetic lines only, the others real lines only: the synthetic parts named. */
    PARTLY_SYNTHETIC,
    /** Some part sums real and synthetic lines together: the parts that hold synthetic lines named. */
    MIXED;

    /** A part's lines: how many it sums, how many of them came from synthetic files. */
    public record Part(long lines, long syntheticLines) {

        public boolean synthetic() {
            return syntheticLines > 0;
        }

        boolean mixed() {
            return syntheticLines > 0 && syntheticLines < lines;
        }
    }

    /** The source text to name the lines of these parts by (none synthetic: {@link #LINES}). */
    public static LinesSource of(Collection<Part> parts) {
        boolean anySynthetic = parts.stream().anyMatch(Part::synthetic);
        if (!anySynthetic) {
            return LINES;
        }
        if (parts.stream().anyMatch(Part::mixed)) {
            return MIXED;
        }
        return parts.stream().allMatch(Part::synthetic) ? SYNTHETIC : PARTLY_SYNTHETIC;
    }
}
