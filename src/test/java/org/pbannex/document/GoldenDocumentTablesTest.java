package org.pbannex.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.table.CheckResult;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.TidyRows;

/**
 * The three tables of text and typed figures against the print: every figure of the supplementary authorizations
 * equals ../shared/golden/supplementary_authorizations.csv; every Chinese text of Table II.1 and of the risk register
 * (titles, headings, cells, line by line) is found in the source document (../shared/seed/); every English text is
 * there and is English; Table II.1's links to Appendix I are checked on every run.
 */
class GoldenDocumentTablesTest {

    static ComputedPublication pub;
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");

    @BeforeAll
    static void compute() {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
    }

    static String seed() {
        return squeeze(Golden.seedText());
    }

    /** The print's text is compared without white space: the extraction breaks and justifies lines. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void supplementaryAuthorizationsEqualThePrint() {
        Table sa = pub.tables().get("sa");
        List<Map<String, String>> golden = Golden.read("supplementary_authorizations.csv");
        assertEquals(5, golden.size());
        assertEquals(golden.size(), sa.rows().size(), "one row per printed financial period");
        for (int i = 0; i < golden.size(); i++) {
            Row r = sa.rows().get(i);
            assertEquals(golden.get(i).get("financial_period"), r.value("financial_period"), "row " + (i + 1));
            assertEquals(golden.get(i).get("financial_period"), r.label().zh(), "row " + (i + 1) + " label");
            assertEquals(Long.parseLong(golden.get(i).get("usd")), r.amount("amount_usd"), golden.get(i).get("financial_period"));
            assertEquals(RowType.UNIT, r.type());
        }
        assertTrue(sa.rows().stream().noneMatch(r -> r.type().isTotal()), "the paragraph prints no total");
    }

    @Test
    void everyChineseTextOfTableII1AndTheRiskRegisterIsInTheSource() {
        String source = seed();
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (String id : List.of("ii1", "risk", "sa")) {
            for (String text : printedTexts(pub.tables().get(id))) {
                if (source.contains(squeeze(text))) {
                    found++;
                } else {
                    missing.add(id + ": " + text);
                }
            }
        }
        assertTrue(missing.isEmpty(), "not found in the seed document:\n" + String.join("\n", missing));
        // 28 target cells and their 16 indicator and 43 outcome lines, 9 x 4 risk cells (and 2 more paragraphs), titles
        // and headings.
        assertTrue(found >= 28 + 16 + 43 + 9 * 4 + 2 + 10, "texts checked: " + found);
    }

    /**
     * What the Chinese page prints for a table: title, headings, row labels (goal headings are pb-annex's, standing for
     * the goal icons, and are left out) and every line of every text cell.
     */
    static List<String> printedTexts(Table t) {
        List<String> texts = new ArrayList<>(List.of(t.title().zh(), t.labelHeading().zh()));
        org.pbannex.render.OutputColumns.printed(t).forEach(c -> texts.add(c.heading().zh()));
        for (Row r : t.rows()) {
            if (r.type() != RowType.HEADING) {
                texts.add(r.label().zh());
            }
            for (Column c : org.pbannex.render.OutputColumns.printed(t)) {
                if (r.value(c.key()) instanceof Text v) {
                    texts.addAll(List.of(v.zh().split("\n")));
                }
            }
        }
        texts.removeIf(String::isBlank);
        return texts;
    }

    @Test
    void everyEnglishTextIsThereAndIsEnglish() {
        List<String> bad = new ArrayList<>();
        for (String id : List.of("ii1", "risk", "sa")) {
            Table t = pub.tables().get(id);
            List<Text> texts = new ArrayList<>(List.of(t.number(), t.title(), t.labelHeading()));
            t.columns().forEach(c -> texts.add(c.heading()));
            texts.addAll(t.footnotes());
            for (Row r : t.rows()) {
                texts.add(r.label());
                r.values().values().stream().filter(v -> v instanceof Text).forEach(v -> texts.add((Text) v));
            }
            for (Text x : texts) {
                if (x.isEmpty() || x.zh().equals(x.en()) && !CJK.matcher(x.zh()).find()) {
                    continue; // no text, or a code or number the same in both editions
                }
                // A word of three letters at least, or a unit (the amount column is headed "美元" as printed: US$).
                boolean english = x.en().matches("(?s).*[A-Za-z]{3,}.*") || x.en().equals("US$");
                if (x.en().isBlank() || CJK.matcher(x.en()).find() || !english) {
                    bad.add(id + ": '" + x.zh() + "' -> '" + x.en() + "'");
                }
            }
        }
        assertTrue(bad.isEmpty(), "English missing or not English:\n" + String.join("\n", bad));
        Table risk = pub.tables().get("risk");
        assertEquals("1. The Governing Body or the International Labour Conference fails to reach agreement on key issues.",
                risk.row("1").label().en());
        assertTrue(((Text) risk.row("8").value("response")).en().contains("ISO/IEC 27001:2013"));
    }

