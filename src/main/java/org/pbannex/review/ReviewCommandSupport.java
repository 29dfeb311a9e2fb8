package org.pbannex.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pbannex.ingest.Glyphs;
import org.pbannex.reference.Texts;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/** The review command's work, for the command line: compare, write the review files, apply to a copy when asked. */
public final class ReviewCommandSupport {

    /**
     * What the command prints: the files written, the counts, and with --apply one line for each input change (applied,
     * or not and why) and one counting the changes of other kinds, which --apply never writes.
     */
    public record Outcome(Review.Result result, Path csv, List<String> applied) {
    }

    private ReviewCommandSupport() {
    }

    /**
     * @param page   the review page's language, or null for the returned workbook's edition
     * @param glyphs the characters the PDF's font shows, for --apply to refuse a value the PDF would print without
     *               some of them, as check does; null when there is no font to ask
     * @param publishedIn the folder the run history says a run was published to (asked only for a run not found)
     */
    public static Outcome review(Path returned, String runOption, Path outputRoot, Path inputDir, Path applyTo, Language page,
                                 Glyphs glyphs, java.util.function.Function<String, java.util.Optional<Path>> publishedIn,
                                 Path reviews) throws IOException {
        Review.Result result = Review.of(returned, returned.toString(), runOption, outputRoot, inputDir, publishedIn);
        List<ReviewApply.Applied> applied = applyTo == null ? null : ReviewApply.apply(result, inputDir, applyTo, glyphs);
        Path csv = ReviewReport.write(result, returned, reportFolder(returned, outputRoot, reviews), applied,
                page != null ? page : Language.of(result.language()));
        return new Outcome(result, csv, applied == null ? List.of()
                : summary(applied, result.texts()).stream().map(l -> l.in(Language.EN)).toList());
    }

    /**
     * Where the review's CSV and page go: beside the returned workbook, unless that is in the output folder or in a run's
     * folder, one with a manifest (a run's own workbook reviewed where it was published: files of the review's in a published run's folder, which its manifest
     * does not list), then {@code reviews} (the installation's work/reviews/), made if need be.
     */
    static Path reportFolder(Path returned, Path outputRoot, Path reviews) throws IOException {
        Path beside = returned.toAbsolutePath().normalize().getParent();
        if (outputRoot != null && beside.startsWith(outputRoot.toAbsolutePath().normalize())
                || Files.isRegularFile(beside.resolve(org.pbannex.publish.ManifestWriter.FILE))) {
            return Files.createDirectories(reviews);
        }
        return beside;
    }

    /**
     * The run of the workbook's biennium published as latest since the workbook's run, said in both languages (texts.csv
     * review.newer_run); null when the workbook's run is the latest. A reviewer's answers are to the older figures: the
     * officer deciding a line by hand weighs them against the newer run's (found by an exploratory test: nothing said so).
     */
    public static Text newerRun(Review.Result result, Path outputRoot) throws IOException {
        String biennium = result.runFolder().getParent().getFileName().toString();
        var latest = org.pbannex.publish.RunFolder.latest(outputRoot, biennium);
        if (latest.isEmpty()) {
            return null;
        }
        String id = org.pbannex.publish.PublishedRun.read(latest.get()).runId();
        return id.compareTo(result.runId()) > 0 ? result.texts().get("review.newer_run").with("biennium", biennium)
                .with("latest", id).with("run", result.runId()) : null;
    }

    /**
     * The input changes' lines, then how many changes of other kinds were not applied, by kind (texts.csv,
     * review.applied.*): in English for the command's summary, in the page's language on the page.
     */
    static List<Text> summary(List<ReviewApply.Applied> applied, Texts t) {
        List<Text> lines = new java.util.ArrayList<>(applied.stream().filter(a -> a.change().kind().equals("input"))
                .map(ReviewApply.Applied::said).distinct().toList());
        java.util.Map<String, Long> others = new java.util.TreeMap<>();
        applied.stream().filter(a -> !a.change().kind().equals("input")).forEach(a -> others.merge(a.change().kind(), 1L, Long::sum));
        if (!others.isEmpty()) {
            int n = (int) others.values().stream().mapToLong(Long::longValue).sum();
            Text kinds = null;
            for (var e : others.entrySet()) {
                Text one = t.get("review.applied.kind_count").with("count", String.valueOf(e.getValue()))
                        .with("kind", t.get("review.kind." + e.getKey()));
                kinds = kinds == null ? one : new Text(kinds.zh() + "、" + one.zh(), kinds.en() + ", " + one.en());
            }
            lines.add(t.get("review.applied.others").with("changes", ReviewReport.changeCount(t, n)).with("kinds", kinds));
        }
        return lines;
    }
}
