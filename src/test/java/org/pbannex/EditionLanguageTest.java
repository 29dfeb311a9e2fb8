package org.pbannex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbannex.table.Language;

/** The scanner the end-to-end runs use on each edition: what it lets through as codes, what it reports as words. */
class EditionLanguageTest {

    @Test
    void englishWordsInTheChineseEditionAreFound() {
        assertEquals(List.of("rb:", "printed", "published"), words("t2 / 8 / rb: printed 43.0, published 43.1"),
                "the table id is a code, the column key and the words are not");
        assertEquals(1, EditionLanguage.foreignWords("reference/parts.csv sha256 dcc6 (4 rows)", Language.ZH).size(),
                "'rows' is a word; the path and the hash are codes");
        assertTrue(EditionLanguage.foreignWords("本图根据合成的支出明细 (文件名以 synthetic 开头) 计算", Language.ZH).get(0)
                .startsWith("'synthetic'"));
        assertEquals(1, EditionLanguage.foreignWords("合计 Total", Language.ZH).size());
    }

    private static List<String> words(String zh) {
        return EditionLanguage.foreignWords(zh, Language.ZH).stream().map(w -> w.substring(1, w.indexOf('\'', 1))).toList();
    }

    @Test
    void codesAndUnitsAreNotWords() {
        String zh = "ILOSTAT 数据库；(a) 按 1 美元兑 1 瑞士法郎；US$ 43,061,376；《2030 年议程》；COVID-19 疫情；ISO/IEC 27001:2013；"
                + "GB.341/PFA/1；可持续发展目标指标 8.b.1；表 II.1；a2-1 区域通货膨胀率；rt 按区域分列的目标；risk 战略风险登记册；"
                + "input/2022-23/sdg_targets.csv  SHA-256 0e1e84d5c8e7  29；2026-11-30T04:35:27Z；0.1.0-SNAPSHOT；pb-annex；第 52 段 CHF";
        assertEquals(List.of(), EditionLanguage.foreignWords(zh, Language.ZH));
    }

    @Test
    void chineseInTheEnglishEditionIsFound() {
        assertEquals(List.of(), EditionLanguage.foreignWords("Total (Parts I-IV) 790,640,000 US$ – Programme and Budget", Language.EN));
        assertEquals(List.of("'合计' in \"Subtotal 合计 100\""), EditionLanguage.foreignWords("Subtotal 合计 100", Language.EN));
        assertEquals(1, EditionLanguage.foreignWords("Outcome 1：Strong", Language.EN).size(), "a full-width colon is Chinese too");
    }
}
