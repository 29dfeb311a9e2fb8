package org.pbannex.reference;

import org.pbannex.table.Text;

/**
 * A Part of the budget. {@code itemised}: the annexes list its units; {@code runningTotal}: Table 1 prints
 * the total of Parts I to this one after it.
 */
public record Part(String code, Text number, Text title, Text budgetItem, boolean itemised, boolean runningTotal) {
}
