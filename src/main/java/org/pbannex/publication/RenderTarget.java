package org.pbannex.publication;

import java.util.ArrayList;
import java.util.List;
import org.pbannex.table.Language;

/**
 * One file (or, for CSV, one folder) a run renders: a format in an edition. The CSVs are one target, in the run's
 * first edition (label_zh and label_en carry both). Targets are independent, so they render side by side.
 */
public record RenderTarget(OutputFormat format, Language language) {

    /**
     * Every target of a run, in the order they are handed to the cores: a PDF first (the longest to render), then the
     * other outputs, each further PDF after an even share of them. A PDF holds its whole laid-out document while it is
     * written; two laid out at once raised a nightly run's peak from 285-290 MB to 308-320 MB (11 of 40 runs).
     */
    public static List<RenderTarget> of(RunRequest r) {
        List<RenderTarget> pdfs = new ArrayList<>();
        List<RenderTarget> others = new ArrayList<>();
        for (Language lang : r.languages()) {
            for (OutputFormat f : r.formats()) {
                if (f == OutputFormat.PDF) {
                    pdfs.add(new RenderTarget(f, lang));
                } else if (f != OutputFormat.CSV) {
                    others.add(new RenderTarget(f, lang));
                }
            }
        }
        if (r.wants(OutputFormat.CSV)) {
            others.add(new RenderTarget(OutputFormat.CSV, r.languages().get(0)));
        }
        List<RenderTarget> out = new ArrayList<>();
        int share = pdfs.isEmpty() ? 0 : (others.size() + pdfs.size() - 1) / pdfs.size();
        int next = 0;
        for (RenderTarget pdf : pdfs) {
            out.add(pdf);
            for (int i = 0; i < share && next < others.size(); i++) {
                out.add(others.get(next++));
            }
        }
        out.addAll(others.subList(next, others.size()));
        return out;
    }

    /** A name for the target's step: csv, xlsx-zh, pdf-en. */
    public String name() {
        return format == OutputFormat.CSV ? "csv" : format.code() + "-" + language.code();
    }

}
