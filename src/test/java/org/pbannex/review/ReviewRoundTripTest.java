package org.pbannex.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestWorkbooks;

/**
 * The review round trip through the real command line: a run is published, its workbook comes back edited (by rewriting
 * its XML, then saved again by LibreOffice as a real office program writes it), and `review` names each change with the
 * input cell it comes from; `--apply` writes a copy of the input with the change. Untrusted workbooks (a zip bomb, an
 * external entity, a renamed text file, an xlsm, a workbook of another run) are exit 3 with one line.
 */
class ReviewRoundTripTest {

    @TempDir
    static Path shared;
    static Path out;
    static Path published;
    static String runId;

    @TempDir
    Path tmp;

    @BeforeAll
    static void publish() throws IOException {
        out = shared.resolve("out");
        CliRun r = CliRun.run(shared.resolve("db"), "run", "nightly", "--output", out.toString(), "--format", "xlsx,csv");
        assertEquals(0, r.status(), r.toString());
        try (Stream<Path> s = Files.walk(out)) {
            published = s.filter(p -> p.getFileName().toString().equals("pb-annexes-2022-23.zh.xlsx")).findFirst().orElseThrow();
        }
        runId = published.getParent().getFileName().toString();
    }

    /**
     * A database of the class's own for review's look-up of a run not in the output folder: the installation's
     * (work/db) is shared with the other test JVM, whose runs hold its lock.
     */
    private static Map<String, String> ownDatabase() {
        return CliRun.h2(shared.resolve("review-db"));
    }

