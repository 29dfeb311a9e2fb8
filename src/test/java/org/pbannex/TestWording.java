package org.pbannex;

import com.opencsv.CSVReaderHeaderAware;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Text;

/** The outputs' wording as the bundled input/reference/texts.csv has it, for renderer tests that build their own tables. */
public final class TestWording {

    private TestWording() {
    }

    public static Wording bundled() {
        Map<String, Text> texts = new HashMap<>();
        try (Reader r = Files.newBufferedReader(Golden.input().resolve("reference/texts.csv"), StandardCharsets.UTF_8);
             CSVReaderHeaderAware csv = new CSVReaderHeaderAware(r)) {
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                texts.put(row.get("key"), new Text(row.get("zh"), row.get("en")));
            }
        } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
            throw new IllegalStateException("cannot read input/reference/texts.csv", e);
        }
        Map<String, Text> included = org.pbannex.reference.Texts.withIncludes(texts, "input/reference/texts.csv");
        return new Wording(key -> {
            Text t = included.get(key);
            if (t == null) {
                throw new NoSuchElementException("input/reference/texts.csv has no text '" + key + "'");
            }
            return t;
        });
    }
}
