package org.pbannex.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestInputs;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.render.html.HtmlEditionWriter;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * Table 2 from synthetic lines (its estimates file emptied, as README allows: every XB and RBSA figure from the bundled
 * synthetic sample): wherever its figures are shown they are said to be invented, naming the columns, and the cover of
 * every edition names the synthetic file before any table.
 */
class SyntheticTable2EditionsTest {

    private static final String COLUMNS = "Estimated extra-budgetary expenditure 2020-2021; Estimated RBSA expenditure 2020-2021; "
            + "Estimated extra-budgetary expenditure 2022-2023; Estimated RBSA expenditure 2022-2023";

    @TempDir
    static Path tmp;
    static List<Table> tables;
    static PublicationInfo info;
    static ComputedPublication pub;

    @BeforeAll
    static void compute() throws Exception {
        Path input = TestInputs.withoutEstimates(tmp.resolve("input"));
        pub = Publication.compute(input, new Biennium(2022));
        tables = new ArrayList<>(pub.tables().values());
        PublicationInfo golden = GoldenEditions.info(pub);
        info = new PublicationInfo(golden.title(), golden.source(), "2022-23", "test-run", "2026-01-01T00:00:00Z", "test",
                Text.EMPTY, Text.EMPTY, List.of(), Text.EMPTY, null,
                List.of(new PublicationInfo.InputFile("input/expenditure/synthetic-2016-2023.csv", "", 20000, true)));
    }

    @Test
    void theCaveatAndTheSourceNameTheColumnsFromSyntheticLines() {
        Table t2 = pub.tables().get("t2");
        // And, the synthetic RBSA lines being booked to the enabling outcomes too, where those are.
        assertEquals("Table 2's figures in these columns are sums of synthetic expenditure lines and are not ILO data: " + COLUMNS + ". "
                + "Table 2's extra-budgetary and RBSA figures on the support services row are the sums of the expenditure lines booked "
                + "to the outcomes that have no row of their own (A, B, C); the policy outcomes subtotal is that of the outcome rows, "
                + "and the total that of all lines.", t2.caveat().en());
        assertEquals(COLUMNS + ": synthetic expenditure lines (listed with the run's input files), not ILO data; the other "
                + "columns: the printed document named on the cover", t2.source().en());
        assertTrue(t2.caveat().zh().startsWith("表 2 以下各栏的数字为合成的支出明细之和，并非劳工组织的数据："), t2.caveat().zh());
    }

    /** The Table 2 sheet, read back: the caveat under the title and the source line name the invented columns. */
    @Test
    void theWorkbooksTable2SheetSaysItUnderItsTitle() throws Exception {
        Path file = tmp.resolve("en.xlsx");
        XlsxWorkbookWriter.write(tables, Language.EN, info, GoldenEditions.wording(pub), file);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = wb.getSheet("t2 Strategic framework");
            List<String> lines = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                Row row = sheet.getRow(r);
                Cell c = row == null ? null : row.getCell(0);
                lines.add(c == null ? "" : c.getStringCellValue());
            }
            assertTrue(lines.get(1).contains("Table 2's figures in these columns are sums of synthetic expenditure lines"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Source: " + COLUMNS + ": synthetic expenditure lines")),
                    lines.toString());
        }
    }

    /** The HTML cover names the synthetic file, as the PDF's and the workbook's covers do. */
    @Test
    void theHtmlCoverNamesTheSyntheticFile() throws Exception {
        for (Language lang : List.of(Language.EN, Language.ZH)) {
            Path file = tmp.resolve("edition." + lang.code() + ".html");
            HtmlEditionWriter.write(tables, lang, info, GoldenEditions.wording(pub), file);
            Document html = Jsoup.parse(file.toFile());
            String cover = html.select("header.cover .cover-synthetic").text();
            assertTrue(cover.contains("input/expenditure/synthetic-2016-2023.csv — "
                    + (lang == Language.EN ? "synthetic data, not ILO data" : "合成数据，并非劳工组织的数据")), lang + ": " + cover);
        }
    }
}
