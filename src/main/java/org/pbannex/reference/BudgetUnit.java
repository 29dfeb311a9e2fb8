package org.pbannex.reference;

import org.pbannex.table.Text;

/** A department, programme or provision that holds budget. {@code group} is empty outside itemised Parts. */
public record BudgetUnit(String code, Text label, String group, String line, String part) {
}
