package org.pbannex.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReaderHeaderAware;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbannex.Golden;
import org.pbannex.SyntheticWarning;
import org.pbannex.ingest.InputError;
import org.pbannex.table.Text;

/** A text that includes another by its key, and the synthetic-data warning that every sentence gives through one key. */
class TextsTest {

    private static final String FILE = "input/reference/texts.csv";

    private static Texts texts(Map<String, Text> byKey) {
        return new Texts(byKey, new Biennium(2022), FILE, Map.of(), false);
    }

    @Test
    void aTextIncludesAnotherInEachLanguage() {
        Map<String, Text> byKey = new LinkedHashMap<>();
        byKey.put("a.warning", new Text("并非{b.who}的数据", "not {b.who} data"));
        byKey.put("b.who", new Text("劳工组织", "ILO"));
        byKey.put("c.only_zh", new Text("{a.warning}", ""));
        byKey.put("f2.caveat", new Text("{number} 依据合成数据，{a.warning}。", "{number} is synthetic: {a.warning} ({cur})."));
        Texts t = texts(byKey);
        assertEquals(new Text("图 2 依据合成数据，并非劳工组织的数据。", "Figure 2 is synthetic: not ILO data (2022-2023)."),
                t.get("f2.caveat").with("number", new Text("图 2", "Figure 2")), "included, itself with its includes");
        assertEquals("并非劳工组织的数据", t.get("c.only_zh").in(org.pbannex.table.Language.EN), "an empty English text falls back to the Chinese");
    }

    /** A table with ten footnotes or more lists them by number: 1, 2, ..., 9, 10, 11 (as strings, 10 came after 1). */
    @Test
    void numberedTextsComeInTheOrderOfTheirNumbers() {
        Map<String, Text> byKey = new LinkedHashMap<>();
        for (int n : new int[] {11, 2, 10, 1, 9, 3}) {
            byKey.put("t1.footnote." + n, Text.of("note " + n));
        }
        byKey.put("t1.footnote.2.x", Text.of("not one of them"));
        Texts t = texts(byKey);
        assertEquals(List.of("t1.footnote.1", "t1.footnote.2", "t1.footnote.3", "t1.footnote.9", "t1.footnote.10",
                "t1.footnote.11"), t.numberedKeys("t1.footnote."));
        assertEquals(List.of("note 1", "note 2", "note 3", "note 9", "note 10", "note 11"),
                t.numbered("t1.footnote.").stream().map(Text::zh).toList());
    }

    @Test
    void anIncludeOfNoKeyOrOfItselfIsBadInput() {
        InputError none = assertThrows(InputError.class,
                () -> texts(Map.of("f2.caveat", new Text("{synthetic.not_ilo}", "{synthetic.not_ilo}"))));
        assertEquals(FILE + ", column key: key 'synthetic.not_ilo' is missing: 'f2.caveat' includes it ({synthetic.not_ilo}); add its "
                + "row (key,zh,en) to " + FILE + ", or mend the key in braces", none.getMessage());
        Map<String, Text> loop = new LinkedHashMap<>();
        loop.put("a.x", new Text("{b.y}", "x"));
        loop.put("b.y", new Text("y", "{a.x}"));
        InputError itself = assertThrows(InputError.class, () -> texts(loop));
        assertEquals(FILE + ", column key: 'a.x' includes itself through {a.x}", itself.getMessage());
    }

    @Test
    void theSyntheticDataWarningIsWordedOnceInEachLanguage() throws Exception {
        Map<String, Text> shared = read(Golden.input().resolve("reference/texts.csv"));
        Texts t = texts(shared);
        Text once = shared.get("synthetic.not_ilo_data");
        assertEquals(new Text(SyntheticWarning.ZH, SyntheticWarning.EN), once, "劳工组织, the Organization, as ILO is in English");
        List<String> warnings = new ArrayList<>();
        for (String key : shared.keySet()) {
            Text raw = shared.get(key);
            // The phrase is in one text; every other includes it.
            assertTrue(SyntheticWarning.in(raw.zh() + "\n" + raw.en()).isEmpty() || key.equals("synthetic.not_ilo_data"),
                    key + " words it again: " + raw);
            Text filled = t.get(key);
            warnings.addAll(SyntheticWarning.in(filled.zh() + "\n" + filled.en()));
        }
        assertEquals(2 * 15 + 2, warnings.size(), "fifteen sentences give it (the report's comparison, the data package's synthetic columns and the sources of lines partly synthetic among them), and the key itself: " + warnings);
        assertTrue(warnings.stream().allMatch(w -> w.equals(once.zh()) || w.equals(once.en())), warnings.toString());
        // Figure 2's note says which files, in both editions: those marked synthetic (by their first line or their name).
        assertTrue(t.get("f2.synthetic").zh().contains("标为合成数据的文件") && t.get("f2.synthetic").en().contains("files marked synthetic"),
                t.get("f2.synthetic").toString());
    }

    static Map<String, Text> read(Path file) throws Exception {
        Map<String, Text> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReaderHeaderAware csv = new CSVReaderHeaderAware(r)) {
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                out.put(row.get("key"), new Text(row.get("zh"), row.get("en")));
            }
        }
        return out;
    }
}
