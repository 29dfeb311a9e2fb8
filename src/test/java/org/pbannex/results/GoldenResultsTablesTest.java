package org.pbannex.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * Appendix I computed from input/ against the printed tables: every indicator's baselines, target text, countable
 * total, unit and regional counts equal ../shared/golden/appendix1_indicators.csv, and the rt figures equal sums
 * recomputed here from the golden file alone.
 */
class GoldenResultsTablesTest {

    static ComputedPublication pub;
    static final String[][] REGIONS = {{"africa", "AF"}, {"americas", "AM"}, {"arab_states", "AS"}, {"asia_pacific", "AP"},
            {"europe_central_asia", "EU"}};

    @BeforeAll
    static void compute() {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
    }

    static List<Row> indicatorRows() {
        List<Row> rows = new ArrayList<>();
        for (String id : List.of("i1", "i2", "i3")) {
            // Outcome 1's "待制定。" is set as an indicator row but is not an indicator.
            pub.tables().get(id).rows().stream().filter(r -> r.type() == RowType.UNIT && !r.key().endsWith(".placeholder"))
                    .forEach(rows::add);
        }
        return rows;
    }

    static String zh(Object v) {
        return v == null ? "" : v instanceof Text t ? t.zh() : v.toString();
    }

    @Test
    void everyIndicatorEqualsThePrintedTable() {
        List<Map<String, String>> golden = Golden.read("appendix1_indicators.csv");
        List<Row> rows = indicatorRows();
        assertEquals(108, golden.size());
        assertEquals(golden.size(), rows.size(), "indicator count");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            Row r = rows.get(i);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("row_key", g.get("code"));
            expected.put("outcome", g.get("outcome"));
            expected.put("output", g.get("output"));
            expected.put("baselines", g.get("baselines"));
            expected.put("target", g.get("target_text"));
            expected.put("target_total", g.get("target_total"));
            expected.put("target_unit", g.get("target_unit_zh"));
            for (String[] reg : REGIONS) {
                expected.put(reg[1], g.get(reg[0]));
            }
            for (var e : expected.entrySet()) {
                String actual = e.getKey().equals("row_key") ? r.key() : zh(r.value(e.getKey()));
                // The transcription drops a footnote marker after a baseline (NOTES.md: 待定。3 is given as 待定。); the
                // marker's place is BaselineFootnoteMarkerTest's.
                actual = e.getKey().equals("baselines") ? org.pbannex.table.NoteMarker.strip(actual) : actual;
                if (!e.getValue().equals(actual)) {
                    failures.add(g.get("code") + " " + e.getKey() + ": printed '" + e.getValue() + "', computed '" + actual + "'");
                }
            }
            // The printed code is the row's code where it is one (1.1.1), and empty where the golden file has a slug.
            String code = g.get("code").matches("([0-9]+|[A-Z])\\.[0-9]+\\.[0-9]+") ? g.get("code") : "";
            if (!code.equals(zh(r.value("code")))) {
                failures.add(g.get("code") + " code: computed '" + zh(r.value("code")) + "'");
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " differences:\n" + String.join("\n", failures));
    }

    /** The indicator texts, means of verification and output titles are not in the golden file: they must be in the seed. */
    @Test
    void indicatorTextsAreThoseOfTheSourceDocument() {
        String source = Golden.seedText().replaceAll("\\s+", "");
        ResultsFramework rf = ResultsFramework.from(pub.inputs(), pub.reference());
        List<String> missing = new ArrayList<>();
        for (ResultsFramework.Indicator i : rf.indicators()) {
            for (String text : List.of(i.text().zh(), i.verification().zh())) {
                if (!source.contains(text.replaceAll("\\s+", ""))) {
                    missing.add(i.id() + ": " + text);
                }
            }
        }
        rf.outputs().forEach(o -> {
            if (!source.contains(o.title().zh().replaceAll("\\s+", ""))) {
                missing.add(o.code() + ": " + o.title().zh());
            }
        });
        rf.outcomes().forEach(o -> {
            if (!source.contains(o.title().zh().replaceAll("\\s+", ""))) {
                missing.add(o.code() + ": " + o.title().zh());
            }
        });
        assertTrue(missing.isEmpty(), "not found in the seed document:\n" + String.join("\n", missing));
        assertEquals(108, rf.indicators().size());
        assertEquals(44, rf.outputs().size());
    }

