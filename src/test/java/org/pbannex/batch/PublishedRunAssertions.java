package org.pbannex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.EditionLanguage;
import org.pbannex.Golden;
import org.pbannex.ingest.InputSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every published 2022-23 run must hold, read back from the files themselves. */
final class PublishedRunAssertions {

    private PublishedRunAssertions() {
    }

    static void assertCompleteRun(Path run) throws Exception {
        for (String f : List.of("manifest.json", "report.html", "pb-annexes-2022-23.zh.xlsx", "pb-annexes-2022-23.zh.pdf",
                "pb-annexes-2022-23.en.xlsx", "pb-annexes-2022-23.en.pdf")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), "published " + f);
        }
        assertManifest(run);
        assertCsvEqualsGolden(run);
        assertWorkbook(run.resolve("pb-annexes-2022-23.zh.xlsx"));
        assertPdfText(run.resolve("pb-annexes-2022-23.zh.pdf"), List.of("国际劳工大会", "资料附件 1", "25 073 643",
                "790 640 000", "803 548 920", "-6 303 318", "27 / 1", "1 966 / 8", "合计(第一编至第四编)",
                "表 I.2", "政策成果目标", "产出 1.1. 提高雇主和企业会员组织的机构能力", "ILOSTAT 数据库", "按区域分列的目标合计"));
        assertPdfText(run.resolve("pb-annexes-2022-23.en.pdf"), List.of("International Labour Conference", "25,073,643",
                "803,548,920", "Table I.2", "ILOSTAT database", "Sum of regional targets by region"));

        assertDocumentTables(run);
        assertMarkedDifference(run);
        assertSyntheticFigure2(run);
        assertEditionsSpeakTheirLanguage(run);
    }

    static void assertManifest(Path run) throws IOException {
        JsonNode m = JsonMapper.builder().build().readTree(run.resolve("manifest.json").toFile());
        assertEquals(run.getFileName().toString(), m.path("run_id").asString());
        assertEquals(0, m.path("checks").path("failed").asInt());
        assertTrue(m.path("checks").path("passed").asInt() >= 650, "checks passed: " + m.path("checks").path("passed"));
        assertEquals(m.path("checks").path("passed").asInt(), m.path("checks").path("results").size());
        int resources = JsonMapper.builder().build().readTree(Golden.input().resolve("datapackage.json").toFile())
                .path("resources").size();
        // A resource the biennium amends by key (texts) is two inputs: the shared file and the biennium's own.
        long own;
        try (var files = java.nio.file.Files.list(Golden.input().resolve("2022-23/reference"))) {
            own = files.count();
        }
        assertEquals(resources + own, m.path("inputs").size(), "every resource of input/datapackage.json, and 2022-23/reference/");
        assertEquals("datapackage.json", m.path("data_package").asString(), "the manifest points to the CSVs' data package");
        assertTrue(Files.isRegularFile(run.resolve(m.path("data_package").asString())));
        List<String> listed = new java.util.ArrayList<>();
        for (JsonNode o : m.path("outputs")) {
            Path f = run.resolve(o.path("path").asString());
            assertEquals(o.path("sha256").asString(), InputSet.sha256(f), "checksum of " + f);
            assertEquals(o.path("bytes").asLong(), Files.size(f), "size of " + f);
            listed.add(o.path("path").asString());
        }
        try (var files = Files.walk(run)) {
            assertEquals(files.filter(Files::isRegularFile).sorted().map(f -> run.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("manifest.json")).toList(), listed,
                    "the manifest lists every file of the run but itself (the report included), in path order");
        }
    }

    /** The tidy CSVs parse, follow the contract's columns and hold the printed figures. */
    static void assertCsvEqualsGolden(Path run) throws IOException {
        List<Map<String, String>> a1 = values(read(run.resolve("csv/a1.csv")));
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "prof_years", "prof_months", "gs_years", "gs_months",
                "staff_costs", "non_staff_costs", "total"), header(run.resolve("csv/a1.csv")));
        assertEquals("790640000", a1.get(a1.size() - 1).get("total"), "a1 grand total");
        if (Golden.available()) {
            assertCsvCellsEqualGolden(run, a1);
        }
        assertCsvHeaders(run);
    }

    private static void assertCsvCellsEqualGolden(Path run, List<Map<String, String>> a1) throws IOException {
        List<Map<String, String>> g1 = Golden.read("annex1_operational_budget.csv");
        assertEquals(g1.size(), a1.size());
        for (int i = 0; i < g1.size(); i++) {
            for (String col : List.of("label_zh", "row_type", "prof_years", "prof_months", "gs_years", "gs_months", "staff_costs",
                    "non_staff_costs", "total")) {
                assertEquals(g1.get(i).get(col), a1.get(i).get(col), "a1.csv row " + (i + 1) + " " + col);
            }
        }
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "budget_previous", "constant", "programme_change",
                "programme_change_pct", "cost_change", "cost_change_pct", "recosted", "pct_of_total"), header(run.resolve("csv/a2.csv")));
        List<Map<String, String>> a2 = values(read(run.resolve("csv/a2.csv")));
        List<Map<String, String>> g2 = Golden.read("annex2_cost_increases.csv");
        String[][] pairs = {{"budget_2020_21", "budget_previous"}, {"constant_2022_23", "constant"}, {"programme_change", "programme_change"},
                {"programme_change_pct", "programme_change_pct"}, {"cost_change", "cost_change"}, {"cost_change_pct", "cost_change_pct"},
                {"recosted_2022_23", "recosted"}, {"pct_of_total", "pct_of_total"}};
        for (int i = 0; i < g2.size(); i++) {
            for (String[] p : pairs) {
                assertEquals(g2.get(i).get(p[0]), a2.get(i).get(p[1]), "a2.csv row " + (i + 1) + " " + p[1]);
            }
        }
    }

    private static void assertCsvHeaders(Path run) throws IOException {
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "budget_previous", "constant", "recosted"),
                header(run.resolve("csv/t1.csv")));
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "expenditure_previous", "expenditure",
                "income_previous_usd", "income_previous_chf", "income_usd", "income_chf"), header(run.resolve("csv/br.csv")));
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "constant", "cost_adjustment", "rate_pct"),
                header(run.resolve("csv/a2-2.csv")));
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "rate_pct"), header(run.resolve("csv/a2-1.csv")));
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "constant", "recosted"), header(run.resolve("csv/a3.csv")));
        for (String id : List.of("i1", "i2", "i3")) {
            assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "code", "level", "outcome", "output", "count_unit", "indicator",
                    "verification", "baselines", "target", "target_total", "target_unit", "AF", "AM", "AS", "AP", "EU"),
                    header(run.resolve("csv/" + id + ".csv")), id + ".csv columns");
        }
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "outcome", "region", "count_unit", "target_sum",
                "indicators"), header(run.resolve("csv/rt.csv")));
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "outcome", "rb_previous", "xb_previous", "rbsa_previous", "rb",
                "xb", "rbsa"), header(run.resolve("csv/t2.csv")));
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "outcome", "contributor", "total_usd", "share_pct",
                "confidence"), header(run.resolve("csv/a4.csv")));
        // How surely each stated share belongs to its outcome; nothing on the rows that are no stated share.
        Map<String, String> confidence = new java.util.LinkedHashMap<>();
        values(read(run.resolve("csv/a4.csv"))).forEach(r -> confidence.put(r.get("row_key"), r.get("confidence")));
        assertEquals(List.of("moderate", "low", "", "", ""), List.of(confidence.get("1.1"), confidence.get("2.2"),
                confidence.get("1.rest"), confidence.get("1"), confidence.get("3.rest")));
        // The first indicator (outcome 1's "待制定。" before it is set as an indicator row, but is none).
        Map<String, String> first = values(read(run.resolve("csv/i2.csv"))).stream()
                .filter(r -> !r.get("row_key").endsWith(".placeholder")).findFirst().orElseThrow();
        assertEquals("1.1.1", first.get("code"));
        assertEquals("20 (2019 年); 24 (2021 年*)", first.get("baselines"));
        assertEquals("24", first.get("target_total"));
        assertEquals("7", first.get("AF"));
        List<Map<String, String>> rt = values(read(run.resolve("csv/rt.csv")));
        Map<String, String> allMemberStates = rt.stream().filter(r -> r.get("row_key").equals("ALL.MS.ALL")).findFirst().orElseThrow();
        assertEquals("728", allMemberStates.get("target_sum"));
        assertEquals("49", allMemberStates.get("indicators"));
    }

    /** Numbers are numeric cells; every table has its sheet. */
    static void assertWorkbook(Path xlsx) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        // Read-only: a workbook opened from a File is written back when closed, which would change the published file.
        try (XSSFWorkbook wb = new XSSFWorkbook(org.apache.poi.openxml4j.opc.OPCPackage.open(xlsx.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ))) {
            for (String id : List.of("t1", "t2", "br", "i1", "i2", "i3", "rt", "a1", "a2", "a2-1", "a2-2", "a3", "a4")) {
                assertTrue(sheet(wb, id) != null, "sheet " + id);
                assertEquals(1, ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet(wb, id)).getTables().size(),
                        "one Excel table on sheet " + id);
            }
            Sheet a1 = sheet(wb, "a1");
            assertEquals("a1 实施预算", a1.getSheetName(), "the sheet name says what it holds");
            Cell staff = find(a1, "国际劳工大会", 21611293d);
            assertEquals(CellType.NUMERIC, staff.getCellType());
            Cell grand = find(a1, "合计(第一编至第四编)", 790640000d);
            assertEquals(CellType.NUMERIC, grand.getCellType());
            // Appendix I: long text in wrapped cells, regional counts as numbers; rt carries its chart.
            Cell africa = findStartingWith(sheet(wb, "i2"), "1.1.1. ", 7d);
            assertEquals(CellType.NUMERIC, africa.getCellType());
            // rt's charts are on a sheet of their own ("rt 图表"), after the table's: one chart per unit of count
            // (organizations, member States, ...), never two units on one axis.
            var charts = (org.apache.poi.xssf.usermodel.XSSFSheet) wb.getSheetAt(wb.getSheetIndex(sheet(wb, "rt")) + 1);
            var drawing = charts.getDrawingPatriarch();
            assertTrue(drawing != null && drawing.getCharts().size() >= 2, "rt has a chart per unit of count on " + charts.getSheetName());
            var frame = drawing.getCTDrawing().getTwoCellAnchorArray(0).getGraphicFrame().getNvGraphicFramePr().getCNvPr();
            assertTrue(frame.getDescr().matches(".*非洲 \\d+.*欧洲和中亚 \\d+.*"), "chart alt text gives the figures per region: "
                    + frame.getDescr());
            // a4's two pies are drawn one size: one legend position and one plot area, set in the file (left to the
            // program, a pie's size followed its legend's: the second, with three entries beside it, came out larger).
            var pies = (org.apache.poi.xssf.usermodel.XSSFSheet) wb.getSheetAt(wb.getSheetIndex(sheet(wb, "a4")) + 1);
            List<String> layouts = pies.getDrawingPatriarch().getCharts().stream().map(c -> {
                var chart = c.getCTChart();
                assertEquals(1, chart.getPlotArea().selectPath("declare namespace c='"
                        + "http://schemas.openxmlformats.org/drawingml/2006/chart' ./c:layout").length, "a pie's plot area has one layout");
                var area = chart.getPlotArea().isSetLayout() && chart.getPlotArea().getLayout().isSetManualLayout()
                        ? chart.getPlotArea().getLayout().getManualLayout() : null;
                return chart.getLegend().getLegendPos().getVal() + " "
                        + (area == null ? "automatic" : area.getW().getVal() + " x " + area.getH().getVal());
            }).toList();
            assertEquals(2, layouts.size(), "a4's pies");
            assertEquals(layouts.get(0), layouts.get(1), "a4's pies: legend and plot area");
            assertTrue(!layouts.get(0).endsWith("automatic"), "a4's pies: plot area " + layouts.get(0));
        }
    }

    /**
     * The tables of text and typed figures (sa, ii1, risk) in every format: the CSV contract's columns and the printed
     * figures, a sheet with one Excel table each, their titles and figures in both PDFs.
     */
    static void assertDocumentTables(Path run) throws Exception {
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "financial_period", "amount_usd"),
                header(run.resolve("csv/sa.csv")));
        List<Map<String, String>> sa = values(read(run.resolve("csv/sa.csv")));
        if (Golden.available()) {
            List<Map<String, String>> golden = Golden.read("supplementary_authorizations.csv");
            assertEquals(golden.size(), sa.size());
            for (int i = 0; i < golden.size(); i++) {
                assertEquals(golden.get(i).get("financial_period"), sa.get(i).get("financial_period"), "sa.csv row " + (i + 1));
                assertEquals(golden.get(i).get("usd"), sa.get(i).get("amount_usd"), "sa.csv row " + (i + 1));
            }
        }
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "sdg_goal", "sdg_target", "sdg_target_text",
                "sdg_indicator", "sdg_indicator_text", "outcomes"), header(run.resolve("csv/ii1.csv")));
        List<Map<String, String>> ii1 = values(read(run.resolve("csv/ii1.csv")));
        assertEquals(30, ii1.size(), "28 targets, two of them with two indicators");
        assertEquals(28, ii1.stream().map(r -> r.get("sdg_target")).distinct().count());
        Map<String, String> unemployment = ii1.stream().filter(r -> r.get("sdg_indicator").equals("8.5.2")).findFirst().orElseThrow();
        assertEquals("失业率，按性别、年龄和残疾人分列。", unemployment.get("sdg_indicator_text"), "text in the run's first language");
        assertEquals("ALL", unemployment.get("outcomes"));
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "risk", "event", "consequences", "comments", "response"),
                header(run.resolve("csv/risk.csv")));
        List<Map<String, String>> risk = values(read(run.resolve("csv/risk.csv")));
        assertEquals(9, risk.size());
        assertEquals(3, risk.get(3).get("response").split("\n").length, "risk 4's three paragraphs survive the CSV");
        for (String lang : List.of("zh", "en")) {
            try (XSSFWorkbook wb = readOnly(run.resolve("pb-annexes-2022-23." + lang + ".xlsx"))) {
                for (String id : List.of("sa", "ii1", "risk")) {
                    assertTrue(sheet(wb, id) != null, lang + " sheet " + id);
                    assertEquals(1, ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet(wb, id)).getTables().size(), "one Excel table on " + id);
                }
                Cell last = find(sheet(wb, "sa"), "2018-2019", 5216301d);
                assertEquals(CellType.NUMERIC, last.getCellType());
            }
        }
        assertPdfText(run.resolve("pb-annexes-2022-23.zh.pdf"), List.of("表 II.1", "劳工组织战略风险登记册", "劳工局的拟议答复",
                "理事会在最近几个财政期批准的追加开支授权总额", "5 216 301", "所有成果目标"));
        assertPdfText(run.resolve("pb-annexes-2022-23.en.pdf"), List.of("Table II.1", "ILO strategic risk register",
                "The Office's proposed response", "5,216,301", "All outcomes"));
    }

    /** Table 2's outcome 8 figure, which differs from the print, carries its note marker; the note is in the edition's language. */
    static void assertMarkedDifference(Path run) throws Exception {
        assertPdfText(run.resolve("pb-annexes-2022-23.zh.pdf"), List.of("†", "† （pb-annex 的说明）印刷版为 43.0，本表为 43.1。"));
        assertPdfText(run.resolve("pb-annexes-2022-23.en.pdf"), List.of("†", "† (pb-annex's note) Printed as 43.0; published as 43.1."));
        try (XSSFWorkbook wb = readOnly(run.resolve("pb-annexes-2022-23.zh.xlsx"))) {
            Sheet t2 = sheet(wb, "t2");
            String label = null;
            for (Row r : t2) {
                Cell first = r.getCell(0);
                if (first != null && first.getStringCellValue().startsWith("成果目标 8：")) {
                    label = first.getStringCellValue();
                }
            }
            assertTrue(label != null && label.matches(".* \\[注释 \\d+\\]"), "the row says which note: " + label);
            String number = label.replaceAll(".*\\[注释 (\\d+)\\]", "$1");
            Sheet notes = wb.getSheet("注释");
            boolean found = false;
            for (Row r : notes) {
                Cell n = r.getCell(0);
                if (n != null && n.getCellType() == CellType.STRING && n.getStringCellValue().equals("[注释 " + number + "]")) {
                    // Columns: number, applies to, the printed marker, the note's text.
                    found = r.getCell(2).getStringCellValue().equals("†")
                            && r.getCell(3).getStringCellValue().startsWith("（pb-annex 的说明）印刷版为 43.0，本表为 43.1。");
                }
            }
            assertTrue(found, "note " + number + " on the Notes sheet is the outcome 8 note");
            assertEquals(CellType.NUMERIC, find(t2, label, 43.1d).getCellType(), "the figure stays a number");
        }
    }

    /**
     * Figure 2 from the bundled synthetic sample: every CSV line says synthetic, and its 2020-21 and 2022-23 totals are
     * Table 2's XB totals to the cent.
     */
    static void assertSyntheticFigure2(Path run) throws IOException {
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "region", "biennium", "status", "amount_usd", "synthetic"),
                header(run.resolve("csv/f2.csv")));
        List<Map<String, String>> f2 = values(read(run.resolve("csv/f2.csv")));
        assertTrue(f2.stream().allMatch(r -> r.get("synthetic").equals("true")), "every line of the sample is synthetic");
        Map<String, java.math.BigDecimal> totals = new java.util.TreeMap<>();
        f2.forEach(r -> totals.merge(r.get("biennium"), new java.math.BigDecimal(r.get("amount_usd")), java.math.BigDecimal::add));
        assertEquals(new java.math.BigDecimal("470000000.00"), totals.get("2020-21"), "Table 2's XB 2020-21");
        assertEquals(new java.math.BigDecimal("520000000.00"), totals.get("2022-23"), "Table 2's XB 2022-23");
    }

    /** A published workbook opened read-only: closing it must not write the file (its checksum is in the manifest). */
    private static XSSFWorkbook readOnly(Path xlsx) throws Exception {
        return new XSSFWorkbook(org.apache.poi.openxml4j.opc.OPCPackage.open(xlsx.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ));
    }

    /** The Chinese edition has no English word, the English one no Chinese character (codes and units aside), PDF and workbook. */
    static void assertEditionsSpeakTheirLanguage(Path run) throws IOException {
        for (org.pbannex.table.Language lang : org.pbannex.table.Language.values()) {
            String base = "pb-annexes-2022-23." + lang.code();
            List<String> foreign = new ArrayList<>();
            EditionLanguage.foreignWords(EditionLanguage.pdfText(run.resolve(base + ".pdf")), lang).forEach(w -> foreign.add("PDF " + w));
            EditionLanguage.foreignWords(EditionLanguage.workbookText(run.resolve(base + ".xlsx")), lang)
                    .forEach(w -> foreign.add("workbook " + w));
            assertEquals(java.util.Set.of(lang.tag()), EditionLanguage.chartTextLanguages(run.resolve(base + ".xlsx")),
                    "the " + lang.code() + " workbook's chart text tagged with its language");
            assertEquals(List.of(), foreign, "the " + lang.code() + " edition in its own language");
        }
    }

    /** A table's sheet: named by its id, then a few words ("a1 实施预算"). */
    static Sheet sheet(org.apache.poi.ss.usermodel.Workbook wb, String id) {
        for (Sheet s : wb) {
            if (s.getSheetName().equals(id) || s.getSheetName().startsWith(id + " ")) {
                return s;
            }
        }
        return null;
    }

    private static Cell findStartingWith(Sheet sheet, String labelStart, double value) {
        for (Row r : sheet) {
            Cell first = r.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().startsWith(labelStart)) {
                return find(sheet, first.getStringCellValue().strip(), value);
            }
        }
        throw new AssertionError("no row starting '" + labelStart + "' on sheet " + sheet.getSheetName());
    }

    private static Cell find(Sheet sheet, String label, double value) {
        for (Row r : sheet) {
            Cell first = r.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().strip().equals(label)) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() == value) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError("no numeric cell " + value + " on the row '" + label + "' of sheet " + sheet.getSheetName());
    }

    static void assertPdfText(Path pdf, List<String> expected) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            for (String e : expected) {
                assertTrue(text.contains(e), pdf.getFileName() + " should contain '" + e + "'");
            }
        }
    }

    private static List<String[]> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); var reader = new com.opencsv.CSVReader(r)) {
            return reader.readAll();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    private static List<String> header(Path csv) throws IOException {
        return List.of(read(csv).get(0));
    }

    /** Rows other than headings, as maps by column. */
    private static List<Map<String, String>> values(List<String[]> rows) {
        String[] h = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[1].equals("heading")) {
                continue;
            }
            Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i < h.length; i++) {
                m.put(h[i], r[i]);
            }
            out.add(m);
        }
        return out;
    }

}
