package org.pbannex.reference;

import org.pbannex.table.Text;

/**
 * A group of units. {@code single}: printed as one row (no heading or subtotal). {@code umbrella}: a heading
 * printed once above the first group that carries it (empty for none).
 */
public record UnitGroup(String code, String part, String line, Text label, boolean single, Text umbrella) {
}