    @Test
    void tableII1HasThePrintedTargetsIndicatorsAndOutcomes() {
        Table ii1 = pub.tables().get("ii1");
        List<Row> targets = ii1.rows().stream().filter(r -> r.type() == RowType.UNIT).toList();
        assertEquals(28, targets.size(), "28 targets, as the issue counts them in the print");
        assertEquals(List.of("1", "3", "4", "5", "8", "9", "10", "16", "17"), ii1.rows().stream()
                .filter(r -> r.type() == RowType.HEADING).map(r -> r.key().substring("goal.".length())).toList());
        Row decentWork = ii1.row("8.5");
        assertEquals("8.5. 到 2030 年，所有男女，包括青年和残疾人实现充分和生产性就业，有体面劳动，并做到同工同酬。", decentWork.label().zh());
        assertEquals("8.5.1. 男女雇员平均每小时收入，按职业、年龄和残疾人分列。\n8.5.2. 失业率，按性别、年龄和残疾人分列。",
                ((Text) decentWork.value("indicators")).zh());
        assertEquals(new Text("所有成果目标", "All outcomes"), decentWork.value("outcomes"));
        assertEquals("成果目标 1\n成果目标 2\n成果目标 6\n成果目标 7", ((Text) ii1.row("5.1").value("outcomes")).zh());
        assertEquals("Outcome 1\nOutcome 2\nOutcome 7", ((Text) ii1.row("8.8").value("outcomes")).en());
        assertEquals(null, ii1.row("3.8").value("indicators"), "3.8 has no indicator in the results framework");
        // The tidy CSV: one line per target and indicator, 28 targets of which 2 have two indicators.
        List<TidyRows.Line> lines = ii1.tidy().lines();
        assertEquals(30, lines.size());
        assertEquals(14, lines.stream().filter(l -> !l.value("sdg_indicator", Language.ZH).isEmpty()).count(),
                "the 14 SDG indicators of the results framework");
        TidyRows.Line unemployment = lines.stream().filter(l -> l.key().equals("8.5.2")).findFirst().orElseThrow();
        assertEquals("8", unemployment.value("sdg_goal", Language.ZH));
        assertEquals("8.5", unemployment.value("sdg_target", Language.ZH));
        assertEquals("ALL", unemployment.value("outcomes", Language.ZH));
        assertEquals("Unemployment rate, by sex, age and persons with disabilities.", unemployment.value("sdg_indicator_text", Language.EN));
        // One value a CSV reader splits on one character: ";" with no spaces (stop 80: "1 2 7").
        assertEquals("1;2;7", lines.stream().filter(l -> l.key().equals("8.8.2")).findFirst().orElseThrow().value("outcomes", Language.EN));
        // 9.3 is printed with 8.b's text: kept, and a note says so in each edition.
        assertEquals(ii1.row("9.3").label().zh().substring(5), ii1.row("8.b").label().zh().substring(5));
        assertTrue(ii1.footnotes().stream().anyMatch(n -> n.zh().contains("9.3") && n.zh().contains("8.b") && n.en().contains("9.3")),
                "note on 9.3: " + ii1.footnotes());
    }

    @Test
    void theRiskRegisterHasNineRisksInFourPrintedColumns() {
        Table risk = pub.tables().get("risk");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), risk.rows().stream().map(Row::key).toList());
        assertEquals(List.of("潜在后果", "评注", "劳工局的拟议答复"), org.pbannex.render.OutputColumns.printed(risk).stream().map(c -> c.heading().zh()).toList());
        assertEquals("风险事件", risk.labelHeading().zh());
        assertEquals("6.劳工组织未能吸引、招聘和留住具备必要技能的工作人员，以满足不断变化的业务和战略要求。", risk.row("6").label().zh(),
                "the justification spaces of the extraction are gone");
        assertEquals(3, ((Text) risk.row("4").value("response")).zh().split("\n").length, "risk 4's response has three paragraphs");
        assertEquals(3, ((Text) risk.row("4").value("response")).en().split("\n").length);
        assertTrue(risk.wide(), "four columns of prose print landscape");
    }

    @Test
    void tableII1IsLinkedToAppendixIOnEveryRun() {
        List<CheckResult> checks = pub.checks().results().stream().filter(c -> c.name().startsWith("ii1.")).toList();
        assertEquals(14 * 3, checks.size(), "three checks per SDG indicator: " + checks);
        assertTrue(checks.stream().allMatch(CheckResult::passed), checks.toString());
        assertFalse(pub.checks().results().isEmpty());
    }
}
