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
     * other outputs, then the other PDFs. A PDF holds its whole laid-out document while it is written, so the second
     * PDF starts as late as the other outputs let it: in a nightly run the first (zh) PDF takes as long as the other
     * thread's workbooks and HTML editions, and a second PDF started after a share of them overlapped it in seven runs
     * of eight, peaking at 294-303 MB against 269-296 MB. Where the other outputs are done before the first PDF, the
     * second waits for it (RunRenderer): the peak then 268-272 MB in every run.
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
        if (!pdfs.isEmpty()) {
            out.add(pdfs.get(0));
        }
        out.addAll(others);
        if (pdfs.size() > 1) {
            out.addAll(pdfs.subList(1, pdfs.size()));
        }
        return out;
    }

    /** A name for the target's step: csv, xlsx-zh, pdf-en. */
    public String name() {
        return format == OutputFormat.CSV ? "csv" : format.code() + "-" + language.code();
    }

}
