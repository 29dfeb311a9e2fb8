package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.ingest.InputError;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.Texts;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The report's last guard, as the tables': a word said with a placeholder of its own that its fill site does not give
 * stops at the word's line of texts.csv (reading refuses a misspelt one first; this is for a word filled with fewer
 * placeholders than the program's list says), and a failed run's report, reading its texts as they stand, shows a word
 * holding a placeholder the program does not fill it with as its key, never as typed.
 */
class ReportWordsPlaceholdersTest {

    private static final String FILE = "input/reference/texts.csv";

    /** The bundled shared texts with one word's text replaced, each with its line. */
    private static Texts texts(String key, Text text, Map<String, Texts.Row> rows) throws IOException {
        Map<String, Text> byKey = new LinkedHashMap<>();
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(Golden.input().resolve("reference/texts.csv")))) {
            csv.readNext();
            long line = 1;
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                line++;
                byKey.put(row[0], row[0].equals(key) ? text : new Text(row[1], row[2]));
                rows.put(row[0], new Texts.Row(FILE, line));
            }
        } catch (com.opencsv.exceptions.CsvValidationException e) {
            throw new IOException(e);
        }
        return new Texts(byKey, new Biennium(2022), FILE, Map.of(), false, rows);
    }

    @Test
    void aWordSaidWithoutOneOfItsPlaceholdersStopsAtItsLine() throws IOException {
        Map<String, Texts.Row> rows = new LinkedHashMap<>();
        ReportWords words = ReportWords.of(texts("report.duration_s", new Text("{s} 秒 {min}", "{s} s {min}"), rows));
        InputError e = assertThrows(InputError.class, () -> new ReportWords.In(words, Language.EN).say("duration_s", "s", 3));
        assertEquals(FILE + ", line " + rows.get("report.duration_s").line() + ", column key: 'report.duration_s': placeholder "
                + "{min} is filled in by nothing, so the run's report would print '3 s {min}'", e.getMessage());
    }

    @Test
    void aFailedRunsReportShowsAWordItsProgramDoesNotFillAsItsKey(@TempDir Path tmp) throws IOException {
        Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("input"));
        org.pbannex.TestInputs.edit(input.resolve("reference/texts.csv"), s -> s.replace("report.duration_s,{s} 秒,{s} s",
                "report.duration_s,{secs} 秒,{secs} s"));
        ReportWords words = ReportWords.read(input, new Biennium(2022));
        assertEquals(Text.of("report.duration_s"), words.text("duration_s"));
        assertEquals("{s} 秒", ReportWords.read(Golden.input(), new Biennium(2022)).text("duration_s").zh());
    }
}
