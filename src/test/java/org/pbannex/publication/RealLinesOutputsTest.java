package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.expenditure.LineFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled input with real expenditure lines only (tester 81a, F3, F2, F11): its synthetic file removed, a few ERP
 * lines of 2020-21 and 2022-23 in its place, its estimates file emptied, so that Figure 2 and Table 2's XB and RBSA
 * columns are sums of those lines. Every output names the lines as their source, never the printed Figure 2 or
 * Table 2: the workbooks' source lines, the data package's sources, the HTML and PDF editions' source line under
 * Figure 2 and Table 2, in both languages; the report's warnings are not headed "synthetic data", and its Figure 2
 * beside Table 2 calls Table 2's figures no estimates but sums of the same lines, which agree by construction.
 */
class RealLinesOutputsTest {

    private static final String FILE = "input/expenditure/erp-2020-2023.csv";
    private static final String F2_EN = "the expenditure lines (listed with the run's input files)";
    private static final String F2_ZH = "支出明细（列于运行的输入文件中）";
    private static final String T2_EN = "Estimated extra-budgetary expenditure 2020-2021; Estimated RBSA expenditure 2020-2021; "
            + "Estimated extra-budgetary expenditure 2022-2023; Estimated RBSA expenditure 2022-2023: the expenditure lines "
            + "(listed with the run's input files); the other columns: the printed document named on the cover";
    private static final String T2_ZH_END = "：支出明细（列于运行的输入文件中）；其他各栏：封面所列的印刷文件";

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runRealLines() throws Exception {
        Path input = TestInputs.withoutEstimates(tmp.resolve("input"));
        Files.delete(input.resolve("expenditure/synthetic-2016-2023.csv"));
        Files.writeString(input.resolve("expenditure/erp-2020-2023.csv"), LineFormat.HEADER + "\n"
                + "ERP0000001,2020-03,XB,ACTUAL,AF,KEN,WCF,1,STAFF,1250000.00\n"
                + "ERP0000002,2021-05,XB,ESTIMATE,AM,BRA,WCF,5,OTHER,2500000.00\n"
                + "ERP0000003,2020-07,RBSA,ACTUAL,AS,IND,WCF,3,GRANTS,750000.00\n"
                + "ERP0000004,2022-02,XB,ESTIMATE,AF,KEN,WCF,2,STAFF,3000000.00\n"
                + "ERP0000005,2023-01,XB,ESTIMATE,EU,ALB,WCF,A,OTHER,400000.00\n"
                + "ERP0000006,2022-09,RBSA,ESTIMATE,AM,BRA,WCF,7,STAFF,600000.00\n");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        run = tmp.resolve("out/2022-23/latest").toRealPath();
    }

    /** Each workbook's Figure 2 and Table 2 sheets name the lines as their source, not the print's Figure 2 or Table 2. */
    @Test
    void bothWorkbooksNameTheLines() throws Exception {
        for (String lang : List.of("en", "zh")) {
            try (XSSFWorkbook wb = new XSSFWorkbook(run.resolve("pb-annexes-2022-23." + lang + ".xlsx").toFile())) {
                List<String> f2 = lines(sheet(wb, "f2 "));
                List<String> t2 = lines(sheet(wb, "t2 "));
                String source = lang.equals("en") ? "Source: " : "资料来源：";
                assertTrue(f2.contains(source + (lang.equals("en") ? F2_EN : F2_ZH)), lang + ": " + f2);
                assertFalse(f2.stream().anyMatch(l -> l.startsWith(source) && l.contains("GB.341/PFA/1")), lang + ": " + f2);
                assertTrue(t2.stream().anyMatch(l -> l.startsWith(source) && (lang.equals("en") ? l.equals(source + T2_EN) : l.endsWith(T2_ZH_END))),
                        lang + ": " + t2);
                assertFalse(t2.stream().anyMatch(l -> l.startsWith(source) && l.contains("GB.341/PFA/1")), lang + ": " + t2);
            }
        }
    }

