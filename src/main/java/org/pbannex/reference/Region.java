package org.pbannex.reference;

import org.pbannex.table.Text;

/**
 * A region, with the short name some tables print. {@code splitTargets}: results-framework targets are split by
 * this region (it is a column of the results tables). {@code targetName}: its name in the target texts ("亚太 5 个"),
 * its label where regions.csv gives none.
 */
public record Region(String code, Text label, Text shortLabel, boolean splitTargets, Text targetName) {

    /** The names a target text may give the region in a language: its name in the target texts, its label, its short name. */
    public java.util.List<String> namesInTargets(org.pbannex.table.Language lang) {
        return java.util.stream.Stream.of(targetName.in(lang), label.in(lang), shortLabel.in(lang))
                .filter(n -> !n.isEmpty()).distinct().toList();
    }
}
