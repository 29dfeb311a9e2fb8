package org.pbannex.reference;

import org.pbannex.table.Text;

/**
 * What a results-framework target counts: {@code label} as printed after the number ("个成员国", "member States"),
 * {@code name} as a row label ("成员国", "Member States").
 */
public record TargetUnit(String code, Text label, Text name) {
}
