package org.pbannex.reference;

import org.pbannex.table.Text;

/** A region, with the short name some tables print. */
public record Region(String code, Text label, Text shortLabel) {
}
