package org.pbannex.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review's CSV and page go beside the returned workbook, but never into the output folder: reviewing a run's own
 * workbook where it was published wrote them into the run's folder, beside the files its manifest lists (found by an
 * exploratory test); they go to the installation's work/reviews/.
 */
class ReviewReportFolderTest {

    @TempDir
    Path tmp;

    @Test
    void besideTheReturnedWorkbookButNeverInTheOutputFolder() throws IOException {
        Path out = Path.of("/srv/pb/output");
        Path reviews = tmp.resolve("work/reviews");
        assertEquals(Path.of("/home/li/mail"), ReviewCommandSupport.reportFolder(Path.of("/home/li/mail/returned.xlsx"), out, reviews));
        assertEquals(reviews, ReviewCommandSupport.reportFolder(
                Path.of("/srv/pb/output/2022-23/latest/pb-annexes-2022-23.en.xlsx"), out, reviews));
        assertEquals(reviews, ReviewCommandSupport.reportFolder(
                Path.of("/srv/pb/output/2022-23/../2022-23/x/returned.xlsx"), out, reviews));
        assertEquals(Path.of("/srv/pb/output-old"), ReviewCommandSupport.reportFolder(Path.of("/srv/pb/output-old/r.xlsx"), out, reviews));
    }
}
