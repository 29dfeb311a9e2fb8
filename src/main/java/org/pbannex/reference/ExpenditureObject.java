package org.pbannex.reference;

import org.pbannex.table.Text;

/** An object of expenditure (staff costs, travel, ...). */
public record ExpenditureObject(String code, Text label) {
}
