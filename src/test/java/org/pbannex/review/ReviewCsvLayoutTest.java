package org.pbannex.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pbannex.Golden;

/**
 * README's table of the review CSV's columns is the header review writes ({@link ReviewReport#HEADER}, which
 * ReviewRoundTripTest reads back from a written file): every column documented, in order, none that is not written.
 * `applied` was added as a last column without its row in a table; a column added or renamed now fails here until
 * README says what it holds.
 */
class ReviewCsvLayoutTest {

    @Test
    void readmeDocumentsEveryColumnOfTheReviewCsvInOrder() throws Exception {
        List<String> readme = Files.readAllLines(Golden.home().resolve("README.md"));
        int at = readme.indexOf(readme.stream().filter(l -> l.startsWith("<a id=\"review-csv\"></a>")).findFirst()
                .orElseThrow(() -> new AssertionError("README has no section <a id=\"review-csv\">")));
        Pattern row = Pattern.compile("^\\| `([a-z_]+)` \\| (.+) \\|$");
        List<String> documented = new ArrayList<>();
        int i = at + 1;
        while (i < readme.size() && !readme.get(i).startsWith("|")) {
            i++;
        }
        for (; i < readme.size() && readme.get(i).startsWith("|"); i++) {
            Matcher m = row.matcher(readme.get(i));
            if (m.matches()) {
                assertTrue(m.group(2).strip().length() > 10, "column " + m.group(1) + " is said what it holds: " + readme.get(i));
                documented.add(m.group(1));
            }
        }
        assertEquals(List.of(ReviewReport.HEADER), documented);
    }
}