    private CliRun review(Path workbook, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("review", workbook.toString(), "--output", out.toString()));
        args.addAll(List.of(more));
        return CliRun.capture(ownDatabase(), args.toArray(String[]::new));
    }

    private static void written(org.apache.poi.xssf.usermodel.XSSFWorkbook wb, Path file) throws IOException {
        try (var os = Files.newOutputStream(file)) {
            wb.write(os);
        }
    }

    /** The review of a returned workbook (exit 0), its CSV's lines. */
    private List<String> reviewed(Path returned) throws Exception {
        CliRun r = review(returned);
        assertEquals(0, r.status(), r.toString());
        String base = returned.getFileName().toString().replaceFirst("\\.xlsx$", "");
        return csv(returned.resolveSibling("review-" + base + ".csv")).stream().map(x -> String.join(",", x)).toList();
    }

    private static List<String[]> csv(Path file) throws Exception {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return r.readAll();
        }
    }

    private Path edited(String sheet, java.util.function.UnaryOperator<String> change) throws IOException {
        return TestWorkbooks.rewritePart(published, tmp.resolve("returned.xlsx"), TestWorkbooks.sheetPart(published, sheet), change);
    }

    private static String oneErrorLine(CliRun r) {
        assertEquals(3, r.status(), r.toString());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        return lines[0];
    }

    @Test
    void theWorkbookAsPublishedHasNoChanges() throws Exception {
        Path copy = Files.copy(published, tmp.resolve("back.xlsx"));
        CliRun r = review(copy);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("Run " + runId + " (zh)") && r.out().contains(" 0 changes"), r.out());
        List<String[]> rows = csv(tmp.resolve("review-back.csv"));
        assertEquals(List.of(String.join(",", ReviewReport.HEADER)), rows.stream().map(x -> String.join(",", x)).toList());
        assertTrue(Files.readString(tmp.resolve("review-back.html")).contains("没有变化"), "the zh edition's page is in Chinese");
    }

    /**
     * The review page speaks the returned edition's language by default, and the one asked for with --lang: its wording
     * (texts.csv, review.*), the kinds, the sources' lines and the figures grouped as that edition groups them. The CSV
     * is the same whichever the page's language; an unknown language is a usage error.
     */
    @Test
    void theReviewPageSpeaksTheEditionsLanguageOrTheOneAskedFor() throws Exception {
        Path returned = edited(sheetOf(published, "a2-2"),
                x -> x.replaceFirst("<v>1\\.290892E7</v>|<v>12908920(\\.0)?</v>", "<v>12908921</v>"));
        CliRun zh = review(returned);
        assertEquals(0, zh.status(), zh.toString());
        String csv = Files.readString(tmp.resolve("review-returned.csv"));
        String page = Files.readString(tmp.resolve("review-returned.html")).replaceAll(">\\s+<", "><");
        assertTrue(page.contains("<html lang=\"zh-CN\">") && page.contains("<title>审阅结果：returned.xlsx</title>"), page);
        assertTrue(page.contains("<td class=\"value figure\">12 908 920</td><td class=\"value figure\">12 908 921</td><td>派生</td>"), "grouped as the zh edition, kind named: " + page);
        assertTrue(page.contains(">input/2022-23/cost_by_object.csv: 第 2-10 行 (cost_adjustment)<"), page);
        assertTrue(page.contains("共比较 ") && page.contains("，1 处变化。"), page);
        assertFalse(page.contains("Review of") || page.contains("lines 2-10"), "no English left on the zh page: " + page);

        CliRun en = review(returned, "--lang", "en");
        assertEquals(0, en.status(), en.toString());
        assertEquals(csv, Files.readString(tmp.resolve("review-returned.csv")), "the CSV is the same in both languages");
        page = Files.readString(tmp.resolve("review-returned.html")).replaceAll(">\\s+<", "><");
        assertTrue(page.contains("<html lang=\"en-GB\">") && page.contains("<title>Review of returned.xlsx</title>"), page);
        assertTrue(page.contains("<td class=\"value figure\">12,908,920</td><td class=\"value figure\">12,908,921</td><td>derived</td>"), page);
        assertTrue(page.contains(">input/2022-23/cost_by_object.csv: lines 2-10 (cost_adjustment)<") && page.contains(", 1 change."), page);

        CliRun fr = review(returned, "--lang", "fr");
        assertEquals(2, fr.status(), fr.toString());
        assertTrue(fr.err().contains("--lang: unknown language 'fr' (expected zh or en)"), fr.err());
    }

    /**
     * Found by a reviewer's trial: a unit's total that equals its previous budget (RM: 3 058 915 both) was taken for that
     * input and --apply wrote it there; Table 2's 43.1 was taken for printed_differences.csv's published figure; a
     * figure saved as the same double in other digits (102.1 as 102.09999999999999) was a change. None is now.
     */
    @Test
    void aComputedFigureEqualToAnInputIsNotThatInputAndTheSameDoubleIsNoChange() throws Exception {
        Path a1 = edited(sheetOf(published, "a1"), x -> x.replaceFirst("<v>3058915(\\.0)?</v>", "<v>3058999</v>"));
        Path t2 = TestWorkbooks.rewritePart(a1, tmp.resolve("t2.xlsx"), TestWorkbooks.sheetPart(a1, sheetOf(a1, "t2")),
                x -> x.replaceFirst("<v>43\\.1</v>", "<v>43</v>").replaceFirst("<v>102\\.1</v>", "<v>102.09999999999999</v>"));
        Path copy = tmp.resolve("applied");
        CliRun r = review(t2, "--apply", copy.toString());
        assertEquals(0, r.status(), r.toString());
        List<String> lines = csv(tmp.resolve("review-t2.csv")).stream().map(x -> String.join(",", x)).toList();
        String rm = lines.stream().filter(l -> l.startsWith("a1,RM,total,3058915,3058999,derived,")).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", lines)));
        assertTrue(rm.contains("staff_costs") && rm.contains("non_staff_costs"),
                "derived from its record's figures, not from the previous budget it happens to equal: " + rm);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("t2,8,rb,43.1,43,derived,")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("printed_differences")), String.join("\n", lines));
        assertEquals(3, lines.size(), "the header and the two changes; 102.1 in other digits is none: " + String.join("\n", lines));
        assertFalse(r.out().contains("applied input/"), "nothing derived is written: " + r.out());
        for (String f : List.of("2022-23/budget.csv", "2022-23/printed_differences.csv")) {
            assertEquals(-1, Files.mismatch(copy.resolve(f), Golden.input().resolve(f)), f);
        }
    }

    /** An input figure and a total changed, saved again by LibreOffice: each traced; --apply changes the copy only. */
    @Test
    void changesEditedInLibreOfficeAreTracedToTheirInputs() throws Exception {
        // Table A2-1's Africa rate 4.4 -> 4.6 (an input), Table A2-2's total cost adjustment (derived).
        Path xml = edited(sheetOf(published, "a2-1"), x -> x.replaceFirst("<v>4\\.4</v>", "<v>4.6</v>"));
        Path twice = TestWorkbooks.rewritePart(xml, tmp.resolve("twice.xlsx"), TestWorkbooks.sheetPart(xml, sheetOf(xml, "a2-2")),
                x -> x.replaceFirst("<v>1\\.290892E7</v>|<v>12908920(\\.0)?</v>", "<v>12908921</v>"));
        Path lo = Files.createDirectories(tmp.resolve("lo"));
        Path source = Files.move(twice, lo.resolve("returned.xlsx"));
        Path saved = Files.createDirectories(tmp.resolve("saved"));
        TestWorkbooks.libreOffice(saved, tmp.resolve("lo-profile"), "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                saved.toString(), source.toString());
        Path returned = saved.resolve("returned.xlsx");
        Path copy = tmp.resolve("applied");
        CliRun r = review(returned, "--apply", copy.toString(), "--lang", "en");
        assertEquals(0, r.status(), r.toString());
        List<String[]> rows = csv(saved.resolve("review-returned.csv"));
        List<String> lines = rows.stream().map(x -> String.join(",", x)).toList();
        assertTrue(lines.contains("a2-1,AF,rate_pct,4.4,4.6,input,input/2022-23/regional_inflation.csv,2,annual_inflation_pct,"
                        + "a2-1 区域通货膨胀率,B7,非洲,年均通货膨胀率（%）,applied input/2022-23/regional_inflation.csv, line 2, "
                        + "column annual_inflation_pct: '4.4' -> '4.6',"),
                String.join("\n", lines));
        String total = lines.stream().filter(l -> l.startsWith("a2-2,total,cost_adjustment,")).findFirst().orElseThrow(
                () -> new AssertionError(String.join("\n", lines)));
        assertTrue(total.startsWith("a2-2,total,cost_adjustment,12908920,12908921,derived,input/2022-23/cost_by_object.csv;"), total);
        assertTrue(total.endsWith(",2; 3; 4; 5; 6; 7; 8; 9; 10,cost_adjustment; cost_adjustment; cost_adjustment; cost_adjustment; "
                + "cost_adjustment; cost_adjustment; cost_adjustment; cost_adjustment; cost_adjustment,a2-2 按支出用途的费用调整,C16,总计,"
                + "费用调整（美元）,not applied: a computed figure: change the inputs named, by hand,"),
                "the sources, then the sheet, cell, row and heading the reviewer saw, and why --apply did not write it: " + total);
        assertEquals(3, rows.size(), String.join("\n", lines)); // header and the two changes: LibreOffice changed nothing else
        String html = Files.readString(saved.resolve("review-returned.html"));
        assertTrue(html.contains(">input/2022-23/cost_by_object.csv: lines 2-10 (cost_adjustment)<"),
                "the page gives a total's nine sources as one file, its lines and the field: " + html);
        assertTrue(html.contains("<td class=\"value figure\">12,908,920</td>\n    <td class=\"value figure\">12,908,921</td>"),
                "figures as a reader reads them, kept whole: " + html);
        assertTrue(Files.readAllLines(copy.resolve("2022-23/regional_inflation.csv")).contains("AF,4.6"));
        assertTrue(Files.readAllLines(Golden.input().resolve("2022-23/regional_inflation.csv")).contains("AF,4.4"),
                "the input itself is never written");
        assertTrue(r.out().contains("applied input/2022-23/regional_inflation.csv, line 2, column annual_inflation_pct: '4.4' -> '4.6'"),
                r.out());
    }

    /**
     * What --apply did is said on the page in the page's language (texts.csv, review.applied.*): a Chinese page said
     * "applied input/..." and "not applied: a computed figure..." in English. The CSV and the command's summary stay in
     * English, as every command's.
     */
    @Test
    void whatApplyDidIsSaidInThePagesLanguage() throws Exception {
        Path xml = edited(sheetOf(published, "a2-1"), x -> x.replaceFirst("<v>4\\.4</v>", "<v>4.6</v>"));
        Path returned = TestWorkbooks.rewritePart(xml, tmp.resolve("zh.xlsx"), TestWorkbooks.sheetPart(xml, sheetOf(xml, "a2-2")),
                x -> x.replaceFirst("<v>1\\.290892E7</v>|<v>12908920(\\.0)?</v>", "<v>12908921</v>"));
        CliRun r = review(returned, "--apply", tmp.resolve("copy").toString());
        assertEquals(0, r.status(), r.toString());
        String page = Files.readString(tmp.resolve("review-zh.html")).replace("&#39;", "'").replace("&gt;", ">");
        assertTrue(page.contains(">已写入 input/2022-23/regional_inflation.csv 第 2 行 annual_inflation_pct 列：'4.4' -> '4.6'<"), page);
        assertTrue(page.contains(">未写入：计算所得的数字：请自行修改所列的输入<"), page);
        assertTrue(page.contains(">未写入：1 处变化不是输入的单元格（派生 1 处）：每处的原因见审阅 CSV 和本页<"), page);
        assertFalse(page.contains(">applied ") || page.contains("not applied"), "no English line: " + page);
        List<String> lines = csv(tmp.resolve("review-zh.csv")).stream().map(x -> String.join(",", x)).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,AF,rate_pct,4.4,4.6,input,") && l.endsWith(",applied "
                + "input/2022-23/regional_inflation.csv, line 2, column annual_inflation_pct: '4.4' -> '4.6',")), String.join("\n", lines));
        assertTrue(r.out().contains("  not applied: 1 change not of an input cell (1 derived): each says why in the review CSV and page\n"),
                r.out());
    }

    @Test
    void addedRowsCommentsAndFormulasAreListed() throws Exception {
        Path returned = edited(sheetOf(published, "a2-1"), x -> x.replaceFirst("<v>3\\.4</v>", "<f>1+2.4</f><v>3.4</v>"));
        CliRun r = review(returned);
        assertEquals(0, r.status(), r.toString());
        List<String> lines = csv(tmp.resolve("review-returned.csv")).stream().map(x -> String.join(",", x)).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,AM,rate_pct,3.4,=1+2.4,formula,input/2022-23/regional_inflation.csv,3,")),
                String.join("\n", lines));
    }

    /**
     * What a reviewer does to a sheet besides editing figures (found by a reviewer's trial: each was rows or a sheet
     * deleted and added, with the edits in them unlisted): sorting a table is no change; a label edited with a figure
     * beside it is two changes of that row; a renamed sheet is matched by the table's headings and its edits listed.
     * The report says where each change is as the reviewer saw it: sheet, cell, row label, column heading.
     */
    @Test
    void sortedRowsEditedLabelsAndRenamedSheetsAreFollowed() throws Exception {
        Path returned = tmp.resolve("reworked.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            // Table A2-1 sorted Z-A by region: Africa's and the Americas' rows swap.
            var a21 = wb.getSheet(sheetOf(published, "a2-1"));
            var africa = rowLabelled(a21, "非洲");
            var americas = rowLabelled(a21, "美洲");
            for (int c = 0; c < 2; c++) {
                var x = africa.getCell(c);
                var y = americas.getCell(c);
                if (x.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    double v = x.getNumericCellValue();
                    x.setCellValue(y.getNumericCellValue());
                    y.setCellValue(v);
                } else {
                    String v = x.getStringCellValue();
                    x.setCellValue(y.getStringCellValue());
                    y.setCellValue(v);
                }
            }
            // Annex 4 sorted upside down, and outcome 2's "not itemised" share changed (90.2 -> 90.5; derived: the rest of
            // 100 after the itemised shares). Eight rows of Annex 4 have that label, seven of them with 100.0 or 42.0;
            // its group column (the outcome) tells them apart, and none may be taken for another.
            var a4 = wb.getSheet(sheetOf(published, "a4"));
            List<Values> rows4 = new java.util.ArrayList<>();
            int first = rowLabelled(a4, "政策成果目标 1. 强有力的三方成员与具有影响力和包容性的社会对话").getRowNum();
            for (int n = first; n <= a4.getLastRowNum(); n++) {
                rows4.add(Values.of(a4.getRow(n)));
            }
            for (int k = 0; k < rows4.size(); k++) {
                rows4.get(k).into(a4.getRow(a4.getLastRowNum() - k), 90.2, 90.5);
            }
            // Table II.1 sorted upside down: two of its targets stand beside two indicators each (the same label twice),
            // told apart by their other cells only.
            var ii1 = wb.getSheet(sheetOf(published, "ii1"));
            int n = csv(published.resolveSibling("csv/ii1.csv")).size() - 1;
            List<Values> rowsII1 = new java.util.ArrayList<>();
            for (int k = ii1.getLastRowNum() - n + 1; k <= ii1.getLastRowNum(); k++) {
                rowsII1.add(Values.of(ii1.getRow(k)));
            }
            for (int k = 0; k < n; k++) {
                rowsII1.get(k).into(ii1.getRow(ii1.getLastRowNum() - k), Double.NaN, Double.NaN);
            }
            // Table 2: outcome 1's label shortened and its previous regular budget changed in the same row.
            var t2 = wb.getSheet(sheetOf(published, "t2"));
            var outcome1 = rowLabelled(t2, "成果目标 1：强有力的三方成员与具有影响力和包容性的社会对话");
            outcome1.getCell(0).setCellValue("成果目标 1：社会对话");
            outcome1.getCell(1).setCellValue(102.5);
            // Table A2-2 renamed, and a figure in it changed.
            String a22 = sheetOf(published, "a2-2");
            wb.setSheetName(wb.getSheetIndex(a22), "费用调整");
            var cost = rowLabelled(wb.getSheet("费用调整"), "人员费用");
            double before = cost.getCell(1).getNumericCellValue();
            cost.getCell(1).setCellValue(before + 1);
            try (var os = Files.newOutputStream(returned)) {
                wb.write(os);
            }
        }
        CliRun r = review(returned);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains(" cells compared, 5 changes (2 derived, 2 input, 1 sheet renamed)\n"), r.out());
        List<String[]> rows = csv(tmp.resolve("review-reworked.csv"));
        List<String> lines = rows.stream().map(x -> String.join(",", x)).toList();
        String all = String.join("\n", lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains("row_added") || l.contains("row_deleted") || l.contains("sheet_added")
                || l.contains("sheet_deleted")), all);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("a2-1,") || l.startsWith("ii1,")), "a sorted table is no change: " + all);
        String label = lines.stream().filter(l -> l.startsWith("t2,1,label,")).findFirst().orElseThrow(() -> new AssertionError(all));
        // The label is "Outcome 1: " and the outcome's title: derived, from the title it contains (not from the row's figures).
        assertTrue(label.startsWith("t2,1,label,成果目标 1：强有力的三方成员与具有影响力和包容性的社会对话,成果目标 1：社会对话,derived,"
                + "input/2022-23/results_outcomes.csv,3,title_zh,"), label);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("t2,1,rb_previous,102.1,102.5,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-2,,,") && l.contains(",sheet_renamed,") && l.contains("费用调整")), all);
        String cost = lines.stream().filter(l -> l.startsWith("a2-2,") && !l.contains("sheet_renamed")).findFirst()
                .orElseThrow(() -> new AssertionError(all));
        assertTrue(cost.contains(",费用调整,B") && cost.contains(",人员费用,"), cost);
        assertEquals(List.of("a4,2.rest,share_pct,90.2,90.5,derived"), lines.stream().filter(l -> l.startsWith("a4,"))
                .map(l -> String.join(",", java.util.Arrays.copyOf(l.split(","), 6))).toList(), all);
        assertEquals(1 + 5, rows.size(), "the header, the rename, the label, the three figures: " + all);

        String html = Files.readString(tmp.resolve("review-reworked.html"));
        assertTrue(html.contains("<td>费用调整</td>") && html.contains("<td>人员费用</td>"), html);
        assertFalse(html.contains("<td>rb_previous</td>"), "the page shows headings, not the run's ids: " + html);
    }

    /**
     * Table A2-1 shows the regions' short labels: an edited label there is an input change of short_zh in regions.csv,
     * also in a row whose label and short label are the same (非洲). Europe's (欧洲, its label 欧洲和中亚) was called a
     * derived text "made of the inputs named and words of its own", and never applied.
     */
    @Test
    void aRegionsShortLabelEditedInA21IsAnInputChange() throws Exception {
        Path returned = tmp.resolve("labels.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var a21 = wb.getSheet(sheetOf(published, "a2-1"));
            rowLabelled(a21, "欧洲").getCell(0).setCellValue("欧洲和中亚");
            rowLabelled(a21, "非洲").getCell(0).setCellValue("非洲区域");
            written(wb, returned);
        }
        CliRun r = review(returned);
        assertEquals(0, r.status(), r.toString());
        List<String> lines = csv(tmp.resolve("review-labels.csv")).stream().map(x -> String.join(",", x)).toList();
        String all = String.join("\n", lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,EU,label,欧洲,欧洲和中亚,input,input/reference/regions.csv,6,short_zh")),
                all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,AF,label,非洲,非洲区域,input,input/reference/regions.csv,2,short_zh")),
                all);
    }

    /**
     * Table A2-1 sorted (Europe's row moved to Africa's place) and Europe's label edited as well: its row is matched by
     * its rate, as published, wherever it stands; it was "1 row added, 1 row deleted".
     */
    @Test
    void aLabelEditedInASortedTableIsALabelChange() throws Exception {
        Path returned = tmp.resolve("sorted-label.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var a21 = wb.getSheet(sheetOf(published, "a2-1"));
            var africa = rowLabelled(a21, "非洲");
            var europe = rowLabelled(a21, "欧洲");
            String label = africa.getCell(0).getStringCellValue();
            double rate = africa.getCell(1).getNumericCellValue();
            africa.getCell(0).setCellValue("欧洲和中亚");
            africa.getCell(1).setCellValue(europe.getCell(1).getNumericCellValue());
            europe.getCell(0).setCellValue(label);
            europe.getCell(1).setCellValue(rate);
            written(wb, returned);
        }
        CliRun r = review(returned);
        assertEquals(0, r.status(), r.toString());
        List<String> lines = csv(tmp.resolve("review-sorted-label.csv")).stream().map(x -> String.join(",", x)).toList();
        String all = String.join("\n", lines);
        assertEquals(2, lines.size(), "the header and the label: " + all);
        assertTrue(lines.get(1).startsWith("a2-1,EU,label,欧洲,欧洲和中亚,input,input/reference/regions.csv,6,short_zh"), all);
    }

    /**
     * A figure of a row keyed by several things at once (rt's outcome 1 in organizations, for Africa: 39, the sum of
     * four indicators' regional targets) names the input lines it sums: those regional targets, not every region's, and
     * the row's total names the indicators' targets; a row keyed by one record and a word (annex 4's "1.rest") names
     * the records that refer to that record (the shares listed for outcome 1). Before, all three named none.
     */
    @Test
    void aFigureOfSeveralKeysNamesTheRecordsThatReachThemAll() throws Exception {
        Path returned = tmp.resolve("targets.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var rt = wb.getSheet(sheetOf(published, "rt"));
            var organizations = rowLabelled(rt, "组织"); // the first: outcome 1's
            int africa = -1;
            int all = -1;
            for (var row : rt) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && africa < 0
                            && cell.getStringCellValue().endsWith("非洲")) {
                        africa = cell.getColumnIndex();
                    }
                }
            }
            assertEquals(39, organizations.getCell(africa).getNumericCellValue());
            organizations.getCell(africa).setCellValue(40);
            // The row's total over all regions: the first column after the regions holding a larger figure.
            for (int c = africa + 1; c < organizations.getLastCellNum(); c++) {
                if (organizations.getCell(c).getNumericCellValue() > 39 + 28 + 9 + 31 - 1 && all < 0) {
                    all = c;
                }
            }
            organizations.getCell(all).setCellValue(organizations.getCell(all).getNumericCellValue() + 1);
            // Annex 4's rest of outcome 1 (a row keyed "1.rest": only the outcome names records): its share, 42.
            var rest = rowLabelled(wb.getSheet(sheetOf(published, "a4")), "未列明 (原文件未逐项列出的其他司局和外地计划)");
            var share = rest.getCell(rest.getLastCellNum() - 1);
            assertEquals(42, share.getNumericCellValue());
            share.setCellValue(43);
            written(wb, returned);
        }
        List<String> lines = reviewed(returned);
        String all = String.join("\n", lines);
        String af = lines.stream().filter(l -> l.startsWith("rt,1.ORG,target_AF,39,40,derived,")).findFirst()
                .orElseThrow(() -> new AssertionError(all));
        assertTrue(af.contains(",input/2022-23/results_regional_targets.csv; input/2022-23/results_regional_targets.csv; "
                + "input/2022-23/results_regional_targets.csv; input/2022-23/results_regional_targets.csv,2; 7; 12; 17,"
                + "count; count; count; count,"), "the four indicators' targets for Africa (7 + 7 + 13 + 12): " + af);
        String total = lines.stream().filter(l -> l.startsWith("rt,1.ORG,target_ALL,")).findFirst()
                .orElseThrow(() -> new AssertionError(all));
        assertTrue(total.contains(",derived,input/2022-23/results_indicators.csv;") && total.contains("target_total")
                && !total.contains("results_regional_targets"), "the indicators' targets in all: " + total);
        String a4 = lines.stream().filter(l -> l.startsWith("a4,1.rest,share_pct,42,43,derived,")).findFirst()
                .orElseThrow(() -> new AssertionError(all));
        assertTrue(a4.contains(",2; 3; 4; 5; 6; 7,share_pct; share_pct; share_pct; share_pct; share_pct; share_pct,")
                && a4.contains("input/2022-23/outcome_contributors.csv"), "100 less the six listed shares of outcome 1: " + a4);
    }

    /**
     * A figure computed from its record's fields names those of its column's rule, found by arithmetic: annex 1's
     * total is staff_costs + non_staff_costs; annex 2's programme change is those less budget_previous, also for a unit
     * whose change is 0 (before, that 0 was traced to the unit's work-months of 0, which hold the same value); its share
     * of the total is the unit's recosted budget (staff, non-staff, cost change) over every unit's.
     */
    @Test
    void aComputedFigureNamesTheFieldsOfItsColumnsRule() throws Exception {
        Path returned = tmp.resolve("rules.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var ilc = rowLabelled(wb.getSheet(sheetOf(published, "a1")), "国际劳工大会");
            for (var cell : ilc) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && cell.getNumericCellValue() == 24916465) {
                    cell.setCellValue(24916466);
                }
            }
            var ilcShare = rowLabelled(wb.getSheet(sheetOf(published, "a2")), "国际劳工大会");
            var share = ilcShare.getCell(ilcShare.getLastCellNum() - 1);
            assertEquals(3.1, share.getNumericCellValue());
            share.setCellValue(3.2); // its share of the total recosted budget, in per cent
            var sector = rowLabelled(wb.getSheet(sheetOf(published, "a2")), "行业政策");
            for (var cell : sector) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && cell.getNumericCellValue() == 0) {
                    cell.setCellValue(1); // the first 0 of the row: its programme change
                    break;
                }
            }
            written(wb, returned);
        }
        List<String> lines = reviewed(returned);
        String all = String.join("\n", lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a1,ILC,total,24916465,24916466,derived,input/2022-23/budget.csv; "
                + "input/2022-23/budget.csv,2; 2,staff_costs; non_staff_costs,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2,SECTOR,programme_change,0,1,derived,")
                && l.contains(",9; 9; 9,staff_costs; non_staff_costs; budget_previous,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2,ILC,pct_of_total,3.1,3.2,derived,")
                && l.contains(",2; 2; 2,staff_costs; non_staff_costs; cost_change,")), "a share of the total recosted: " + all);
    }

    /**
     * A figure summed from expenditure lines (Figure 2: a region's XB expenditure in a biennium, and the total of every
     * region) names the files of lines and which of their lines it sums, in the lines' own columns, as the table asked
     * for them; the page says so in the workbook's language. Before, these figures named no source. The draft budget's Part I
     * expenditure names its units' budget lines; a derived figure the review cannot trace (its income, the balance of
     * all else) says so on the page.
     */
    @Test
    void aFigureOfExpenditureLinesNamesTheLinesItSums() throws Exception {
        Path returned = tmp.resolve("f2.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var f2 = wb.getSheet(sheetOf(published, "f2"));
            int column = -1;
            for (var row : f2) {
                for (var cell : row) {
                    if (column < 0 && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().startsWith("2020-2021")) {
                        column = cell.getColumnIndex();
                    }
                }
            }
            var africa = rowLabelled(f2, "非洲").getCell(column);
            africa.setCellValue(africa.getNumericCellValue() + 1);
            var total = rowLabelled(f2, "合计").getCell(column);
            total.setCellValue(total.getNumericCellValue() + 1);
            // The draft budget's Part I: its expenditure rolls up its units' budget lines, three steps of the input's
            // keys away (Part, lines, units), by its column's rule; its income, the balance of all else, is not traced.
            var partOne = rowLabelled(wb.getSheet(sheetOf(published, "br")), "第一编 普通预算");
            assertEquals(774238406, partOne.getCell(1).getNumericCellValue());
            partOne.getCell(1).setCellValue(774238407);
            assertEquals(790640000, partOne.getCell(4).getNumericCellValue());
            partOne.getCell(4).setCellValue(790640001);
            // Table 1's Part I total sums its lines A-D, each of its units: the page names the units' lines as one range.
            var partOneTotal = rowLabelled(wb.getSheet(sheetOf(published, "t1")), "第一编总计").getCell(1);
            partOneTotal.setCellValue(partOneTotal.getNumericCellValue() + 1);
            written(wb, returned);
        }
        List<String> lines = reviewed(returned);
        String all = String.join("\n", lines);
        String file = "input/expenditure/synthetic-2016-2023.csv";
        String af = lines.stream().filter(l -> l.startsWith("f2,AF,2020-21,")).findFirst()
                .orElseThrow(() -> new AssertionError(all));
        assertTrue(af.contains(",derived," + file + ",fund = XB, region = AF, period = 2020-01 … 2021-12,amount_usd,"), af);
        String total = lines.stream().filter(l -> l.startsWith("f2,total,2020-21,")).findFirst()
                .orElseThrow(() -> new AssertionError(all));
        assertTrue(total.contains(",derived," + file + ",fund = XB, period = 2020-01 … 2021-12,amount_usd,"),
                "every region's lines: " + total);
        String page = Files.readString(returned.resolveSibling("review-f2.html"));
        assertTrue(page.contains(file + ": fund = XB, region = AF, period = 2020-01 … 2021-12 的各行 (amount_usd)"), page);
        String budget = lines.stream().filter(l -> l.startsWith("br,part.I,expenditure_previous,774238406,774238407,derived,"))
                .findFirst().orElseThrow(() -> new AssertionError(all));
        assertTrue(budget.contains(",2; 3; 4; ") && budget.contains("; 48,budget_previous; budget_previous;")
                && !budget.contains("staff_costs"), "Part I's units' previous budgets: " + budget);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("br,part.I,income_previous_usd,790640000,790640001,derived,,,,")), all);
        assertTrue(page.contains("未能追溯到具体输入：请参阅该表的注释"), "the untraced figure says so: " + page);
        assertTrue(page.contains("input/2022-23/budget.csv: 第 2-48 行 (budget_previous)"), "lines in file order, as ranges: " + page);
    }

    /**
     * The review page in a real browser: it requests nothing else, axe finds no violation, and its table fits the
     * window. The English edition's changes make the widest page: its longest sheet name, a figure of ten digits, a
     * paragraph typed over a risk's response and an expenditure total's sources (the table was 1 256 px at the least,
     * wider than the browser's 1 280 px window less the page's margins and scroll bar). A test of its own, so that a
     * machine without Chromium skips this one only (CI, which has it, fails instead).
     */
    @Test
    void theReviewPageOpensInChromiumFitsItsWindowAndAxeFindsNoViolation() throws Exception {
        org.pbannex.HeadlessChromium.executable();
        Path en = published.resolveSibling("pb-annexes-2022-23.en.xlsx");
        Path a21 = TestWorkbooks.rewritePart(en, tmp.resolve("a2-1.xlsx"), TestWorkbooks.sheetPart(en, sheetOf(en, "a2-1")),
                x -> x.replaceFirst("<v>4\\.4</v>", "<v>4.6</v>"));
        Path sa = TestWorkbooks.rewritePart(a21, tmp.resolve("sa.xlsx"), TestWorkbooks.sheetPart(en, sheetOf(en, "sa")),
                x -> x.replaceFirst("<v>808930(\\.0)?</v>", "<v>1808930123</v>"));
        Path f2 = TestWorkbooks.rewritePart(sa, tmp.resolve("f2.xlsx"), TestWorkbooks.sheetPart(en, sheetOf(en, "f2")),
                x -> x.replaceFirst("(<c r=\"C8\"[^>]*><v>)70\\.4<", "$171.4<"));
        Path returned = TestWorkbooks.rewritePart(f2, tmp.resolve("returned.xlsx"), TestWorkbooks.sheetPart(en, sheetOf(en, "risk")),
                x -> x.replaceFirst("<c r=\"D8\"([^>]*) t=\"s\"([^>]*)><v>\\d+</v></c>", "<c r=\"D8\"$1 t=\"inlineStr\"$2><is><t>"
                        + "The Office will take part in the reform of the United Nations development system, as a reviewer"
                        + " typed it over the published response, in one paragraph of several clauses.</t></is></c>"));
        CliRun r = review(returned);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("4 changes (1 derived, 3 input)"), r.toString());
        try (var browser = org.pbannex.HeadlessChromium.open()) {
            String page = tmp.resolve("review-returned.html").toUri().toString();
            assertEquals(List.of(page), browser.load(page));
            assertEquals(List.of(), browser.axeViolations("the review page"));
            var widths = browser.evaluate("({page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth,"
                    + " table: document.querySelector('table').scrollWidth, box: document.querySelector('table').parentElement.clientWidth,"
                    + " sheets: [...document.querySelectorAll('tbody td:first-child')].map(td => td.textContent).join('; ')})");
            assertTrue(widths.path("sheets").asString().contains("sa Supplementary authorizations"), widths.toString());
            assertTrue(widths.path("page").asInt() <= widths.path("window").asInt(), "the page scrolls sideways: " + widths);
            assertTrue(widths.path("table").asInt() <= widths.path("box").asInt(), "the table scrolls in its box: " + widths);
        }
    }

    /** A row's cell values, to write into another row (a sort done by hand), one number changed on the way. */
    record Values(List<Object> cells) {

        static Values of(org.apache.poi.ss.usermodel.Row row) {
            List<Object> v = new java.util.ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                var cell = row.getCell(c);
                v.add(cell == null ? null : switch (cell.getCellType()) {
                    case NUMERIC -> cell.getNumericCellValue();
                    case STRING -> cell.getStringCellValue();
                    default -> null;
                });
            }
            return new Values(v);
        }

        void into(org.apache.poi.ss.usermodel.Row row, double from, double to) {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                var cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                if (v instanceof Double d) {
                    cell.setCellValue(d == from ? to : d);
                } else if (v instanceof String s) {
                    cell.setCellValue(s);
                } else {
                    cell.setBlank();
                }
            }
            for (int c = cells.size(); c < row.getLastCellNum(); c++) { // a longer row's other cells: emptied
                if (row.getCell(c) != null) {
                    row.getCell(c).setBlank();
                }
            }
        }
    }

    /**
     * Found by a tester: GB's staff costs changed in budget.csv after the run, a reviewer's correction of that cell was
     * called derived and silently not applied; a second paragraph typed into a risk's consequences was written into a
     * copy that check then refused. The kind is the run's (the file changed since, by the manifest's checksums), and
     * each change --apply does not write says why, in the summary, the CSV and the page; a refused value is not written.
     */
    @Test
    void aCorrectionOfAnInputChangedSinceTheRunIsAnInputCellNotAppliedWithWhy() throws Exception {
        Path input = tmp.resolve("input");
        Path runOut = tmp.resolve("out");
        Path zh = nightlyZhWorkbook(input, "xlsx,csv");
        Path budget = input.resolve("2022-23/budget.csv");
        Files.writeString(budget, Files.readString(budget).replace("GB,31,8,37,11,15668625,", "GB,31,8,37,11,15668000,"));
        Path returned = tmp.resolve("back.xlsx");
        try (var in = Files.newInputStream(zh); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            int figures = changeCells(wb, "a1", figure(15668625),
                    cell -> cell.setCellValue(15700000));
            assertEquals(1, figures, "GB's staff costs, once in annex 1");
            int texts = changeCells(wb, "risk", textStarting("商定成果实现率"),
                    cell -> cell.setCellValue(cell.getStringCellValue() + "\n第二段：捐助方的承诺也可能改变。"));
            assertEquals(1, texts, "risk 2's consequences");
            var af = rowLabelled(wb.getSheet(sheetOf(zh, "a2-1")), "非洲");
            af.getCell(af.getLastCellNum() - 1).setCellValue(4.6);
            written(wb, returned);
        }
        Path copy = tmp.resolve("copy");
        CliRun r = CliRun.capture(ownDatabase(), "review", returned.toString(), "--input", input.toString(), "--output", runOut.toString(),
                "--apply", copy.toString(), "--lang", "en");
        assertEquals(0, r.status(), r.toString());
        String gbLine = "not applied: " + input + "/2022-23/budget.csv, line 3, column staff_costs now holds '15668000', not the "
                + "published '15668625' (the file changed since the run): decide on the reviewer's '15700000' by hand";
        String gb = csv(tmp.resolve("review-back.csv")).stream().map(x -> String.join(",", x))
                .filter(l -> l.startsWith("a1,GB,staff_costs,")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(gb.startsWith("a1,GB,staff_costs,15668625,15700000,input," + input + "/2022-23/budget.csv,3,staff_costs,"), gb);
        assertTrue(gb.endsWith("," + gbLine + ","), gb);
        assertTrue(r.out().contains("  " + gbLine + "\n"), r.out());
        assertTrue(r.out().contains("The input has changed since that run (" + input + "/2022-23/budget.csv)"), r.out());
        assertTrue(r.out().contains(" (3 input)"), "GB's staff costs, risk 2's consequences, Africa's rate: " + r.out());
        String risk = csv(tmp.resolve("review-back.csv")).stream().map(x -> String.join(",", x))
                .filter(l -> l.startsWith("risk,2,consequences,")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(risk.contains(",input," + input + "/2022-23/strategic_risks.csv,3,consequences_zh,"), risk);
        assertTrue(risk.contains(",not applied: " + input + "/2022-23/strategic_risks.csv, line 3, column consequences_zh: the input's "
                + "rules refuse '商定成果实现率"), risk);
        assertTrue(risk.contains("line feed"), "the ingest's own reason: " + risk);
        assertTrue(r.out().contains("applied " + input + "/2022-23/regional_inflation.csv, line 2, column annual_inflation_pct: "
                + "'4.4' -> '4.6'"), "a change the input still holds as published is applied: " + r.out());
        String page = Files.readString(tmp.resolve("review-back.html"));
        assertTrue(page.contains(gbLine.replace("'", "&#39;")), page);
        assertTrue(page.contains(">" + input + "/2022-23/budget.csv<"), "the page names the file changed since the run: " + page);
        assertTrue(page.replace("&#39;", "'").contains("Each change is traced in the run's own copy of the input it read (input.zip in "
                + "the run's folder)"), "the page says which input it traced the changes in: " + page);
        assertEquals(-1, Files.mismatch(copy.resolve("2022-23/budget.csv"), budget), "GB not written");
        assertEquals(-1, Files.mismatch(copy.resolve("2022-23/strategic_risks.csv"), input.resolve("2022-23/strategic_risks.csv")),
                "the refused text not written");
        assertTrue(Files.readAllLines(copy.resolve("2022-23/regional_inflation.csv")).contains("AF,4.6"));
        // The input's rules accept the copy (3 would be a refused value); the checks that tie annex 2's staff costs to
        // annex 1's fail (4), from this test's own change to GB's staff costs.
        CliRun check = CliRun.run(tmp.resolve("db"), "check", "--input", copy.toString());
        assertEquals(4, check.status(), check.toString());
        String said = check.out() + check.err();
        assertTrue(said.contains("staff_equals_annex1_staff_costs") && !said.contains("strategic_risks"), check.toString());

        // The same workbook reviewed again once Africa's rate is adopted: nothing left to decide (it said "now holds '4.6',
        // not the published '4.4' ...: decide on the reviewer's '4.6' by hand").
        Path rates = input.resolve("2022-23/regional_inflation.csv");
        byte[] before = Files.readAllBytes(rates);
        Files.copy(copy.resolve("2022-23/regional_inflation.csv"), rates, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            CliRun again = CliRun.capture(ownDatabase(), "review", returned.toString(), "--input", input.toString(), "--output",
                    runOut.toString(), "--apply", tmp.resolve("copy-again").toString(), "--lang", "en");
            assertEquals(0, again.status(), again.toString());
            assertTrue(again.out().contains("  not applied: " + input + "/2022-23/regional_inflation.csv, line 2, column "
                    + "annual_inflation_pct already holds the reviewer's '4.6' (adopted since the run): nothing to change\n"),
                    again.out());
        } finally {
            Files.write(rates, before);
        }

        // A value each field's rules accept but the row's do not: risk 2's English consequences cleared, the Chinese given.
        Path en = zh.resolveSibling("pb-annexes-2022-23.en.xlsx");
        Path cleared = tmp.resolve("cleared.xlsx");
        try (var in = Files.newInputStream(en); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            int texts = changeCells(wb, "risk", textStarting("Increase or decrease in the rate of delivery"),
                    cell -> cell.setBlank());
            assertEquals(1, texts, "risk 2's consequences");
            written(wb, cleared);
        }
        Path copy2 = tmp.resolve("copy2");
        CliRun r2 = CliRun.capture(ownDatabase(), "review", cleared.toString(), "--input", input.toString(), "--output", runOut.toString(),
                "--apply", copy2.toString());
        assertEquals(0, r2.status(), r2.toString());
        assertTrue(r2.out().contains("not applied: " + input + "/2022-23/strategic_risks.csv, line 3, column consequences_en: the input "
                + "would not load with '': ") && r2.out().contains("empty while consequences_zh is given"), r2.out());
        assertEquals(-1, Files.mismatch(copy2.resolve("2022-23/strategic_risks.csv"), input.resolve("2022-23/strategic_risks.csv")),
                "taken back");
    }

    /**
     * Found by an exploratory test: --apply checked each value by its field's rules and the copy by the files' rules, but
     * not by a module's rules across fields: it wrote -100 over the staff costs of the ILC (a unit with work-years and
     * non-staff costs), said "applied", and check refused the copy (exit 3, "negative staff costs"). The copy is now read
     * as a run reads it: the change is taken back with the ingest's reason, and the copy checks.
     */
    @Test
    void aValueTheBudgetsRulesAcrossItsFieldsRefuseIsTakenBack() throws Exception {
        Path returned = tmp.resolve("negative.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            int cells = changeCells(wb, "a1", figure(21_611_293),
                    cell -> cell.setCellValue(-100));
            assertEquals(1, cells, "the ILC's staff costs, as budget.csv's line 2 has them");
            written(wb, returned);
        }
        Path copy = tmp.resolve("copy");
        CliRun r = review(returned, "--apply", copy.toString(), "--lang", "en");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("  not applied: input/2022-23/budget.csv, line 2, column staff_costs: the input "
                + "would not load with '-100': ") && r.out().contains("negative staff costs (-100) for a unit with work-years"),
                r.out());
        assertFalse(r.out().contains("  applied "), r.out());
        assertEquals(-1, Files.mismatch(copy.resolve("2022-23/budget.csv"), Golden.input().resolve("2022-23/budget.csv")),
                "taken back");
        CliRun check = CliRun.capture(Map.of(), "check", "--input", copy.toString());
        assertEquals(0, check.status(), check.toString());
    }

    /**
     * --apply checked a value's characters by the text rules but not against the PDF's font: a reviewer's ideograph the
     * font lacks (U+20000) was written into the copy, which check then refused (exit 3). It is not written now, with
     * check's own reason, and the copy checks.
     */
    @Test
    void aCharacterThePdfFontLacksIsNotApplied() throws Exception {
        Path returned = tmp.resolve("back.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            int texts = changeCells(wb, "risk", textStarting("商定成果实现率"),
                    cell -> cell.setCellValue(cell.getStringCellValue().replaceFirst("商定", "商定\uD840\uDC00")));
            assertEquals(1, texts, "risk 2's consequences");
            written(wb, returned);
        }
        Path copy = tmp.resolve("copy");
        CliRun r = review(returned, "--apply", copy.toString(), "--lang", "en");
        assertEquals(0, r.status(), r.toString());
        String refused = r.out().lines().filter(l -> l.contains("column consequences_zh")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(refused.contains("not applied: ") && refused.contains("the input's rules refuse '商定\uD840\uDC00成果")
                && refused.endsWith(": character U+20000 (CJK UNIFIED IDEOGRAPH-20000) at character 3 of the value is not in "
                + "the PDF's font (Noto Sans SC): the PDF would leave it out; write it with another character"), refused);
        assertEquals(-1, Files.mismatch(copy.resolve("2022-23/strategic_risks.csv"), Golden.input().resolve("2022-23/strategic_risks.csv")),
                "not written");
        CliRun check = CliRun.capture(Map.of(), "check", "--input", copy.toString());
        assertEquals(0, check.status(), check.toString());
        // The Chinese page says its reason in the texts' Chinese, as a failed run's Chinese report does (it was the
        // code's English inside the Chinese line); stdout stays English.
        CliRun zh = review(returned, "--apply", tmp.resolve("copy-zh").toString(), "--lang", "zh");
        assertEquals(0, zh.status(), zh.toString());
        String page = Files.readString(tmp.resolve("review-back.html"));
        assertTrue(page.contains("值的第 3 个字符 U+20000 (CJK UNIFIED IDEOGRAPH-20000) 不在 PDF 的字体（Noto Sans SC）中：PDF 会将其漏掉；"
                + "请改用其他字符"), page);
        assertFalse(page.contains("is not in the PDF&#39;s font") || page.contains("is not in the PDF's font"), page);
    }

    /**
     * Found in review: with the input changed since the run, a cell's kind was guessed from today's input and the run's
     * checksums. Where the change touched more than half of a column's rows, the column's own field was no longer
     * found, and Africa's inflation rate, still as published in its (moved) line, was called derived: the reviewer's
     * correction was dropped as "a computed figure". A row total of rt (keyed by several things) named every numeric
     * field of its records. Now the run keeps the input it read (input.zip) and review traces in that: the kinds and
     * sources are the run's, found in today's input by their records' keys (a moved line where it is now, a deleted
     * record said to be gone), and --apply writes only a record that still holds the published value.
     */
    @Test
    void aReviewAfterTheInputChangedIsTracedInTheInputTheRunRead() throws Exception {
        Path input = tmp.resolve("input");
        Path runOut = tmp.resolve("out");
        Path zh = nightlyZhWorkbook(input, "xlsx");
        assertTrue(Files.isRegularFile(zh.resolveSibling("input.zip")), "the run keeps the input it read");
        // Since the run: every region's rate but Africa's changed, Africa's line moved last, Europe's deleted (then back); every
        // indicator's target_total changed.
        Path inflation = input.resolve("2022-23/regional_inflation.csv");
        Files.writeString(inflation, "region,annual_inflation_pct\nAM,3.5\nAS,13.0\nAP,3.0\nAF,4.4\n");
        Path indicators = input.resolve("2022-23/results_indicators.csv");
        Files.writeString(indicators, java.util.regex.Pattern.compile(",(\\d+),([A-Z_]+)$", java.util.regex.Pattern.MULTILINE)
                .matcher(Files.readString(indicators)).replaceAll(m -> "," + (Long.parseLong(m.group(1)) + 1) + "," + m.group(2)));
        Path returned = tmp.resolve("back.xlsx");
        try (var in = Files.newInputStream(zh); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var a21 = wb.getSheet(sheetOf(zh, "a2-1"));
            // Africa's as a program may save a computed 4.6: 4.6000000000000005, written as 4.6 (Excel's 15 digits), which
            // the field's one decimal takes (before, refused as "more than 1 decimal places").
            Map.of("非洲", 4.4 + 0.2, "美洲", 3.6, "欧洲", 4.5).forEach((region, rate) -> {
                var row = rowLabelled(a21, region);
                row.getCell(row.getLastCellNum() - 1).setCellValue(rate);
            });
            var ratifications = rowLabelled(wb.getSheet(sheetOf(zh, "rt")), "合计：批准书");
            int all = 0;
            for (var cell : ratifications) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && cell.getNumericCellValue() == 105) {
                    cell.setCellValue(106);
                    all++;
                }
            }
            assertEquals(1, all, "the ratifications' target in all regions");
            written(wb, returned);
        }
        Path copy = tmp.resolve("copy");
        // Europe's line deleted: today's input is refused (every split region has a rate), and nothing is written.
        CliRun broken = CliRun.capture(ownDatabase(), "review", returned.toString(), "--input", input.toString(), "--output",
                runOut.toString(), "--apply", copy.toString());
        assertEquals(3, broken.status(), broken.toString());
        assertTrue(broken.err().contains("regional_inflation.csv, column region: no row for region EU"), broken.err());
        assertFalse(Files.exists(copy), "nothing written");
        // Europe's line back, its rate changed too, before Africa's.
        Files.writeString(inflation, "region,annual_inflation_pct\nAM,3.5\nAS,13.0\nAP,3.0\nEU,4.3\nAF,4.4\n");
        CliRun r = CliRun.capture(ownDatabase(), "review", returned.toString(), "--input", input.toString(), "--output", runOut.toString(),
                "--apply", copy.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("each change is traced in the input the run read"), r.out());
        List<String> lines = csv(tmp.resolve("review-back.csv")).stream().map(x -> String.join(",", x)).toList();
        String all = String.join("\n", lines);
        String file = input + "/2022-23/regional_inflation.csv";
        assertTrue(lines.contains("a2-1,AF,rate_pct,4.4,4.6000000000000005,input," + file + ",6,annual_inflation_pct,a2-1 区域通货膨胀率,"
                + "B7,非洲,年均通货膨胀率（%）,applied " + file + ", line 6, column annual_inflation_pct: '4.4' -> '4.6',"), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,AM,rate_pct,3.4,3.6,input," + file + ",2,annual_inflation_pct,")
                && l.endsWith(",not applied: " + file + ", line 2, column annual_inflation_pct now holds '3.5', not the published "
                + "'3.4' (the file changed since the run): decide on the reviewer's '3.6' by hand,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,EU,rate_pct,4.2,4.5,input," + file + ",5,annual_inflation_pct,")
                && l.endsWith(",not applied: " + file + ", line 5, column annual_inflation_pct now holds '4.3', not the published "
                + "'4.2' (the file changed since the run): decide on the reviewer's '4.5' by hand,")), all);
        String indicatorsFile = input + "/2022-23/results_indicators.csv";
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("rt,ALL.RATIFICATION,target_ALL,105,106,derived," + indicatorsFile + "; "
                + indicatorsFile + ",15; 16,target_total; target_total,")), "the two ratification indicators' targets: " + all);
        assertEquals(List.of("region,annual_inflation_pct", "AM,3.5", "AS,13.0", "AP,3.0", "EU,4.3", "AF,4.6"),
                Files.readAllLines(copy.resolve("2022-23/regional_inflation.csv")), "Africa's line, where it is now");
        String page = Files.readString(tmp.resolve("review-back.html"));
        // The page, in the workbook's language, says the changes were traced in the run's own copy of its input.
        assertTrue(page.contains("每处变化均在运行文件夹中保存的该运行所读输入的副本（input.zip）中追溯"), page);
        assertFalse(page.contains("未保存其所读输入的副本"), page);

        // A run published before runs kept their input: traced in today's input, and said so.
        Files.delete(zh.resolveSibling("input.zip"));
        CliRun old = CliRun.capture(ownDatabase(), "review", returned.toString(), "--input", input.toString(), "--output",
                runOut.toString());
        assertEquals(0, old.status(), old.toString());
        assertTrue(old.out().contains("the run keeps no copy of its input (published before runs kept one)"), old.out());
        String oldPage = Files.readString(tmp.resolve("review-back.html"));
        assertTrue(oldPage.contains("且该运行未保存其所读输入的副本") && !oldPage.contains("input.zip"), "and its page: " + oldPage);
    }

    /** An input workbook (input export) given to review is named as one, with the commands that take it. */
    @Test
    void anInputWorkbookIsToldApart() throws Exception {
        Path book = tmp.resolve("inputs.xlsx");
        CliRun export = CliRun.capture(Map.of(), "input", "export", "--input", Golden.input().toString(), "--out", book.toString());
        assertEquals(0, export.status(), export.toString());
        String line = oneErrorLine(review(book));
        assertTrue(line.contains("an input workbook (made by 'pb-annex input export'), not a workbook of a run")
                && line.contains("check --input " + book) && line.contains("input import " + book), line);
    }

    private static org.apache.poi.ss.usermodel.Row rowLabelled(org.apache.poi.ss.usermodel.Sheet sheet, String label) {
        for (var row : sheet) {
            var first = row.getCell(0);
            if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && first.getStringCellValue().strip().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }

    /**
     * Found by a reviewer's trial: an edited column heading, or two sheet names swapped, dropped the whole table from the
     * comparison (its edits unlisted); a label and the only figure of a row edited together were a row deleted and one
     * added; comments on the cover were not listed, nor what a reviewer typed in a column of their own; sa's amounts,
     * copied from the input, Table 1's lines, rolled up from their units' budget lines, and annex 1's Part II, had no
     * source.
     */
    @Test
    void editedHeadingsSwappedSheetsAndNotesOfTheReviewersOwnAreFollowed() throws Exception {
        Path returned = tmp.resolve("notes.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            // Table A2-1 and Annex 3 swap names; in A2-1, Africa's rate changes, and the Americas' label and rate.
            String a21 = sheetOf(published, "a2-1");
            String a3 = sheetOf(published, "a3");
            wb.setSheetName(wb.getSheetIndex(a21), "swap");
            wb.setSheetName(wb.getSheetIndex(a3), a21);
            wb.setSheetName(wb.getSheetIndex("swap"), a3);
            var rates = wb.getSheet(a3);
            rowLabelled(rates, "非洲").getCell(1).setCellValue(4.6);
            var americas = rowLabelled(rates, "美洲");
            americas.getCell(0).setCellValue("美洲地区");
            americas.getCell(1).setCellValue(3.6);
            // Table A2-2: the rate column's heading edited and a rate changed under it; a column of the reviewer's notes.
            var costs = wb.getSheet(sheetOf(published, "a2-2"));
            org.apache.poi.ss.usermodel.Cell heading = null;
            for (var row : costs) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().contains("调整率")) {
                        heading = cell;
                    }
                }
            }
            heading.setCellValue("调整率 %");
            int notes = heading.getColumnIndex() + 1;
            heading.getRow().createCell(notes).setCellValue("审核意见");
            var staff = rowLabelled(costs, "人员费用");
            staff.getCell(heading.getColumnIndex()).setCellValue(1.8);
            staff.createCell(notes).setCellValue("偏高");
            // Supplementary authorizations: the input writes the period 2012-2013, the table keys it 2012-13.
            rowLabelled(wb.getSheet(sheetOf(published, "sa")), "2012-2013").getCell(1).setCellValue(1800000);
            // Table 1's line A, a roll-up of its units' budget lines through the reference (line <- units <- budget).
            rowLabelled(wb.getSheet(sheetOf(published, "t1")), "A. 政策制定机关").getCell(1).setCellValue(50267589);
            // Annex 1's Part II: one unit's budget line printed as its Part's total, with no rows above it to sum.
            rowLabelled(wb.getSheet(sheetOf(published, "a1")), "第二编. 意外支出").getCell(7).setCellValue(876000);
            // A comment on the cover.
            var cover = wb.getSheetAt(0);
            var anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(1);
            anchor.setRow1(1);
            anchor.setCol2(4);
            anchor.setRow2(4);
            var comment = cover.createDrawingPatriarch().createCellComment(anchor);
            comment.setString(wb.getCreationHelper().createRichTextString("封面批注"));
            var a1 = cover.getRow(0) == null ? cover.createRow(0) : cover.getRow(0);
            (a1.getCell(0) == null ? a1.createCell(0) : a1.getCell(0)).setCellComment(comment);
            written(wb, returned);
        }
        List<String> lines = reviewed(returned);
        String all = String.join("\n", lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,,,") && l.contains(",sheet_renamed,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a3,,,") && l.contains(",sheet_renamed,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,AF,rate_pct,4.4,4.6,input,input/2022-23/regional_inflation.csv,2,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,AM,label,美洲,美洲地区,input,input/reference/regions.csv,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-1,AM,rate_pct,3.4,3.6,input,input/2022-23/regional_inflation.csv,3,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-2,,rate_pct,") && l.contains(",调整率 %,heading,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-2,STAFF,rate_pct,1.7,1.8,")), "compared under its edited heading: " + all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-2,,,,审核意见,column_added,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a2-2,STAFF,,,偏高,column_added,") && l.contains(",人员费用,审核意见")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(",,,,封面批注,comment,") && l.contains(",封面,A1,")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sa,2012-13,amount_usd,1796400,1800000,input,"
                + "input/2022-23/supplementary_authorizations.csv,3,amount_usd,")), all);
        assertTrue(lines.stream().noneMatch(l -> l.contains("row_added") || l.contains("row_deleted") || l.contains("column_deleted")
                || l.contains("sheet_added") || l.contains("sheet_deleted")), all);
        String lineA = lines.stream().filter(l -> l.startsWith("t1,A,budget_previous,50267588,50267589,derived,")).findFirst()
                .orElseThrow(() -> new AssertionError(all));
        assertTrue(lineA.contains(",input/2022-23/budget.csv; input/2022-23/budget.csv; input/2022-23/budget.csv; input/2022-23/budget.csv,"
                + "2; 3; 4; 5,budget_previous; budget_previous; budget_previous; budget_previous,"), "its units' budget lines: " + lineA);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a1,part.II,non_staff_costs,875000,876000,derived,"
                + "input/2022-23/budget.csv,49,non_staff_costs,")), "its unit's budget line: " + all);
        assertEquals(1 + 13, lines.size(), all);
    }

    /** A returned workbook edited with POI: the published one, changed by {@code edit}, written to {@code name}. */
    private Path poiEdited(String name, java.util.function.Consumer<org.apache.poi.xssf.usermodel.XSSFWorkbook> edit) throws IOException {
        Path returned = tmp.resolve(name);
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            edit.accept(wb);
            written(wb, returned);
        }
        return returned;
    }

    /** The first row label (column A below the heading row) whose text contains {@code part}. */
    private static org.apache.poi.ss.usermodel.Cell labelWith(org.apache.poi.ss.usermodel.Sheet sheet, String part) {
        for (var row : sheet) {
            var cell = row.getCell(0);
            if (row.getRowNum() > 6 && cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && cell.getStringCellValue().contains(part)) {
                return cell;
            }
        }
        throw new AssertionError("no label with " + part + " in " + sheet.getSheetName());
    }

    /** The first text cell of a sheet whose text contains {@code part}. */
    private static org.apache.poi.ss.usermodel.Cell cellWith(org.apache.poi.ss.usermodel.Sheet sheet, String part) {
        for (var row : sheet) {
            for (var cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().contains(part)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell with " + part + " in " + sheet.getSheetName());
    }

    /**
     * Found by a reviewer's trial: a table's title and units line, a note and the cover's title edited where they stand
     * (as the reviewers' mail asks) were "0 changes". Each is a text change, with the input the text is in, never
     * applied (wording is reference data) and saying where to change it.
     */
    @Test
    void editedTitlesUnitsNotesAndTheCoverAreTextChangesNamingTheirInput() throws Exception {
        String a21Sheet = sheetOf(published, "a2-1");
        String a4Sheet = sheetOf(published, "a4");
        String[] was = new String[5];
        Path returned = poiEdited("titles.xlsx", wb -> {
            var a21 = wb.getSheet(a21Sheet);
            var title = a21.getRow(0).getCell(0);
            was[0] = title.getStringCellValue();
            title.setCellValue(was[0].replace("2020-2021", "2022-2023"));
            var units = cellWith(a21, "%");
            was[1] = units.getStringCellValue();
            units.setCellValue(was[1].replace("%", "百分比"));
            var notes = wb.getSheet("注释");
            var note = cellWith(notes, "估计");
            was[2] = note.getStringCellValue();
            note.setCellValue("审阅人改写的注释。");
            var coverTitle = wb.getSheetAt(0).getRow(0).getCell(0);
            was[3] = coverTitle.getStringCellValue();
            coverTitle.setCellValue(was[3] + "（草稿）");
            // The workbook's own units line of a table the print states no units for (a4.workbook_unit).
            var a4Units = cellWith(wb.getSheet(a4Sheet), "单位：");
            was[4] = a4Units.getStringCellValue();
            a4Units.setCellValue(was[4].replace("美元", "千美元"));
        });
        CliRun r = review(returned, "--apply", tmp.resolve("copy").toString());
        assertEquals(0, r.status(), r.toString());
        List<String> lines = csv(tmp.resolve("review-titles.csv")).stream().map(x -> String.join(",", x)).toList();
        String all = String.join("\n", lines);
        String texts = "input/reference/texts.csv,";
        // Known by its place (A1: the table's title, numbered): 2022-23's printed title, which the workbook shows (the
        // closest text had been the shared a2-1.title), its number and the wording around them.
        String title = "a2-1,,," + was[0] + "," + was[0].replace("2020-2021", "2022-2023") + ",text,input/2022-23/reference/texts.csv; "
                + "input/reference/texts.csv; input/reference/texts.csv," + textLine("2022-23/reference/texts.csv", "a2-1.title.printed")
                + "; " + textLine("a2-1.number") + "; " + textLine("edition.workbook.numbered_title") + ",zh; zh; zh,a2-1 区域通货膨胀率,A1,,,"
                + "not applied: a text of the workbook: change it in input/2022-23/reference/texts.csv, line "
                + textLine("2022-23/reference/texts.csv", "a2-1.title.printed") + ", column zh, ";
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(title) && l.endsWith(",")), "found by its place, no guess: " + all);
        String units = "a2-1,,," + was[1] + "," + was[1].replace("%", "百分比") + ",text,input/reference/texts.csv; input/reference/texts.csv,"
                + textLine("a2-1.unit") + "; " + textLine("edition.workbook.units_line") + ",zh; zh,a2-1 区域通货膨胀率,A4,";
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(units) && l.endsWith(",")), "the table's unit and the units line's wording: " + all);
        String a4Units = "a4,,," + was[4] + "," + was[4].replace("美元", "千美元") + ",text,input/reference/texts.csv; input/reference/texts.csv,"
                + textLine("a4.workbook_unit") + "; " + textLine("edition.workbook.units_line") + ",zh; zh," + a4Sheet + ",A4,";
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(a4Units) && l.endsWith(",")), "the workbook's own unit and the units line's wording: " + all);
        // The cover's title is 2022-23's publication.title (no longer taken for the document's title, which it no longer contains).
        long titleLine = textLine("2022-23/reference/texts.csv", "publication.title");
        assertTrue(lines.contains(",,," + was[3] + "," + was[3] + "（草稿）,text,input/2022-23/reference/texts.csv," + titleLine + ",zh,封面,A1,,,"
                + "not applied: a text of the workbook: change it in input/2022-23/reference/texts.csv, line " + titleLine + ", column zh,"
                + "Source guessed: the input text closest to the published cell (its place on the sheet does not say which text it is); "
                + "check it before changing it."), "the cover's texts are still found by the closest text, and say so: " + all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(",,," + was[2] + ",审阅人改写的注释。,text," + texts)
                && l.contains(",注释,D")), all);
        assertEquals(1 + 5, lines.size(), all);
        assertTrue(r.out().contains(" cells compared, 5 changes (5 text)"), r.out());
    }

    /**
     * Found by a tester (case 25): a2's cost change in per cent named cost_change alone, though it is a percentage of the
     * constant budget. A percentage the table declares (Column.percentOf) names both figures it is computed from, each
     * with its inputs, and says that the figure to change is one of them, on the page in its language too.
     */
    @Test
    void aPercentageNamesItsNumeratorAndItsBaseAndWhichFigureToChange() throws Exception {
        double[] was = new double[1];
        String a2 = sheetOf(published, "a2");
        Path returned = poiEdited("pct.xlsx", wb -> {
            var ilc = rowLabelled(wb.getSheet(a2), "国际劳工大会");
            var pct = ilc.getCell(ilc.getLastCellNum() - 3); // cost_change_pct, before recosted and pct_of_total
            was[0] = pct.getNumericCellValue();
            pct.setCellValue(was[0] + 1);
        });
        OneChange one = oneChangeApplied(returned);
        String[] line = one.line();
        String all = one.all();
        assertEquals(List.of("a2", "ILC", "cost_change_pct", "derived"), List.of(line[0], line[1], line[2], line[5]), all);
        assertEquals("cost_change; staff_costs; non_staff_costs", line[8], "the numerator's input, then the base's: " + all);
        assertEquals("2; 2; 2", line[7], all);
        assertEquals("note", ReviewReport.HEADER[14]);
        assertEquals("A percentage, computed, with no input of its own: Cost increase (decrease): Amount "
                + "(input/2022-23/budget.csv: line 2 (cost_change)) over 2022-2023 estimates (at 2020-2021 constant dollars) "
                + "(input/2022-23/budget.csv: line 2 (staff_costs, non_staff_costs)), times 100, rounded half-up. Change whichever "
                + "of the two figures is wrong, in its inputs; the percentage follows.", line[14], all);
        assertEquals("not applied: a computed figure: change the inputs named, by hand", line[13], all);
        String page = Files.readString(tmp.resolve("review-pct.html"));
        assertTrue(page.contains("计算所得的百分比，无对应输入：费用增加(减少)：金额（input/2022-23/budget.csv: 第 2 行 (cost_change)）除以"),
                "the note on the zh page, in Chinese: " + page);
    }

    /**
     * Found by a tester (case 45): a figure typed over "[x]" (a cell for which the table gives none) was a derived change
     * with no source. It is a change of a cell no input holds, saying what [x] means there (the table's own note where one
     * speaks of it, else the workbook's), and never applied.
     */
    @Test
    void aFigureTypedOverXIsACellWithNoInputNeverApplied() throws Exception {
        String[] where = new String[2];
        Path returned = poiEdited("x.xlsx", wb -> {
            for (var sheet : wb) {
                for (var row : sheet) {
                    for (var cell : row) {
                        if (where[0] == null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                && cell.getStringCellValue().equals("[x]") && sheet.getSheetName().matches("[a-z0-9-]+ .*")) {
                            where[0] = sheet.getSheetName();
                            where[1] = cell.getAddress().formatAsString();
                            cell.setCellValue(12);
                        }
                    }
                }
            }
        });
        assertTrue(where[0] != null, "the workbook has a cell [x]");
        OneChange one = oneChangeApplied(returned);
        String[] line = one.line();
        String all = one.all();
        CliRun r = one.run();
        assertEquals(List.of("[x]", "12", "no_input", "", where[0], where[1]),
                List.of(line[3], line[4], line[5], line[6], line[9], line[10]), all);
        assertTrue(line[14].startsWith("No input holds this cell: ") && line[14].contains("[x]")
                && line[14].endsWith("What was typed here is not applied; if the table is to show something here, the input must give it."), all);
        assertEquals("not applied: no input holds this cell ([x]): nothing in the input to change", line[13], all);
        assertTrue(r.out().contains("1 no input"), r.out());
        String page = Files.readString(tmp.resolve("review-x.html"));
        assertTrue(page.contains("没有输入对应此单元格：") && page.contains("<td>无输入</td>"), page);
    }

    /** A review with --apply (exit 0) of a workbook with one change, and that change's line of the CSV. */
    private record OneChange(CliRun run, String[] line, String all) {
    }

    private OneChange oneChangeApplied(Path returned) throws Exception {
        CliRun r = review(returned, "--apply", tmp.resolve("copy").toString());
        assertEquals(0, r.status(), r.toString());
        List<String[]> rows = csv(returned.resolveSibling("review-" + returned.getFileName().toString().replaceFirst("\\.xlsx$", "") + ".csv"));
        String all = rows.stream().map(x -> String.join(",", x)).collect(java.util.stream.Collectors.joining("\n"));
        assertEquals(2, rows.size(), "the header and one change: " + all);
        return new OneChange(r, rows.get(1), all);
    }

    /**
     * A cover a reviewer renamed was a sheet added, and one deleted was not listed at all: each is a sheet-level change, not
     * applied, as a table sheet's; the renamed cover's texts are compared on it, and a workbook without its cover finds
     * its run on the run sheet.
     */
    @Test
    void aRenamedOrDeletedCoverIsListed() throws Exception {
        String[] cover = new String[1];
        Path renamed = poiEdited("renamed.xlsx", wb -> {
            cover[0] = wb.getSheetName(0);
            wb.setSheetName(0, "旧封面");
            var title = wb.getSheetAt(0).getRow(0).getCell(0);
            title.setCellValue(title.getStringCellValue() + "（草稿）");
        });
        CliRun r = review(renamed, "--apply", tmp.resolve("copy").toString());
        assertEquals(0, r.status(), r.toString());
        List<String> lines = csv(tmp.resolve("review-renamed.csv")).stream().map(x -> String.join(",", x)).toList();
        String all = String.join("\n", lines);
        assertTrue(lines.contains(",,," + cover[0] + ",旧封面,sheet_renamed,,,,旧封面,,,,not applied: not a cell of the input "
                + "(sheet renamed),"), all);
        String coverTitle = ",text,input/2022-23/reference/texts.csv," + textLine("2022-23/reference/texts.csv", "publication.title")
                + ",zh,旧封面,A1,";
        assertTrue(lines.stream().anyMatch(l -> l.contains(coverTitle)), all);
        assertEquals(3, lines.size(), "the rename and the title edited on it; no sheet added: " + all);

        Path deleted = poiEdited("deleted.xlsx", wb -> wb.removeSheetAt(0));
        lines = reviewed(deleted);
        assertEquals(List.of(String.join(",", ReviewReport.HEADER), ",,," + cover[0] + ",,sheet_deleted,,,," + cover[0] + ",,,,,"),
                lines);
    }

    /** The line of texts.csv that holds a key. */
    private static long textLine(String key) throws IOException {
        return textLine("reference/texts.csv", key);
    }

    /** The line of a texts file of the input that holds a key. */
    private static long textLine(String file, String key) throws IOException {
        List<String> all = Files.readAllLines(Golden.input().resolve(file));
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith(key + ",")) {
                return i + 1;
            }
        }
        throw new AssertionError("no key " + key);
    }

    /**
     * Found by a reviewer's trial: with a table's heading row deleted, or one heading cleared, the column was "deleted"
     * and the corrections under it not listed. The rows are found by their labels and the columns where the print has
     * them: each heading is listed as edited and each correction as any other.
     */
    @Test
    void aDeletedHeadingRowOrAClearedHeadingKeepsTheCorrectionsBelowIt() throws Exception {
        String a21Sheet = sheetOf(published, "a2-1");
        String a22Sheet = sheetOf(published, "a2-2");
        Path rowGone = poiEdited("norow.xlsx", wb -> {
            var a21 = wb.getSheet(a21Sheet);
            var heading = rowLabelled(a21, "区域");
            rowLabelled(a21, "非洲").getCell(1).setCellValue(4.6);
            int at = heading.getRowNum();
            a21.removeRow(heading);
            a21.shiftRows(at + 1, a21.getLastRowNum(), -1);
        });
        List<String> lines = reviewed(rowGone);
        String all = String.join("\n", lines);
        assertEquals(List.of(String.join(",", ReviewReport.HEADER),
                "a2-1,,label,区域,,heading,,,," + a21Sheet + ",,,区域,,",
                "a2-1,,rate_pct,年均通货膨胀率（%）,,heading,,,," + a21Sheet + ",,,年均通货膨胀率（%）,,",
                "a2-1,AF,rate_pct,4.4,4.6,input,input/2022-23/regional_inflation.csv,2,annual_inflation_pct," + a21Sheet
                        + ",B6,非洲,年均通货膨胀率（%）,,"), lines, "the headings gone, the rows below found by their labels: " + all);
        Path cleared = poiEdited("cleared.xlsx", wb -> {
            var a22 = wb.getSheet(a22Sheet);
            cellWith(a22, "不变美元").setBlank();
            var travel = rowLabelled(a22, "公务差旅费");
            travel.getCell(1).setCellValue(12500000);
        });
        lines = reviewed(cleared);
        assertEquals(List.of(String.join(",", ReviewReport.HEADER),
                "a2-2,,constant,预算(按不变美元计),,heading,,,," + a22Sheet + ",B6,,预算(按不变美元计),,",
                "a2-2,TRAVEL,constant,12394975,12500000,input,input/2022-23/cost_by_object.csv,3,constant_budget," + a22Sheet
                        + ",B8,公务差旅费,预算(按不变美元计),,"), lines, "a cleared heading over a column still there: " + lines);
    }

    /**
     * Found by a reviewer's trial: a correction typed on a copy of a table's sheet was "1 sheet added", the figure
     * nowhere. The copy is compared as the table it copies, its changes listed on the copy.
     */
    @Test
    void aCopiedSheetIsComparedAsTheTableItCopies() throws Exception {
        String a21Sheet = sheetOf(published, "a2-1");
        Path returned = poiEdited("copy.xlsx", wb -> {
            var copy = wb.cloneSheet(wb.getSheetIndex(a21Sheet));
            rowLabelled(copy, "非洲").getCell(1).setCellValue(4.6);
        });
        List<String> lines = reviewed(returned);
        String copy = a21Sheet + " (2)";
        assertEquals(List.of(String.join(",", ReviewReport.HEADER),
                "a2-1,,," + a21Sheet + "," + copy + ",sheet_added,,,," + copy + ",,,,,",
                "a2-1,AF,rate_pct,4.4,4.6,input,input/2022-23/regional_inflation.csv,2,annual_inflation_pct," + copy
                        + ",B7,非洲,年均通货膨胀率（%）,,"), lines, String.join("\n", lines));
    }

    /**
     * Found by a reviewer's trial: '3.4%' typed in a "(%)" column for the published 3.4, and a "[note N]" marker the
     * workbook added deleted from a label, were listed as changes; neither changes anything of the input.
     */
    @Test
    void aPercentSignInAPerCentColumnAndADeletedNoteMarkerAreNoChange() throws Exception {
        String a21Sheet = sheetOf(published, "a2-1");
        String t2Sheet = sheetOf(published, "t2");
        Path returned = poiEdited("tidy.xlsx", wb -> {
            rowLabelled(wb.getSheet(a21Sheet), "美洲").getCell(1).setCellValue("3.4%");
            var marked = labelWith(wb.getSheet(t2Sheet), "[注释 ");
            marked.setCellValue(marked.getStringCellValue().replaceAll("\\s*\\[注释 \\d+\\]", ""));
        });
        assertEquals(List.of(String.join(",", ReviewReport.HEADER)), reviewed(returned));
    }

    /**
     * A correction typed with its per cent sign in a "(%)" column ('4.6%' for the published 4.4) is the figure 4.6, as
     * the published '3.4%' is no change (tester66 case 67: it was refused as input with a per cent sign).
     */
    @Test
    void aCorrectionTypedWithItsPercentSignIsTheFigure() throws Exception {
        String a21Sheet = sheetOf(published, "a2-1");
        Path returned = poiEdited("percent.xlsx", wb -> rowLabelled(wb.getSheet(a21Sheet), "非洲").getCell(1).setCellValue("4.6%"));
        List<String> lines = reviewed(returned);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("a2-1,AF,rate_pct,4.4,4.6,input,input/2022-23/regional_inflation.csv,2,annual_inflation_pct,"),
                lines.get(1));
    }

    @Test
    void aWorkbookOfAnotherRunIsRefused() throws Exception {
        Path other = TestWorkbooks.rewritePart(published, tmp.resolve("other.xlsx"), "xl/sharedStrings.xml",
                x -> x.replace(runId, "20200101T000000.000Z-0000abcd-ffff"));
        assertEquals("pb-annex: " + other + ": the workbook comes from run 20200101T000000.000Z-0000abcd-ffff, which is not "
                + "published in " + out + ": './pb-annex history' says whether the output folder's retention removed it (the runs "
                + "sent to reviewers are kept); for another output folder, use --output DIR", oneErrorLine(review(other)));
        String cover;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(published))) {
            cover = wb.getSheetName(0);
        }
        assertTrue(oneErrorLine(review(published, "--run", "20200101T000000.000Z-0000abcd-ffff"))
                .endsWith("the workbook is from run " + runId + " (its sheet '" + cover + "' says so), not run "
                        + "20200101T000000.000Z-0000abcd-ffff"));
    }

    /**
     * Found by an exploratory test: with its cover deleted the run id was read from the run sheet, yet the line said "its
     * cover says so"; with the run sheet deleted too, --run naming another run was taken at its word (every difference
     * between the runs listed as the reviewer's, and --apply wrote them back), though the document properties name the run.
     */
    @Test
    void aWorkbookWithoutItsCoverOrRunSheetIsKnownByItsRunSheetThenItsProperties() throws Exception {
        String other = "20200101T000000.000Z-0000abcd-ffff";
        String[] runSheet = new String[1];
        Path noCover = poiEdited("no-cover.xlsx", wb -> {
            wb.removeSheetAt(0);
            runSheet[0] = sheetsNaming(wb, runId).get(0);
        });
        assertTrue(oneErrorLine(review(noCover, "--run", other)).endsWith("the workbook is from run " + runId + " (its sheet '"
                + runSheet[0] + "' says so), not run " + other), runSheet[0]);
        Path neither = poiEdited("neither.xlsx", wb -> {
            wb.removeSheetAt(0);
            sheetsNaming(wb, runId).forEach(n -> wb.removeSheetAt(wb.getSheetIndex(n)));
        });
        assertTrue(oneErrorLine(review(neither, "--run", other)).endsWith("the workbook is from run " + runId
                + " (its document properties say so), not run " + other));
        CliRun r = review(neither);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("Run " + runId + " (zh)"), "its run from its properties, without --run: " + r.out());
    }

    /**
     * A workbook that names its run nowhere (cover, run sheet and description gone) is known by when it was made, the start
     * of its run: --run naming a later run of the biennium is refused. A workbook of a run that a newer one has replaced as
     * latest is reviewed against its own run, and the command says the newer run exists (it said nothing of it).
     */
    @Test
    void aWorkbookMadeWhenAnotherRunStartedIsRefusedAndANewerRunIsNamed() throws Exception {
        Path output = tmp.resolve("runs");
        Path biennium = Files.createDirectories(output.resolve("2022-23"));
        org.pbannex.TestInputs.copyTree(published.getParent(), biennium.resolve(runId));
        String newer = "20991231T000000.000Z-0000abcd-ffff";
        Path later = org.pbannex.TestInputs.copyTree(published.getParent(), biennium.resolve(newer));
        org.pbannex.TestInputs.edit(later.resolve("manifest.json"), m -> m.replace(runId, newer)
                .replaceFirst("(\"started_at\"\\s*:\\s*\")[^\"]+", "$12099-12-31T00:00:00Z"));
        Files.createSymbolicLink(biennium.resolve("latest"), Path.of(newer));
        Path nameless = poiEdited("nameless.xlsx", wb -> {
            wb.removeSheetAt(0);
            sheetsNaming(wb, runId).forEach(n -> wb.removeSheetAt(wb.getSheetIndex(n)));
            wb.getProperties().getCoreProperties().setDescription(null);
        });
        CliRun refused = CliRun.capture(ownDatabase(), "review", nameless.toString(), "--output", output.toString(), "--run", newer);
        assertTrue(oneErrorLine(refused).matches(".*: the workbook is from run " + java.util.regex.Pattern.quote(runId)
                + " \\(its document properties say it was made at \\S+Z, when that run started\\), not run " + newer), refused.err());
        // Without --run, the run its creation time names is the one reviewed (it said the workbook named no run).
        CliRun known = CliRun.capture(ownDatabase(), "review", nameless.toString(), "--output", output.toString());
        assertEquals(0, known.status(), known.toString());
        assertTrue(known.out().startsWith("Run " + runId + " "), known.out());

        // A run's own workbook reviewed where it was published: the review's files go to the installation's work/reviews/,
        // never into the run's folder beside what its manifest lists.
        Map<String, String> home = new java.util.HashMap<>(ownDatabase());
        home.put("pb.home", tmp.resolve("home").toString());
        home.put("pb.input", org.pbannex.Golden.input().toString());
        CliRun old = CliRun.capture(home, "review", published.toString(), "--output", output.toString());
        assertEquals(0, old.status(), old.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("home/work/reviews/review-" + published.getFileName().toString()
                .replace(".xlsx", ".csv"))), old.out());
        assertFalse(Files.exists(published.resolveSibling("review-" + published.getFileName().toString().replace(".xlsx", ".csv"))));
        Files.delete(tmp.resolve("home/work/reviews/review-" + published.getFileName().toString().replace(".xlsx", ".csv")));
        assertTrue(old.out().contains("A newer run of 2022-23 is published since: " + newer + " (latest). The reviewer saw the "
                + "figures of run " + runId + "; "), old.out());
        CliRun latest = CliRun.capture(home, "review", published.toString(), "--output", out.toString());
        assertFalse(latest.out().contains("A newer run"), latest.out());
        assertTrue(Files.isRegularFile(tmp.resolve("home/work/reviews/review-" + published.getFileName().toString()
                .replace(".xlsx", ".csv"))), "in the output folder given: " + latest.out());
    }

    /** The sheets of a workbook whose text holds {@code text}. */
    private static List<String> sheetsNaming(org.apache.poi.xssf.usermodel.XSSFWorkbook wb, String text) {
        List<String> found = new java.util.ArrayList<>();
        for (var sheet : wb) {
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().contains(text)
                            && !found.contains(sheet.getSheetName())) {
                        found.add(sheet.getSheetName());
                    }
                }
            }
        }
        return found;
    }

    /**
     * Found by an exploratory test: the unit's label corrected differently on annex 1 and annex 2, the first sheet's
     * answer was applied and the second said "now holds ... decide by hand" as if the input had changed since the run.
     * Two answers for one input cell are a conflict, named with both sheets and cells, and neither is written; the same
     * answer on both sheets is written once.
     */
    @Test
    void twoAnswersForOneInputCellAreAConflictAndNeitherIsApplied() throws Exception {
        String[] cells = new String[2];
        Path two = poiEdited("two.xlsx", wb -> {
            int k = 0;
            for (String id : List.of("a1", "a2")) {
                var label = rowLabelled(wb.getSheet(sheetOfIn(wb, id)), "理事会").getCell(0);
                label.setCellValue(id.equals("a1") ? "国际劳工组织理事会" : "劳工组织理事会");
                cells[k++] = sheetOfIn(wb, id) + ", cell " + label.getAddress().formatAsString();
            }
        });
        Path copy = tmp.resolve("copy");
        CliRun r = review(two, "--apply", copy.toString(), "--lang", "en");
        assertEquals(0, r.status(), r.toString());
        String conflict = "not applied: the workbook gives input/reference/units.csv, line 3, column label_zh different answers, "
                + "'国际劳工组织理事会' on sheet " + cells[0] + " and '劳工组织理事会' on sheet " + cells[1]
                + ": neither is written; decide by hand which is right";
        // Said once in the summary, though both changes carry it (found by an exploratory test: printed twice, the same).
        assertEquals(1, r.out().split(java.util.regex.Pattern.quote("  " + conflict + "\n"), -1).length - 1, r.out());
        assertEquals(-1, Files.mismatch(copy.resolve("reference/units.csv"), Golden.input().resolve("reference/units.csv")));
        List<String> lines = csv(tmp.resolve("review-two.csv")).stream().map(x -> String.join(",", x)).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains(",国际劳工组织理事会,input,") && l.endsWith("," + conflict
                + ",The workbook gives this input cell a different answer too: '劳工组织理事会' on sheet " + cells[1]
                + ": --apply writes neither; decide by hand which is right.")), String.join("\n", lines));

        Path same = poiEdited("same.xlsx", wb -> List.of("a1", "a2").forEach(id ->
                rowLabelled(wb.getSheet(sheetOfIn(wb, id)), "理事会").getCell(0).setCellValue("劳工组织理事会")));
        CliRun once = review(same, "--apply", tmp.resolve("copy-same").toString(), "--lang", "en");
        assertEquals(0, once.status(), once.toString());
        assertTrue(once.out().contains("  applied input/reference/units.csv, line 3, column label_zh: '理事会' -> '劳工组织理事会'\n")
                && once.out().contains("  not applied again: input/reference/units.csv, line 3, column label_zh: the same '劳工组织理事会' "
                + "as on sheet " + cells[0] + " (see that change)\n"), once.out());
        assertTrue(Files.readAllLines(tmp.resolve("copy-same/reference/units.csv")).contains("GB,劳工组织理事会,Governing Body,GOV,A,I"));
    }

    /**
     * Found by an exploratory test: 3.0 typed over 2.9 in a cell of one decimal was written 3, where input import writes
     * what the cell shows, 3.0, as the column's other values read.
     */
    @Test
    void aFigureIsWrittenWithTheDecimalsItsCellShows() throws Exception {
        Path returned = tmp.resolve("decimals.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            assertEquals(1, changeCells(wb, "a2-1", figure(2.9), cell -> cell.setCellValue(3.0)), "Asia and the Pacific's rate");
            written(wb, returned);
        }
        CliRun r = review(returned, "--apply", tmp.resolve("copy").toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("applied input/2022-23/regional_inflation.csv, line 5, column annual_inflation_pct: '2.9' -> '3.0'"),
                r.out());
        assertTrue(Files.readAllLines(tmp.resolve("copy/2022-23/regional_inflation.csv")).contains("AP,3.0"));
    }

    @Test
    void untrustedFilesAreRefusedWithOneLine() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.xlsx"), "name,figure\nAF,4.6\n");
        assertTrue(oneErrorLine(review(text)).startsWith("pb-annex: " + text + ": not an Excel workbook (.xlsx)"));
        // The printed PDF given instead of the workbook: said as a PDF by its first bytes, not as text.
        Path pdf = Files.write(tmp.resolve("pb-annexes-2022-23.zh.pdf"), ("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("pb-annex: " + pdf + ": a PDF document, not an Excel workbook (.xlsx): a PDF cannot be read back; give "
                + "the Excel workbook (.xlsx) itself", oneErrorLine(review(pdf)));

        Path xxe = edited(sheetOf(published, "a2-1"), x -> x.replaceFirst("<\\?xml[^>]*\\?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"));
        assertTrue(oneErrorLine(review(xxe)).contains("declares a document type (DOCTYPE)"));

        Path xlsm = TestWorkbooks.rewritePart(published, tmp.resolve("macros.xlsx"), "[Content_Types].xml",
                x -> x.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
        assertTrue(oneErrorLine(review(xlsm)).endsWith("refused: a macro-enabled workbook (.xlsm); in Excel, save it as Excel "
                + "Workbook (.xlsx), which has no macros"));

        // 50 MB of spaces in a sheet pack into about 50 kB: POI's inflate-ratio guard refuses it.
        Path bomb = TestWorkbooks.rewritePart(published, tmp.resolve("bomb.xlsx"), TestWorkbooks.sheetPart(published,
                sheetOf(published, "a2-1")), x -> x.replace("</worksheet>", " ".repeat(50_000_000) + "</worksheet>"));
        String line = oneErrorLine(review(bomb));
        assertTrue(line.contains("a zip bomb?"), line);
    }

    /**
     * Office 97-2003 files all begin with the same bytes (an OLE2 compound file): what the reviewer gave is told by the
     * entries inside, so an .xls, a Word document, an Outlook message (the mail the workbook came attached to) and a
     * workbook saved with a password are each said for what they are, whatever their names.
     */
    @Test
    void officeFilesThatAreNoWorkbookAreSaidForWhatTheyAre() throws Exception {
        Path xls = TestWorkbooks.xls(tmp.resolve("returned-old.xlsx"), "a1");
        assertEquals("pb-annex: " + xls + ": an Excel 97-2003 workbook (.xls): in Excel, save it as Excel Workbook (.xlsx)",
                oneErrorLine(review(xls)));
        Path doc = TestWorkbooks.ole2(tmp.resolve("corrections.doc"), "WordDocument", "1Table");
        assertEquals("pb-annex: " + doc + ": a Word 97-2003 document (.doc), not an Excel workbook (.xlsx): give the Excel "
                + "workbook (.xlsx) itself", oneErrorLine(review(doc)));
        Path msg = TestWorkbooks.ole2(tmp.resolve("RE pb-annexes.xlsx"), "__properties_version1.0", "__substg1.0_0037001F");
        assertEquals("pb-annex: " + msg + ": an Outlook message (.msg), not an Excel workbook (.xlsx): save the workbook attached "
                + "to the message (in Outlook, Save Attachments) and give that", oneErrorLine(review(msg)));
        Path other = TestWorkbooks.ole2(tmp.resolve("other.xlsx"), "Contents");
        assertTrue(oneErrorLine(review(other)).endsWith(": an Office 97-2003 file (or another program's file of that kind) "
                + "with no workbook in it, not an Excel workbook (.xlsx): give the Excel workbook (.xlsx) itself"));

        // The published workbook itself, saved with a password (as Excel's Encrypt with Password does).
        Path locked = tmp.resolve("locked.xlsx");
        var info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
        var encryptor = info.getEncryptor();
        encryptor.confirmPassword("reviewer");
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            try (var os = encryptor.getDataStream(fs)) {
                Files.copy(published, os);
            }
            try (var os = Files.newOutputStream(locked)) {
                fs.writeFilesystem(os);
            }
        }
        assertEquals("pb-annex: " + locked + ": an Office file locked with a password (encrypted), which cannot be read: in Excel, "
                + "remove its password (File > Info > Protect Workbook > Encrypt with Password) and save it as Excel Workbook "
                + "(.xlsx)", oneErrorLine(review(locked)));
    }

    /** Changes each cell of the sheet of table {@code id} that {@code which} picks as {@code change} says; how many. */
    private static int changeCells(org.apache.poi.xssf.usermodel.XSSFWorkbook wb, String id,
                                   java.util.function.Predicate<org.apache.poi.ss.usermodel.Cell> which,
                                   java.util.function.Consumer<org.apache.poi.ss.usermodel.Cell> change) {
        for (var sheet : wb) {
            if (sheet.getSheetName().startsWith(id + " ")) {
                int changed = 0;
                for (var row : sheet) {
                    for (var cell : row) {
                        if (which.test(cell)) {
                            change.accept(cell);
                            changed++;
                        }
                    }
                }
                return changed;
            }
        }
        throw new AssertionError("no sheet " + id);
    }

    private static java.util.function.Predicate<org.apache.poi.ss.usermodel.Cell> figure(double value) {
        return cell -> cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && cell.getNumericCellValue() == value;
    }

    private static java.util.function.Predicate<org.apache.poi.ss.usermodel.Cell> textStarting(String start) {
        return cell -> cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().startsWith(start);
    }

    private static String sheetOfIn(org.apache.poi.xssf.usermodel.XSSFWorkbook wb, String id) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.getSheetName(i).startsWith(id + " ")) {
                return wb.getSheetName(i);
            }
        }
        throw new AssertionError("no sheet " + id);
    }

    private static String sheetOf(Path workbook, String id) throws IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(workbook))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.getSheetName(i).startsWith(id + " ")) {
                    return wb.getSheetName(i);
                }
            }
        }
        throw new AssertionError("no sheet " + id);
    }

    /** The nightly job run on a copy of the golden input in {@code input} (formats as given): its zh workbook. */
    private Path nightlyZhWorkbook(Path input, String formats) throws Exception {
        org.pbannex.TestInputs.copyTree(Golden.input(), input);
        Path runOut = tmp.resolve("out");
        CliRun run = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", runOut.toString(),
                "--format", formats);
        assertEquals(0, run.status(), run.toString());
        try (Stream<Path> s = Files.walk(runOut)) {
            return s.filter(p -> p.getFileName().toString().equals("pb-annexes-2022-23.zh.xlsx")).findFirst().orElseThrow();
        }
    }
}
