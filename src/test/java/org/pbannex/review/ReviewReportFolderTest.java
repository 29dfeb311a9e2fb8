package org.pbannex.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A review's CSV and page go beside the returned workbook, but never into the output folder: reviewing a run's own
 * workbook where it was published wrote them into the run's folder, beside the files its manifest lists (found by an
 * exploratory test); they go to the folder the command runs in.
 */
class ReviewReportFolderTest {

    @Test
    void besideTheReturnedWorkbookButNeverInTheOutputFolder() {
        Path out = Path.of("/srv/pb/output");
        assertEquals(Path.of("/home/li/mail"), ReviewCommandSupport.reportFolder(Path.of("/home/li/mail/returned.xlsx"), out));
        assertEquals(Path.of("").toAbsolutePath(), ReviewCommandSupport.reportFolder(
                Path.of("/srv/pb/output/2022-23/latest/pb-annexes-2022-23.en.xlsx"), out));
        assertEquals(Path.of("").toAbsolutePath(), ReviewCommandSupport.reportFolder(
                Path.of("/srv/pb/output/2022-23/../2022-23/x/returned.xlsx"), out));
        assertEquals(Path.of("/srv/pb/output-old"), ReviewCommandSupport.reportFolder(Path.of("/srv/pb/output-old/r.xlsx"), out));
    }
}
