package org.pbannex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pbannex.ingest.Glyphs;
import org.pbannex.render.pdf.PdfFonts;
import org.pbannex.review.ReviewCommandSupport;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.table.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compares a workbook a reviewer sent back with the published run, and says which input each change belongs to. */
@Command(name = "review", mixinStandardHelpOptions = true,
        // The first line is the command's summary in `pb-annex --help`: one whole sentence.
        description = {"Compare a workbook a reviewer sent back with its run, cell by cell, and list the changes.",
                "The run is the one the workbook names (on its cover or run sheet, or in its document properties), or --run. "
                        + "Writes review-<file>.csv and .html beside the "
                        + "workbook: each changed cell with the input file, line and column it comes from (or, for a total or "
                        + "computed figure, the inputs it is computed from); added and deleted rows, sheets and columns, "
                        + "comments and formulas too. The page speaks the workbook's edition's language (--lang to choose). "
                        + "The workbook is read as untrusted (exit 3 if it is damaged, too large, macro-enabled or unsafe)."})
public class ReviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RETURNED.xlsx", description = "The workbook the reviewer sent back.")
    Path returned;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The run it came from, when the workbook "
            + "no longer says (a workbook naming another run is refused).")
    String run;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--apply", paramLabel = "DIR", description = "Write a copy of the input folder into DIR (new or empty) "
            + "with the changes of input cells applied, to check and run; input/ itself is never written.")
    Path apply;

    @Mixin
    InputOptions in;

    @Option(names = "--lang", paramLabel = "LANG", description = "The review page's language: zh or en (default: the "
            + "returned workbook's edition). The CSV is the same in both.")
    String lang;

    @Spec
    CommandSpec spec;

    /** The PDF font's characters, for --apply; null without a font (check then says it did not look). */
    private Glyphs glyphs() {
        try {
            return PdfFonts.glyphs(in.settings().fonts());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The folder the run history says the run was published to; none when it does not know it, or cannot be read (the
     * line then says where to look): asked only for a workbook whose run is not in the output folder (and by distribute
     * for a run not there).
     */
    static java.util.Optional<Path> publishedIn(String command, String runId) {
        try (SpringRuntime spring = SpringRuntime.start(command + " " + runId)) {
            return spring.bean(org.pbannex.publish.RunHistory.class).find(runId).map(e -> e.outputDir())
                    .filter(d -> d != null && !d.isBlank()).map(Path::of);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ReviewCommand.class).warn("the run history could not say where run {} was published: {}",
                    runId, e.getMessage(), e);
            return java.util.Optional.empty();
        }
    }

    @Override
    public Integer call() throws IOException {
        Path out = outputOptions.outputDir();
        Language page;
        try {
            page = lang == null ? null : Language.of(lang);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--lang: " + e.getMessage());
        }
        var o = ReviewCommandSupport.review(returned, run, out, in.inputDir(), apply, page, apply == null ? null : glyphs(),
                id -> publishedIn("review", id), in.settings().work().resolve("reviews"));
        var counts = o.result().changes().stream().collect(Collectors.groupingBy(c -> c.kind(), java.util.TreeMap::new,
                Collectors.counting()));
        System.out.println("Run " + o.result().runId() + " (" + o.result().language() + "): " + o.result().cellsCompared()
                + " cells compared, " + o.result().changes().size() + (o.result().changes().size() == 1 ? " change" : " changes")
                + (counts.isEmpty() ? "" : " (" + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
                .collect(Collectors.joining(", ")) + ")"));
        if (o.result().inputChanged()) {
            System.out.println("The input has changed since that run (" + String.join(", ", o.result().changedFiles()) + "): "
                    + (o.result().inRunInput() ? "each change is traced in the input the run read (kept in its folder), its "
                    + "sources named where their records are in today's input."
                    : "the run keeps no copy of its input (published before runs kept one): the sources named are lines of "
                    + "today's input; an input cell's kind is inferred from its column's other rows."));
        }
        var newer = ReviewCommandSupport.newerRun(o.result(), out);
        if (newer != null) {
            System.out.println(newer.in(Language.EN));
        }
        System.out.println("Review:    " + o.csv() + " (and .html)");
        o.applied().forEach(l -> System.out.println("  " + l));
        if (apply != null) {
            System.out.println("Copy:      " + apply.toAbsolutePath().normalize() + "  (check it: ./pb-annex check --input "
                    + apply + ")");
        }
        return ExitCodes.PUBLISHED;
    }
}
