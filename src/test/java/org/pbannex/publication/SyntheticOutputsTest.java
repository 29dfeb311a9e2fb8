package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled sample run whole, its estimates file emptied (Table 2's XB and RBSA then sum the synthetic lines, as
 * README allows) and its synthetic file renamed (erp-2016-2023.csv: synthetic by its mark line alone). Every output of
 * the run is read back and none shows Table 2's line-derived figures without saying they are synthetic, in either
 * language: the report (not "estimates", tester case 31; the file whose name and first line disagree said), the
 * manifest, the data package (the resource and each such field), both HTML editions, both workbooks and both PDFs.
 */
class SyntheticOutputsTest {

    private static final String FILE = "input/expenditure/erp-2016-2023.csv";
    private static final String CAVEAT_EN = "Table 2's figures in these columns are sums of synthetic expenditure lines";
    private static final String CAVEAT_ZH = "表 2 以下各栏的数字为合成的支出明细之和";

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runTheSample() throws Exception {
        Path input = TestInputs.withoutEstimates(tmp.resolve("input"));
        Files.move(input.resolve("expenditure/synthetic-2016-2023.csv"), input.resolve("expenditure/erp-2016-2023.csv"));
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        run = tmp.resolve("out/2022-23/latest").toRealPath();
    }

    /** Table 2's XB beside Figure 2: each figure of Table 2 marked synthetic, the caption saying they are no estimates. */
    @Test
    void theReportCallsTable2sFiguresSyntheticNotEstimates() throws Exception {
        Document html = Jsoup.parse(run.resolve("report.html").toFile());
        assertEquals("zh-CN", html.selectFirst("html").attr("lang"), "the nightly job's first edition is Chinese");
        Element xb = html.selectFirst("#xb-heading + .table-scroll > table");
        String caption = xb.selectFirst("caption").text();
        assertTrue(caption.contains("表 2 为估计数，但标有（合成）的表 2 数字除外") && caption.contains("合成支出明细行之和，并非劳工组织的数据"),
                caption);
        assertEquals("表 2（预算外）", xb.select("thead th").get(2).text(), "no column of 'estimates'");
        for (String biennium : List.of("2020-21", "2022-23")) {
            Element row = xb.select("tbody tr").stream().filter(tr -> tr.selectFirst("th").text().startsWith(biennium)).findFirst()
                    .orElseThrow();
            assertTrue(row.select("td").get(1).text().endsWith("（合成）"), row.text());
        }
        List<String> warnings = html.select(".warning li").eachText();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("t2") && w.contains(CAVEAT_ZH)), warnings.toString());
        assertTrue(warnings.contains(FILE + "：合成数据，并非劳工组织的数据：第一行标明为合成数据，文件名则未以 synthetic 开头"
                + "（若其中为真实明细行，请删除该标记行）"), warnings.toString());
    }

    @Test
    void theManifestAndTheDataPackageSayIt() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode manifest = json.readTree(run.resolve("manifest.json").toFile());
        assertEquals(FILE, manifest.get("expenditure_lines").get(0).get("file").asString());
        assertTrue(manifest.get("expenditure_lines").get(0).get("synthetic").asBoolean());
        JsonNode t2 = null;
        for (JsonNode r : json.readTree(run.resolve("datapackage.json").toFile()).get("resources")) {
            t2 = r.get("name").asString().equals("t2") ? r : t2;
        }
        assertEquals("csv/t2.csv", t2.get("path").asString(), "the data package describes the CSV, which has no room for notes");
        assertTrue(t2.get("description").asString().contains(CAVEAT_EN), t2.toString());
        assertTrue(t2.get("pbannex:description_zh").asString().contains(CAVEAT_ZH), t2.toString());
        for (JsonNode field : t2.get("schema").get("fields")) {
            String name = field.get("name").asString();
            boolean lines = List.of("xb_previous", "rbsa_previous", "xb", "rbsa").contains(name);
            assertEquals(lines, field.get("description").asString().contains("(synthetic data: this column's figures are sums of "
                    + "synthetic expenditure lines, not ILO data)"), field.toString());
            assertEquals(lines, field.get("pbannex:description_zh").asString().contains("（合成数据：本栏数字为合成的支出明细之和，"
                    + "并非劳工组织的数据）"), field.toString());
        }
    }

    @Test
    void bothHtmlEditionsSayItAtTable2AndOnTheCover() throws Exception {
        for (String lang : List.of("en", "zh")) {
            String text = Jsoup.parse(run.resolve("pb-annexes-2022-23." + lang + ".html").toFile()).text();
            assertTrue(text.contains(lang.equals("en") ? CAVEAT_EN : CAVEAT_ZH), lang);
            assertTrue(text.contains(FILE + " — " + (lang.equals("en") ? "synthetic data, not ILO data" : "合成数据，并非劳工组织的数据")),
                    lang);
        }
    }

    @Test
    void bothWorkbooksSayIt() throws Exception {
        for (String lang : List.of("en", "zh")) {
            try (XSSFWorkbook wb = new XSSFWorkbook(run.resolve("pb-annexes-2022-23." + lang + ".xlsx").toFile())) {
                // The cover's warnings, Table 2's own sheet, and the Run sheet's input files.
                assertTrue(text(wb.getSheetAt(0)).contains(lang.equals("en") ? CAVEAT_EN : CAVEAT_ZH), lang + " cover, the first sheet");
                Sheet t2 = null;
                for (Sheet sheet : wb) {
                    t2 = sheet.getSheetName().startsWith("t2 ") ? sheet : t2;
                }
                assertTrue(text(t2).contains(lang.equals("en") ? CAVEAT_EN : CAVEAT_ZH), lang + ": " + t2.getSheetName());
                assertTrue(text(wb.getSheetAt(wb.getNumberOfSheets() - 1)).contains(FILE), lang + " run sheet, the last");
            }
        }
    }

    @Test
    void bothPdfsSayItOnTheCoverAndAtTable2() throws Exception {
        for (String lang : List.of("en", "zh")) {
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(run.resolve("pb-annexes-2022-23." + lang + ".pdf").toFile())) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setEndPage(1);
                assertTrue(stripper.getText(pdf).contains(FILE), lang + " cover");
                stripper.setEndPage(pdf.getNumberOfPages());
                // Lines broken anywhere: compared without line ends (and, in Chinese, without any space).
                String text = stripper.getText(pdf).replaceAll("\\s+", lang.equals("en") ? " " : "");
                String caveat = lang.equals("en") ? CAVEAT_EN : CAVEAT_ZH.replace(" ", "");
                assertTrue(text.contains(caveat), lang);
            }
        }
    }

    private static String text(Sheet sheet) {
        StringBuilder b = new StringBuilder();
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    b.append(c.getStringCellValue()).append('\n');
                }
            }
        }
        return b.toString();
    }
}
