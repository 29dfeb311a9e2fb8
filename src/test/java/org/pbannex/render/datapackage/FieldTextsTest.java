package org.pbannex.render.datapackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BadInput;
import org.pbannex.ChineseReasons;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.ingest.InputError;

/**
 * The data package's descriptions of fields (texts.csv's datapackage.field.* and datapackage.unit.*) against the
 * fields the tables' CSVs have: a text for a field no CSV has, or a field described by texts alone that has none, is
 * bad input at `check`, one line naming the file, line and key, before anything is written.
 */
class FieldTextsTest {

    @TempDir
    Path tmp;
    Path input;
    Path texts;

    @BeforeEach
    void copyInput() throws IOException {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        texts = input.resolve("reference/texts.csv");
    }

    private int lineOf(String key) throws IOException {
        List<String> lines = Files.readAllLines(texts);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ",")) {
                return i + 1;
            }
        }
        throw new AssertionError(key + " not in " + texts);
    }

    @Test
    void aTextForAFieldNoCsvHasStopsCheckInOneLine() throws IOException {
        int line = lineOf("datapackage.field.count_unit");
        TestInputs.edit(texts, s -> s.replace("\ndatapackage.field.count_unit,", "\ndatapackage.field.cuont_unit,"));
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(3, r.status(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("pb-annex: " + texts + ", line " + line + ", column key: 'datapackage.field.cuont_unit' describes field "
                + "'cuont_unit', which no table's CSV has, so datapackage.json would never show it: did you mean 'count_unit'?",
                r.err().strip());
    }

    @Test
    void aFieldDescribedByTextsAloneWithoutOneIsRefused() throws IOException {
        TestInputs.edit(texts, s -> s.replaceFirst("(?m)^datapackage\\.field\\.count_unit,.*\\n", ""));
        InputError e = BadInput.refused(input);
        assertTrue(e.file().endsWith("reference/texts.csv"), e.file());
        assertEquals("key", e.column());
        assertEquals("no text with key 'datapackage.field.count_unit': rt.csv has the field count_unit, which datapackage.json "
                + "would describe by its name alone; add a row for it (key,zh,en)", e.reason());
        // A Chinese report says it in Chinese (it was this English).
        assertEquals("没有键为 'datapackage.field.count_unit' 的文本：rt.csv 有字段 count_unit，datapackage.json 只能以其名称描述它；"
                + "请为其添加一行（key,zh,en）", ChineseReasons.assertChinese(e, input, "key,zh,en"));
    }

    @Test
    void aTablesOwnTextForAFieldItLacksIsRefused() throws IOException {
        int line = lineOf("datapackage.field.f2.amount_usd");
        TestInputs.edit(texts, s -> s.replace("\ndatapackage.field.f2.amount_usd,", "\ndatapackage.field.f2.amount,"));
        InputError e = BadInput.refusedAt(input, "reference/texts.csv", line, "key");
        assertEquals("'datapackage.field.f2.amount' describes field 'amount' of f2.csv, which has no such field (its own: region "
                + "biennium status amount_usd synthetic), so datapackage.json would never show it", e.reason());
        assertEquals("'datapackage.field.f2.amount' 描述了 f2.csv 的字段 'amount'，但该文件没有这个字段（其字段为：region biennium "
                + "status amount_usd synthetic），因此 datapackage.json 永远不会显示它",
                ChineseReasons.assertChinese(e, input, "region biennium status amount_usd synthetic"));
        // A printed table's fields are described by their headings and the shared texts: a text of its own is never read.
        TestInputs.edit(texts, s -> s.replace("\ndatapackage.field.f2.amount,", "\ndatapackage.field.t1.amount_usd,"));
        assertTrue(BadInput.refused(input).reason().startsWith("'datapackage.field.t1.amount_usd' describes field 'amount_usd' of t1.csv, which "
                + "takes its fields' descriptions from its columns' headings"), BadInput.refused(input).reason());
    }

    @Test
    void aUnitForAFieldNoTidyCsvHasIsRefused() throws IOException {
        int line = lineOf("datapackage.unit.amount_usd");
        TestInputs.edit(texts, s -> s.replace("\ndatapackage.unit.amount_usd,", "\ndatapackage.unit.amount_us,"));
        InputError e = BadInput.refusedAt(input, "reference/texts.csv", line, "key");
        assertEquals("'datapackage.unit.amount_us' gives a unit to field 'amount_us', which no tidy CSV has, so datapackage.json "
                + "would never show it: did you mean 'amount_usd'?", e.reason());
        assertEquals("'datapackage.unit.amount_us' 给字段 'amount_us' 指定了单位，但没有任何整洁 CSV 有该字段，因此 datapackage.json "
                + "永远不会显示它：是否应为 'amount_usd'？", ChineseReasons.assertChinese(e, input));
    }

    /** A biennium's own texts are checked the same way, at their own file and line. */
    @Test
    void aBienniumsOwnFieldTextIsCheckedAtItsLine() throws IOException {
        Path own = input.resolve("2022-23/reference/texts.csv");
        TestInputs.edit(own, s -> s + "datapackage.field.rt.regoin,区域,Region\n");
        InputError e = BadInput.refusedAt(input, "2022-23/reference/texts.csv", Files.readAllLines(own).size(), "key");
        assertTrue(e.reason().startsWith("'datapackage.field.rt.regoin' describes field 'regoin' of rt.csv, which has no such "
                + "field (its own: outcome region count_unit target_sum indicators)"), e.reason());
    }
}
