package org.pbannex.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pbannex.table.Language;

/** The review command's work, for the command line: compare, write the review files, apply to a copy when asked. */
public final class ReviewCommandSupport {

    /** What the command prints: the files written, the counts, the lines of --apply. */
    public record Outcome(Review.Result result, Path csv, List<String> applied) {
    }

    private ReviewCommandSupport() {
    }

    /** @param page the review page's language, or null for the returned workbook's edition */
    public static Outcome review(Path returned, String runOption, Path outputRoot, Path inputDir, Path applyTo, Language page)
            throws IOException {
        Review.Result result = Review.of(returned, returned.toString(), runOption, outputRoot, inputDir);
        List<String> applied = applyTo == null ? List.of() : ReviewApply.apply(result, inputDir, applyTo);
        Path csv = ReviewReport.write(result, returned, applied, page != null ? page : Language.of(result.language()));
        return new Outcome(result, csv, applied);
    }
}
