package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * A data folder whose texts (and the program's copy of them) lack three words the editions read only as they are
 * written: the workbook's cover sheet's name, the PDF's words for a chart's picture, and the heading of the notes that
 * every edition but the CSVs has. Before, the run computed and checked everything, then stopped while writing the first edition that read
 * one, naming it alone, a key a failed run. Now check and the run name all three on one line, status 3 (bad input), the
 * run before it renders anything: nothing of an edition is written, its failed report names them too, whichever
 * language it is in. A run of the CSVs alone, which read none of them, publishes.
 */
class EditionWordsMissingTest {

    @TempDir
    Path tmp;

    private static final String TEXTS = "reference/texts.csv";
    private static final List<String> KEYS = List.of("edition.chart_alt", "edition.notes", "edition.workbook.cover_sheet");

    @Test
    void everyMissingWordOfTheEditionsIsNamedBeforeAnythingIsRendered() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("data/input"));
        TestInputs.edit(input.resolve(TEXTS), s -> {
            String out = s;
            for (String key : KEYS) {
                String without = out.replaceFirst("(?m)^" + key.replace(".", "\\.") + ",.*\\n", "");
                assertTrue(!without.equals(out), key + " is a row of the bundled texts");
                out = without;
            }
            return out;
        });
        // The program's copy as old as the folder's (its folder's texts.csv the data folder's): the words are nowhere.
        Path program = tmp.resolve("program");
        Files.createDirectories(program.resolve("input/reference"));
        Files.copy(input.resolve(TEXTS), program.resolve("input").resolve(TEXTS));
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.program", program.toString());

        CliRun check = CliRun.capture(Map.of("pb.program", program.toString()), "check", "--input", input.toString());
        assertEquals(3, check.status(), check.toString());
        String line = named(check);

        for (String lang : List.of("zh", "en")) {
            Path out = tmp.resolve("out-" + lang);
            CliRun run = CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output", out.toString(),
                    "--lang", lang, "--format", "xlsx,pdf,csv,html");
            assertEquals(3, run.status(), run.toString());
            assertEquals(line, named(run), "the run says what check said");
            assertTrue(run.err().contains("pb-annex: ") && !run.out().contains("Published: "), run.toString());
            // What the run wrote: its failed report and record, and the expenditure lines it read (kept in its work
            // folder for a restart); no edition, no run folder published.
            List<Path> written;
            try (Stream<Path> files = Files.walk(out)) {
                written = files.filter(Files::isRegularFile).map(out::relativize).toList();
            }
            assertTrue(!written.isEmpty() && written.stream().allMatch(f -> f.toString().contains("/failed/")
                    || f.toString().matches("[^/]+/\\.work-[^/]+/expenditure/.*")), written.toString());
            Path report = out.resolve(written.stream().filter(f -> f.endsWith("report.html")).findFirst()
                    .orElseThrow(() -> new AssertionError(written)));
            String html = Files.readString(report).replace("&#39;", "'");
            String said = lang.equals("zh") ? "缺少 3 条文本，键为 " : "no texts with keys ";
            assertTrue(html.contains(said + "'" + String.join("', '", KEYS) + "'"), html);
        }

        // A run of the CSVs alone reads none of the three: it publishes.
        CliRun csv = CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output",
                tmp.resolve("out-csv").toString(), "--lang", "en", "--format", "csv");
        assertEquals(0, csv.status(), csv.toString());
        assertTrue(csv.out().contains("Published: "), csv.toString());
    }

    /** The one line that names the missing texts: all three, counted, in the order of the list of the editions' words. */
    private static String named(CliRun r) {
        List<String> lines = r.err().lines().filter(l -> l.contains("no texts with keys ") || l.contains("no text with key ")).toList();
        assertEquals(1, lines.size(), r.toString());
        String line = lines.get(0);
        assertTrue(line.endsWith("no texts with keys '" + String.join("', '", KEYS) + "' (3): add a row for each (key,zh,en)"), line);
        return line.substring(line.indexOf("no texts"));
    }
}
