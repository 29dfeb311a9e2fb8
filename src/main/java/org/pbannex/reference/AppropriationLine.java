package org.pbannex.reference;

import org.pbannex.table.Text;

/** A line of the strategic budget (Table 1). {@code amountsPrinted} false: Table 1 shows it with empty cells. */
public record AppropriationLine(String code, String part, Text label, boolean amountsPrinted) {
}
