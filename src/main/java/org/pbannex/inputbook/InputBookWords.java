package org.pbannex.inputbook;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbannex.ingest.BuiltTexts;
import org.pbannex.ingest.CsvTable;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The input workbook's own words (texts.csv's {@code inputbook.*}) in the workbook's language: the cover's instructions
 * and headings, the required row, the columns' notes and the validation messages. They are read from the texts the
 * workbook holds (its sheet of texts.csv), so that import finds the cover's headings in the words export wrote them
 * in; a key those texts lack is the program's own, as built.
 */
final class InputBookWords {

    /** The texts' resource, whose sheet the workbook holds. */
    static final String TEXTS = "texts";

    private final Map<String, Text> texts;
    private final Language lang;

    private InputBookWords(Map<String, Text> texts, Language lang) {
        this.texts = texts;
        this.lang = lang;
    }

    /** The words of a workbook exported from these texts (the rows of texts.csv, its header key, zh, en). */
    static InputBookWords of(CsvTable texts, Language lang) {
        int key = texts.header().indexOf("key");
        int zh = texts.header().indexOf("zh");
        int en = texts.header().indexOf("en");
        Map<String, Text> out = new LinkedHashMap<>();
        for (CsvTable.Row row : texts.rows()) {
            String k = row.cells().get(key).strip();
            if (k.startsWith("inputbook.")) {
                out.put(k, new Text(row.cells().get(zh).strip(), row.cells().get(en).strip()));
            }
        }
        return new InputBookWords(out, lang);
    }

    Language language() {
        return lang;
    }

    /** A word with its placeholders to fill ({@link Text#with}), in both languages. */
    Text text(String key) {
        Text t = texts.get(key);
        if (t == null) {
            t = BuiltTexts.inputBook(key);
        }
        if (t == null) {
            throw new IllegalStateException("texts.csv has no text " + key + ", nor the texts the program was built with");
        }
        return t;
    }

    /** A word in the workbook's language. */
    String get(String key) {
        return text(key).in(lang);
    }

    /**
     * Every wording of a cover heading that import reads: the English the workbooks were first made with, both
     * languages of the texts the workbook holds (its sheet of texts.csv, as exported) and of the texts as built.
     */
    static Set<String> headings(String english, String key, List<InputBookReader.Sheet> sheets) {
        Set<String> out = new LinkedHashSet<>();
        out.add(english);
        Text built = BuiltTexts.inputBook(key);
        if (built != null) {
            out.add(built.zh());
            out.add(built.en());
        }
        sheets.stream().filter(s -> s.name().equals(TEXTS)).findFirst().ifPresent(s -> out.addAll(held(s, key)));
        out.remove("");
        return out;
    }

    /** The zh and en of {@code key} in a sheet of texts.csv (its header row names key, zh, en). */
    private static List<String> held(InputBookReader.Sheet texts, String key) {
        int[] columns = null;
        for (InputBookReader.Row row : texts.rows()) {
            if (columns == null) {
                int k = InputBookImport.column(row, Set.of("key"));
                int zh = InputBookImport.column(row, Set.of("zh"));
                int en = InputBookImport.column(row, Set.of("en"));
                columns = k < 0 || zh < 0 || en < 0 ? null : new int[] {k, zh, en};
                continue;
            }
            if (key.equals(InputBookImport.value(row, columns[0]))) {
                return List.of(InputBookImport.value(row, columns[1]), InputBookImport.value(row, columns[2]));
            }
        }
        return List.of();
    }
}
