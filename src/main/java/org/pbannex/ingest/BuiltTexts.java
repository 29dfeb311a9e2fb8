package org.pbannex.ingest;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.pbannex.table.Text;

/**
 * The failure sentences of texts.csv ({@code report.cause.*}), and the input workbook's words ({@code inputbook.*}), as
 * the program was built with them: the build copies
 * {@code input/reference/texts.csv} beside this class (pom.xml). Stderr says a refused input in their English,
 * whatever texts the run reads (its input's may be the file refused, or edited by a translator); a failed run's report
 * says the same sentence from the run's texts, in its own language.
 */
public final class BuiltTexts {

    private static final String PREFIX = "report.";
    /** The input workbook's words (inputbook.*), kept too: an input whose texts.csv predates them still exports one. */
    private static final String INPUT_BOOK = "inputbook.";

    private BuiltTexts() {
    }

    /** Read once, at the first refusal: a run that refuses nothing never reads them. */
    private static final class Holder {
        static final Map<String, Text> WORDS = read();
    }

    /** A sentence by its key after {@code report.} ("cause.line_column"). */
    static Text word(String key) {
        Text t = Holder.WORDS.get(key);
        if (t == null) {
            throw new IllegalStateException("texts.csv as built has no text " + PREFIX + key);
        }
        return t;
    }

    /** A sentence by its key after {@code report.cause.} ("line_column", "reason.required"). */
    static Text cause(String key) {
        return word("cause." + key);
    }

    /**
     * The input workbook's word by its whole key ({@code inputbook.title}) as the program was built with it, for texts
     * that lack it; null when the built texts lack it too.
     */
    public static Text inputBook(String key) {
        return Holder.WORDS.get(key);
    }

    private static Map<String, Text> read() {
        Map<String, Text> out = new HashMap<>();
        try (InputStream in = BuiltTexts.class.getResourceAsStream("texts.csv")) {
            if (in == null) {
                throw new IllegalStateException("texts.csv is not beside " + BuiltTexts.class.getName() + ": build the program again");
            }
            try (CSVReader csv = new CSVReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                    if (row.length >= 3 && row[0].startsWith(PREFIX + "cause.")) {
                        out.put(row[0].substring(PREFIX.length()), new Text(row[1], row[2]));
                    } else if (row.length >= 3 && row[0].startsWith(INPUT_BOOK)) {
                        out.put(row[0], new Text(row[1], row[2]));
                    }
                }
            }
        } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
            throw new IllegalStateException("reading the texts as built: " + e.getMessage(), e);
        }
        return Map.copyOf(out);
    }
}