    /** f2 and t2 have sources of their own in the data package, the real lines' file, not the package's printed document. */
    @Test
    void theDataPackageNamesTheLinesFile() throws Exception {
        JsonNode pkg = JsonMapper.builder().build().readTree(run.resolve("datapackage.json").toFile());
        for (JsonNode r : pkg.get("resources")) {
            String name = r.get("name").asString();
            if (!List.of("f2", "t2").contains(name)) {
                continue;
            }
            JsonNode sources = r.get("sources");
            assertTrue(sources != null && sources.size() == 1, name + ": " + r);
            assertEquals(FILE, sources.get(0).get("path").asString(), name);
            assertEquals(name.equals("f2") ? F2_EN : T2_EN, sources.get(0).get("title").asString(), name);
            assertTrue(sources.get(0).get("pbannex:title_zh").asString().startsWith(name.equals("f2") ? F2_ZH : ""), name);
            assertFalse(sources.toString().contains("GB.341"), name + ": " + sources);
        }
    }

    /** The HTML and PDF editions print a source line under Figure 2 (before: none) and under Table 2, naming the lines. */
    @Test
    void bothHtmlAndPdfEditionsSayTheSourceUnderFigure2AndTable2() throws Exception {
        for (String lang : List.of("en", "zh")) {
            String f2 = lang.equals("en") ? "Source: " + F2_EN : "资料来源：" + F2_ZH;
            String html = Jsoup.parse(run.resolve("pb-annexes-2022-23." + lang + ".html").toFile()).text();
            assertTrue(html.contains(f2), lang + " html");
            assertTrue(html.contains(lang.equals("en") ? T2_EN : T2_ZH_END), lang + " html");
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(run.resolve("pb-annexes-2022-23." + lang + ".pdf").toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", lang.equals("en") ? " " : "");
                assertTrue(text.contains(lang.equals("en") ? f2 : f2.replace(" ", "")), lang + " pdf");
                assertTrue(text.contains(lang.equals("en") ? T2_EN : T2_ZH_END), lang + " pdf");
            }
        }
    }

    /**
     * The report (Chinese, the nightly job's first edition): its warnings, no synthetic data among them, are headed by
     * what they hold (the tables not in the print), not "synthetic data and tables not in the print".
     */
    @Test
    void theReportsWarningsAreNotHeadedSyntheticData() throws Exception {
        Document html = Jsoup.parse(run.resolve("report.html").toFile());
        assertEquals("zh-CN", html.selectFirst("html").attr("lang"));
        List<String> headings = html.select(".warning h2").eachText();
        assertTrue(headings.contains("使用前请阅读：印刷版中没有的表格"), headings.toString());
        assertFalse(html.select(".warning").text().contains("合成"), "no word of synthetic data in a run without any");
    }

    /**
     * The report's Figure 2 beside Table 2: Table 2's XB figures, sums of the same real lines as Figure 2's, are no
     * "estimates" (the column and each figure say they are sums of the lines) and are said to agree by construction.
     */
    @Test
    void theReportCallsTable2sLineSumsNoEstimates() throws Exception {
        Document html = Jsoup.parse(run.resolve("report.html").toFile());
        Element xb = html.selectFirst("#xb-heading + .table-scroll > table");
        String caption = xb.selectFirst("caption").text();
        assertTrue(caption.contains("但标有（明细行之和）的表 2 数字除外") && caption.contains("两者按构造即相等"), caption);
        assertFalse(caption.endsWith("表 2 为估计数。"), caption);
        assertEquals("表 2（预算外）", xb.select("thead th").get(2).text(), "no column of 'estimates'");
        List<String> figures = new ArrayList<>();
        for (Element row : xb.select("tbody tr")) {
            figures.add(row.select("td").get(1).text());
        }
        assertTrue(figures.size() == 2 && figures.stream().allMatch(f -> f.endsWith("（明细行之和）")), figures.toString());
    }

    private static Sheet sheet(XSSFWorkbook wb, String prefix) {
        for (Sheet s : wb) {
            if (s.getSheetName().startsWith(prefix)) {
                return s;
            }
        }
        throw new AssertionError("no sheet " + prefix);
    }

    private static List<String> lines(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    out.add(c.getStringCellValue());
                }
            }
        }
        return out;
    }
}
