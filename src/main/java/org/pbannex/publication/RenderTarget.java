package org.pbannex.publication;

import java.util.ArrayList;
import java.util.List;
import org.pbannex.table.Language;

/**
 * One file (or, for CSV, one folder) a run renders: a format in an edition. The CSVs are one target, in the run's
 * first edition (label_zh and label_en carry both). Targets are independent, so they render side by side.
 */
public record RenderTarget(OutputFormat format, Language language) {

    /** Every target of a run, CSV first. */
    public static List<RenderTarget> of(RunRequest r) {
        List<RenderTarget> out = new ArrayList<>();
        if (r.wants(OutputFormat.CSV)) {
            out.add(new RenderTarget(OutputFormat.CSV, r.languages().get(0)));
        }
        for (Language lang : r.languages()) {
            for (OutputFormat f : r.formats()) {
                if (f != OutputFormat.CSV) {
                    out.add(new RenderTarget(f, lang));
                }
            }
        }
        return out;
    }

    /** A name for the target's step: csv, xlsx-zh, pdf-en. */
    public String name() {
        return format == OutputFormat.CSV ? "csv" : format.code() + "-" + language.code();
    }

}
