package org.pbannex.reference;

import org.pbannex.table.Text;

/**
 * A region, with the short name some tables print. {@code splitTargets}: results-framework targets are split by
 * this region (it is a column of the results tables).
 */
public record Region(String code, Text label, Text shortLabel, boolean splitTargets) {
}