    /** rt recomputed from the golden file: per outcome and unit the regional sums and indicator counts, and the totals. */
    @Test
    void regionalTargetsEqualSumsOfThePrintedSplits() {
        Map<String, long[]> targets = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> unitCodes = new LinkedHashMap<>();
        pub.reference().targetUnits().forEach(u -> unitCodes.put(u.label().zh(), u.code()));
        int split = 0;
        for (Map<String, String> g : Golden.read("appendix1_indicators.csv")) {
            if (g.get("africa").isEmpty() && g.get("americas").isEmpty() && g.get("arab_states").isEmpty()
                    && g.get("asia_pacific").isEmpty() && g.get("europe_central_asia").isEmpty()) {
                continue;
            }
            split++;
            String unit = unitCodes.get(g.get("target_unit_zh"));
            for (String key : List.of(g.get("outcome") + "." + unit, "ALL." + unit)) {
                long[] t = targets.computeIfAbsent(key, k -> new long[6]);
                long[] n = counts.computeIfAbsent(key, k -> new long[6]);
                for (int r = 0; r < 5; r++) {
                    String v = g.get(REGIONS[r][0]);
                    if (!v.isEmpty()) {
                        t[r] += Long.parseLong(v);
                        n[r]++;
                    }
                }
                t[5] += Long.parseLong(g.get("target_total"));
                n[5]++;
            }
        }
        assertEquals(56, split, "indicators with a regional split, as NOTES.md states");
        Table rt = pub.tables().get("rt");
        List<Row> valued = rt.rows().stream().filter(r -> r.type() != RowType.HEADING).toList();
        assertEquals(targets.size(), valued.size(), "one rt row per outcome and unit, and per unit in total");
        for (Row r : valued) {
            long[] t = targets.get(r.key());
            long[] n = counts.get(r.key());
            assertTrue(t != null, "rt row " + r.key() + " has printed indicators");
            for (int i = 0; i < 5; i++) {
                assertEquals(t[i], r.amount("target_" + REGIONS[i][1]), r.key() + " target " + REGIONS[i][1]);
                assertEquals(n[i], r.amount("indicators_" + REGIONS[i][1]), r.key() + " indicators " + REGIONS[i][1]);
            }
            assertEquals(t[5], r.amount("target_ALL"), r.key() + " target total");
            assertEquals(n[5], r.amount("indicators_ALL"), r.key() + " indicator count");
        }
        assertEquals(728L, rt.row("ALL.MS").amount("target_ALL"), "member States targeted over all outcomes");
        // A total row says so itself, so a workbook row sorted or filtered away from the "Total" heading is not taken
        // for an outcome's (the detail rows are named by their unit alone).
        assertEquals("合计：" + rt.row("1.MS").label().zh(), rt.row("ALL.MS").label().zh());
        assertEquals("Total: " + rt.row("1.MS").label().en(), rt.row("ALL.MS").label().en());
        // The tidy form: one line per rt cell row and region (5 regions + ALL).
        assertEquals(valued.size() * 6, rt.tidy().lines().size());
    }

    /** A baseline year marked * ("15 (2021*)") is explained as an estimate under every table that has one, I.3 too. */
    @Test
    void everyTableWithAnEstimatedBaselineSaysWhatItsStarMeans() {
        int marked = 0;
        for (String id : List.of("i1", "i2", "i3")) {
            Table t = pub.tables().get(id);
            boolean estimate = t.rows().stream().flatMap(r -> r.values().values().stream())
                    .anyMatch(v -> v instanceof Text x && x.en().matches("(?s).*\\(\\d{4}\\*\\).*"));
            if (estimate) {
                marked++;
                assertTrue(t.footnotes().stream().anyMatch(n -> n.en().equals("* Estimate.") || n.en().contains("* after a year marks an estimate")),
                        id + ": " + t.footnotes());
            }
        }
        assertTrue(marked >= 2, "I.2 and I.3 mark estimated baselines: " + marked);
    }

    /** English entries joined in one cell read as one sentence: "(2018-2020); UN funding", never ".;". */
    @Test
    void joinedEnglishEntriesHaveNoFullStopBeforeTheSemicolon() {
        List<String> bad = new ArrayList<>();
        int joined = 0;
        for (String id : List.of("i1", "i2", "i3")) {
            for (Row r : pub.tables().get(id).rows()) {
                for (Object v : r.values().values()) {
                    if (v instanceof Text t && t.en().contains("; ")) {
                        joined++;
                        if (t.en().contains(".;")) {
                            bad.add(r.key() + ": " + t.en());
                        }
                    }
                }
            }
        }
        assertTrue(joined >= 6, "cells with joined entries: " + joined);
        assertEquals(List.of(), bad);
    }
}
