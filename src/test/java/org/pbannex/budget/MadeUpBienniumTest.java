package org.pbannex.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Chart;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/**
 * A made-up organisation's 2030-31 budget, with its own Parts, lines, groups and units, a budget rate other than
 * 1 and a second income item, built only from its own input files. Expected figures are worked out here by hand.
 */
class MadeUpBienniumTest {

    @TempDir
    static Path tmp;
    static Path input;
    static ComputedPublication pub;

    @BeforeAll
    static void buildInput() throws IOException {
        input = tmp.resolve("input");
        Files.createDirectories(input.resolve("reference"));
        Files.createDirectories(input.resolve("2030-31"));
        Files.copy(Golden.input().resolve("datapackage.json"), input.resolve("datapackage.json"));
        for (String f : List.of("texts.csv", "regions.csv", "objects.csv", "target_units.csv", "countries.csv", "restated_columns.csv")) {
            Files.copy(Golden.input().resolve("reference/" + f), input.resolve("reference/" + f));
        }
        write("reference/parts.csv", """
                part,number_zh,number_en,title_zh,title_en,budget_item_zh,budget_item_en,itemised,running_total
                I,第一编,Part I,业务预算,Operating budget,业务预算,Operating budget,true,true
                II,第二编,Part II,储备金,Reserve,储备金,Reserve,false,true
                """);
        write("reference/lines.csv", """
                line,part,label_zh,label_en,amounts_printed
                A,I,A. 治理,A. Governance,true
                B,I,B. 方案,B. Programmes,true
                C,I,C. 支助,C. Support,true
                R,II,储备金,Reserve,true
                """);
        write("reference/groups.csv", """
                group,part,line,label_zh,label_en,layout,heading_zh,heading_en
                BOARD,I,A,理事机构,Governing bodies,group,,
                PROG,I,B,方案部门,Programme departments,group,业务,Operations
                HQ,I,C,总部支助,Headquarters support,single,,
                """);
        write("reference/units.csv", """
                unit,label_zh,label_en,group,line,part
                ASSEMBLY,大会,Assembly,BOARD,A,I
                COUNCIL,执行理事会,Executive Council,BOARD,A,I
                HEALTH,卫生,Health,PROG,B,I
                WATER,水,Water,PROG,B,I
                FIELD,外地,Field,PROG,B,I
                SUPPORT,总部支助,Headquarters support,HQ,C,I
                RESERVE,储备金,Reserve,,R,II
                """);
        write("2030-31/settings.csv", """
                setting,value
                budget_rate_chf_per_usd,0.95
                previous_budget_rate_chf_per_usd,0.9
                """);
        write("2030-31/publication.csv", """
                publication_date,document_symbol,document_title_zh,document_title_en
                2029-02-15,,,
                """);
        // unit, P y/m, GS y/m, staff, non-staff, previous, cost change
        write("2030-31/budget.csv", """
                unit,prof_years,prof_months,gs_years,gs_months,staff_costs,non_staff_costs,budget_previous,cost_change
                ASSEMBLY,12,11,3,4,1000000,500000,1400000,30000
                COUNCIL,0,2,1,9,200000,100001,300001,-3001
                HEALTH,20,6,10,6,3000000,777777,3700000,66666
                WATER,5,7,2,10,900000,300000,1300000,12345
                FIELD,8,8,8,8,1500000,2500000,0,45000
                SUPPORT,3,0,4,0,800000,200000,1000000,-25000
                RESERVE,0,0,0,0,0,250000,250000,0
                """);
        // staff objects must equal annex 1 staff (7 400 000); other objects the non-staff (4 627 778);
        // adjustments the cost change total (126 010).
        write("2030-31/cost_by_object.csv", """
                object,constant_budget,cost_adjustment
                STAFF,7400000,100000
                TRAVEL,1627778,16010
                OTHER,3000000,10000
                """);
        write("2030-31/regional_inflation.csv", """
                region,annual_inflation_pct
                EU,2.5
                AF,7.0
                AP,3.1
                AS,4.0
                AM,3.3
                """);
        write("reference/rbtc_holders.csv", """
                holder
                PROG
                ASSEMBLY
                """);
        write("2030-31/rbtc.csv", """
                holder,constant,recosted,budget_unit
                PROG,4000000,4045000,FIELD
                ASSEMBLY,100000,102000,
                """);
        write("2030-31/income.csv", """
                item,part,label_zh,label_en,basis,amount_previous_usd,amount_usd
                CONTRIB,I,会费,Assessed contributions,balance,,
                INTEREST,I,利息收入,Interest income,amount,10000,20000
                """);
        writeResultsFramework();
        writeOutcomeResources();
        writeDocumentTables();
        Files.createDirectories(input.resolve("expenditure"));
        // XB for Figure 2; RBSA for 2028-29, which the estimates file lacks, so Table 2 takes it from these lines.
        write("expenditure/lines.csv", """
                line_id,period,fund,status,region,country,unit,outcome,object,amount_usd
                E1,2030-05,XB,ESTIMATE,AF,KEN,HEALTH,1,STAFF,1000000.00
                E2,2028-03,XB,ACTUAL,AF,,WATER,2,TRAVEL,250000
                E3,2029-07,XB,ESTIMATE,AM,BRA,FIELD,A,OTHER,49999.99
                E4,2028-11,RBSA,ACTUAL,GL,,HEALTH,1,STAFF,100000.00
                E5,2029-01,RBSA,ESTIMATE,GL,,HEALTH,1,STAFF,50000.5
                E6,2029-02,RBSA,ESTIMATE,GL,,HEALTH,1,STAFF,-0.50
                """);
        write("2030-31/printed_differences.csv", """
                table,row,column,printed,published,explanation_zh,explanation_en,document_symbol
                """);
        pub = Publication.compute(input, Publication.biennium(input, null));
    }

    /** A small results framework: an impact indicator, two policy outcomes (one without outcome indicators) and an enabling one. */
    private static void writeResultsFramework() throws IOException {
        write("2030-31/results_levels.csv", """
                level,stated_count,label_zh,label_en
                impact,1,影响指标,impact indicators
                outcome,1,成果指标,outcome indicators
                policy_output,3,政策产出指标,policy output indicators
                enabling_output,1,产出指标,output indicators
                """);
        write("2030-31/results_outcomes.csv", """
                outcome,kind,title_zh,title_en,placeholder_zh,placeholder_en
                impact,impact,人人健康,Health for all,,
                1,policy,卫生系统,Health systems,,
                2,policy,安全饮水,Safe water,待定。,To be determined.
                A,enabling,高效管理,Efficient management,,
                """);
        write("2030-31/results_outputs.csv", """
                output,outcome,title_zh,title_en
                1.1,1,加强诊所,Stronger clinics
                1.2,1,培训护士,Trained nurses
                2.1,2,净水厂,Water plants
                A.1,A,数字化,Digitalization
                """);
        write("2030-31/results_indicators.csv", """
                indicator,code,level,outcome,output,indicator_zh,indicator_en,verification_zh,verification_en,footnote,target_zh,target_en,target_total,target_unit
                imp-life,,impact,impact,,预期寿命(与可持续发展目标指标 3.8.1 相关)。,Life expectancy (related to SDG indicator 3.8.1).,统计数据库,Statistics database,,延长寿命。,Longer lives.,,
                o1-coverage,,outcome,1,,覆盖率。,Coverage.,统计数据库,Statistics database,,提高。,Higher.,,
                1.1.1,1.1.1,policy_output,1,1.1,诊所数目。,Number of clinics.,报告,Reports,,10 个成员国(非洲 4 个、美洲 6 个)。,"10 member States (Africa 4, Americas 6).",10,MS
                1.2.1,1.2.1,policy_output,1,1.2,护士组织数目。,Nurses' organizations.,报告,Reports,1,5 个组织(非洲 2 个、欧洲和中亚 3 个)。,"5 organizations (Africa 2, Europe and Central Asia 3).",5,ORG
                2.1.1,2.1.1,policy_output,2,2.1,水厂数目。,Water plants.,,,,8 个成员国(非洲 1 个、美洲 2 个、阿拉伯国家 5 个)。,"8 member States (Africa 1, Americas 2, Arab States 5).",8,MS
                A.1.1,A.1.1,enabling_output,A,A.1,数字化比例。,Share digitalized.,系统,System,,100%。,100%.,100,PCT
                """);
        // 1.2.1's marker points to this note under Table I.2 (a marker without its note is refused).
        Files.createDirectories(input.resolve("2030-31/reference"));
        write("2030-31/reference/texts.csv", """
                key,zh,en
                i2.footnote.2,1 只计入护士组织。,1 Nurses' organizations only.
                """);
        write("2030-31/results_baselines.csv", """
                indicator,seq,value,unit,year,estimate,text_zh,text_en
                imp-life,1,71.50,,2028,false,71.50 (2028 年),
                o1-coverage,1,,,,,不适用。,Not applicable.
                1.1.1,1,1888,,2028,false,"1,888 (2028 年)",
                1.1.1,2,7,,2029,true,7 (2029 年*),
                1.2.1,1,40,%,2027-2028,false,40% (2027-2028 年),
                2.1.1,1,,,,,待定。,To be determined.
                A.1.1,1,,,,,待定。,To be determined.
                """);
        write("2030-31/results_regional_targets.csv", """
                indicator,region,count
                1.1.1,AM,6
                1.1.1,AF,4
                1.2.1,AF,2
                1.2.1,EU,3
                2.1.1,AF,1
                2.1.1,AM,2
                2.1.1,AS,5
                """);
    }

    /** Line B (HEALTH, WATER, FIELD) is 8 977 777 at constant prices and 5 000 000 before; no support-services group. */
    private static void writeOutcomeResources() throws IOException {
        write("reference/strategic_framework.csv", """
                role,code
                outcomes_line,B
                support_services_group,
                """);
        write("2030-31/outcome_allocations.csv", """
                outcome,total_usd
                1,5000000
                2,3977777
                """);
        write("2030-31/outcome_allocations_previous.csv", """
                outcome,usd_millions
                1,3.0
                2,2.0
                """);
        write("2030-31/outcome_contributors.csv", """
                outcome,seq,unit,label_zh,label_en,share_pct,confidence
                1,1,HEALTH,卫生,Health,60.0,
                1,2,,其他,Other,10.0,
                """);
        write("2030-31/extrabudgetary_estimates.csv", """
                biennium,fund,outcome,usd_millions
                2028-29,XB,1,1.5
                2028-29,XB,2,0.0
                2030-31,XB,1,2.5
                2030-31,XB,2,0.7
                2030-31,RBSA,,0.4
                """);
    }

    /** Two authorizations, two SDG targets (one linked to the impact indicator), one risk; no partly actual biennium. */
    private static void writeDocumentTables() throws IOException {
        write("2030-31/supplementary_authorizations.csv", """
                financial_period,amount_usd
                2026-2027,100000
                2028-2029,250000
                """);
        write("2030-31/sdg_targets.csv", """
                sdg_target,target_zh,target_en,outcomes
                3.8,实现全民健康保障。,Achieve universal health coverage.,ALL
                6.1,人人获得安全饮用水。,Safe drinking water for all.,2
                """);
        write("2030-31/sdg_indicators.csv", """
                sdg_indicator,sdg_target,indicator_zh,indicator_en,results_indicator
                3.8.1,3.8,基本保健服务覆盖面。,Coverage of essential health services.,imp-life
                """);
        write("2030-31/strategic_risks.csv", """
                risk,event_zh,event_en,consequences_zh,consequences_en,comments_zh,comments_en,response_zh,response_en
                1,资金不足。,Funding falls short.,活动减少。,Fewer activities.,捐助减少。,Fewer donors.,"扩大伙伴关系。
                控制费用。","Widen partnerships.
                Control costs."
                """);
        write("2030-31/expenditure_as_of.csv", """
                biennium,as_of
                """);
    }

    private static void write(String rel, String body) throws IOException {
        Files.writeString(input.resolve(rel), body);
    }

    private static BigDecimal pct(long num, long den) {
        return new BigDecimal(num).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(den), 1, RoundingMode.HALF_UP);
    }

    @Test
    void theLatestDataFolderIsTheBiennium() {
        assertEquals(new Biennium(2030), Publication.biennium(input, null));
        assertEquals("2030-31", pub.inputs().biennium());
    }

    @Test
    void everyCheckPasses() {
        assertEquals(List.of(), pub.checks().failures());
        assertTrue(pub.checks().results().size() > 100);
    }

    @Test
    void annex1RollsUpUnitsGroupsAndParts() {
        Table a1 = pub.tables().get("a1");
        List<String> keys = a1.rows().stream().map(Row::key).toList();
        assertEquals(List.of("part.I.heading", "BOARD.heading", "ASSEMBLY", "COUNCIL", "BOARD.subtotal", "heading.PROG",
                "PROG.heading", "HEALTH", "WATER", "FIELD", "PROG.subtotal", "SUPPORT", "part.I", "part.II", "total"), keys);
        Row board = a1.row("BOARD.subtotal");
        assertEquals(13 * 12 + 1, board.amount("prof"), "12/11 + 0/2 = 13/1");
        assertEquals(5 * 12 + 1, board.amount("gs"), "3/4 + 1/9 = 5/1");
        assertEquals(1_800_001L, board.amount("total"));
        assertEquals("小计", board.label().zh());
        assertEquals("第一编合计", a1.row("part.I").label().zh());
        assertEquals(7_400_000L, a1.row("part.I").amount("staff_costs"));
        assertEquals("第二编. 储备金", a1.row("part.II").label().zh());
        assertEquals(250_000L, a1.row("part.II").amount("total"));
        assertEquals("合计(第一编至第二编)", a1.row("total").label().zh());
        assertEquals("Total (Parts I-II)", a1.row("total").label().en());
        assertEquals(12_027_778L, a1.row("total").amount("total"));
        assertEquals(RowType.UNIT, a1.row("SUPPORT").type());
    }

    @Test
    void annex2DerivesChangesAndPercentages() {
        Table a2 = pub.tables().get("a2");
        Row council = a2.row("COUNCIL");
        assertEquals(0L, council.amount("programme_change"), "300 001 - 300 001");
        assertEquals(pct(-3001, 300001), council.value("cost_change_pct"));
        Row field = a2.row("FIELD");
        assertEquals(4_000_000L, field.amount("programme_change"));
        assertEquals(new BigDecimal("100.0"), field.value("programme_change_pct"), "new unit: printed as 100.0");
        long grand = 12_027_778L + 126_010L;
        assertEquals(grand, a2.row("total").amount("recosted"));
        assertEquals(pct(3_777_777 + 66_666, grand), a2.row("HEALTH").value("pct_of_total"));
        assertEquals(new BigDecimal("100.0"), a2.row("total").value("pct_of_total"));
        assertTrue(a2.column("budget_previous").heading().zh().startsWith("2028-2029 两年期"), a2.column("budget_previous").heading().zh());
    }

    @Test
    void table1HasTheLinesAndRunningTotals() {
        Table t1 = pub.tables().get("t1");
        assertEquals(1_800_001L, t1.row("A").amount("constant"));
        assertEquals(8_977_777L, t1.row("B").amount("constant"));
        assertEquals(1_000_000L - 25_000L, t1.row("C").amount("recosted"));
        assertEquals("第一编总计", t1.row("total.I").label().zh());
        assertEquals("总计(第一编至第二编)", t1.row("total.II").label().zh());
        assertEquals(RowType.GRAND_TOTAL, t1.row("total.II").type());
        assertEquals(7_700_001L + 250_000L, t1.row("total.II").amount("budget_previous"));
        assertTrue(t1.columns().get(1).heading().zh().contains("2030-2031"));
    }

    @Test
    void budgetResolutionBalancesIncomeAtTheBudgetRates() {
        Table br = pub.tables().get("br");
        long recosted = 12_027_778L + 126_010L;
        long previous = 7_700_001L + 250_000L;
        Row partI = br.row("part.I");
        assertEquals("第一编 业务预算", partI.label().zh());
        assertEquals(recosted - 20_000L, partI.amount("income_usd"), "contributions = expenditure less interest");
        assertEquals(previous - 10_000L, partI.amount("income_previous_usd"));
        Row interest = br.row("income.INTEREST");
        assertEquals("利息收入", interest.label().zh(), "a second income item of Part I gets a row of its own");
        assertEquals(20_000L, interest.amount("income_usd"));
        assertEquals(19_000L, interest.amount("income_chf"));
        assertEquals(null, interest.value("expenditure"));
        Row total = br.row("total");
        assertEquals(recosted, total.amount("income_usd"));
        assertEquals(new BigDecimal(recosted).multiply(new BigDecimal("0.95")).setScale(0, RoundingMode.HALF_UP).longValueExact(),
                total.amount("income_chf"));
        assertEquals(new BigDecimal(previous).multiply(new BigDecimal("0.9")).setScale(0, RoundingMode.HALF_UP).longValueExact(),
                total.amount("income_previous_chf"));
    }

    @Test
    void smallTablesFollowTheirInputs() {
        Table a21 = pub.tables().get("a2-1");
        assertEquals(List.of("AF", "AM", "AS", "AP", "EU"), a21.rows().stream().map(Row::key).toList(), "in the order of the region list");
        assertEquals("欧洲", a21.row("EU").label().zh());
        Table a22 = pub.tables().get("a2-2");
        assertEquals(pct(126_010, 12_027_778), a22.row("total").value("rate_pct"));
        Table a3 = pub.tables().get("a3");
        assertEquals("方案部门", a3.row("PROG").label().zh());
        assertEquals(4_147_000L, a3.row("total").amount("recosted"));
    }

    @Test
    void theNightlyJobPublishesTheNewBiennium() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        Path run = out.resolve("2030-31/latest").toRealPath();
        assertTrue(Files.isRegularFile(run.resolve("pb-annexes-2030-31.zh.pdf")));
        assertTrue(Files.readString(run.resolve("csv/a1.csv")).contains("FIELD,unit,外地,Field,8,8,8,8,1500000,2500000,4000000"));
    }

    /**
     * A reviewer's edit of a Table 2 figure the table took from the expenditure lines (the estimates file has no RBSA for
     * 2028-29) names those lines as its source, the outcome's for its row and every outcome's for the subtotal, as
     * Figure 2's figures do; an XB figure of the same biennium, which the estimates file has, names that file (its column
     * has one figure and a mark for a missing one, "[x]", which is no figure of the column's).
     */
    @Test
    void theReviewNamesTheLinesATable2FigureSums() throws Exception {
        Path out = tmp.resolve("reviewed");
        Path db = tmp.resolve("review-db");
        CliRun r = CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString(), "--format", "xlsx,csv");
        assertEquals(0, r.status(), r.toString());
        Path published = Path.of(r.out().lines().findFirst().orElseThrow().replace("Published: ", "")
                .replace("  (partial run: latest not moved)", "")).resolve("pb-annexes-2030-31.zh.xlsx");
        Path returned = tmp.resolve("t2-returned.xlsx");
        try (var in = Files.newInputStream(published); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var t2 = java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetAt)
                    .filter(sh -> sh.getSheetName().startsWith("t2 ")).findFirst().orElseThrow();
            int rbsa = -1;
            int xb = -1;
            for (var row : t2) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        String heading = cell.getStringCellValue();
                        rbsa = heading.startsWith("2028-2029 两年期估计经常预算补充账户支出") ? cell.getColumnIndex() : rbsa;
                        xb = heading.startsWith("2028-2029 两年期估计预算外支出") ? cell.getColumnIndex() : xb;
                    }
                }
            }
            for (var row : t2) {
                var label = row.getCell(0);
                if (label != null && label.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && (label.getStringCellValue().startsWith("成果目标 1") || label.getStringCellValue().equals("政策成果目标小计"))) {
                    row.getCell(rbsa).setCellValue(row.getCell(rbsa).getNumericCellValue() + 1);
                    if (label.getStringCellValue().startsWith("成果目标 1")) {
                        row.getCell(xb).setCellValue(row.getCell(xb).getNumericCellValue() + 1);
                    }
                }
            }
            try (var os = Files.newOutputStream(returned)) {
                wb.write(os);
            }
        }
        CliRun review = CliRun.run(db, "review", returned.toString(), "--input", input.toString(), "--output", out.toString());
        assertEquals(0, review.status(), review.toString());
        String csv = Files.readString(tmp.resolve("review-t2-returned.csv"));
        String lines = "input/expenditure/lines.csv";
        assertTrue(csv.contains("t2,1,rbsa_previous,0.2,1.2,derived," + lines + ",\"fund = RBSA, outcome = 1, period = 2028-01 … 2029-12\",amount_usd,"),
                csv);
        // The policy outcomes subtotal sums the rows' outcomes' lines (the total, every line of the fund).
        assertTrue(csv.contains("t2,subtotal,rbsa_previous,0.2,1.2,derived," + lines + ",\"fund = RBSA, outcome in (1, 2), period = 2028-01 … "
                + "2029-12\",amount_usd,"), csv);
        assertTrue(csv.contains("t2,1,xb_previous,1.5,2.5,input,") && csv.contains("extrabudgetary_estimates.csv"), csv);
    }

    @Test
    void resultsFrameworkTablesComeFromTheBienniumsOwnFramework() {
        Table i2 = pub.tables().get("i2");
        assertEquals(List.of("outcome.1", "o1-coverage", "output.1.1", "1.1.1", "output.1.2", "1.2.1", "outcome.2",
                "outcome.2.placeholder", "output.2.1", "2.1.1"), i2.rows().stream().map(Row::key).toList());
        assertEquals("Outcome 2: Safe water", i2.row("outcome.2").label().en());
        assertEquals("待定。", i2.row("outcome.2.placeholder").label().zh());
        assertEquals(RowType.UNIT, i2.row("outcome.2.placeholder").type(), "set in the indicator slot, not as a bold heading");
        Row clinics = i2.row("1.1.1");
        assertEquals("1.1.1. 诊所数目。", clinics.label().zh());
        // Baselines: printed text kept; the English derived from value, year and the estimate flag.
        assertEquals(new org.pbannex.table.Text("1,888 (2028 年); 7 (2029 年*)", "1,888 (2028); 7 (2029*)"),
                clinics.value("baselines"));
        assertEquals(4L, clinics.value("AF"));
        assertEquals(6L, clinics.value("AM"));
        assertEquals(null, clinics.value("EU"));
        assertEquals("1.2.1. 护士组织数目。¹", i2.row("1.2.1").label().zh());
        assertEquals("1 Nurses' organizations only.", i2.footnotes().get(i2.footnotes().size() - 1).en(), "the note ¹ points to");
        assertEquals("40% (2027-2028)", ((org.pbannex.table.Text) i2.row("1.2.1").value("baselines")).en());
        assertEquals("71.50 (2028)", ((org.pbannex.table.Text) pub.tables().get("i1").row("imp-life").value("baselines")).en());
        assertEquals(List.of("outcome.A", "output.A.1", "A.1.1"), pub.tables().get("i3").rows().stream().map(Row::key).toList());
    }

    @Test
    void regionalTargetsAreWorkedOutByHand() {
        Table rt = pub.tables().get("rt");
        assertEquals(List.of("outcome.1", "1.ORG", "1.MS", "outcome.2", "2.MS", "total", "ALL.ORG", "ALL.MS"),
                rt.rows().stream().map(Row::key).toList());
        // member States: outcome 1 (AF 4, AM 6) + outcome 2 (AF 1, AM 2, AS 5)
        Row ms = rt.row("ALL.MS");
        assertEquals(List.of(5L, 8L, 5L, 0L, 0L, 18L), List.of(ms.amount("target_AF"), ms.amount("target_AM"),
                ms.amount("target_AS"), ms.amount("target_AP"), ms.amount("target_EU"), ms.amount("target_ALL")));
        assertEquals(List.of(2L, 2L, 1L, 0L, 0L, 2L), List.of(ms.amount("indicators_AF"), ms.amount("indicators_AM"),
                ms.amount("indicators_AS"), ms.amount("indicators_AP"), ms.amount("indicators_EU"), ms.amount("indicators_ALL")));
        Row org = rt.row("1.ORG");
        assertEquals(List.of(2L, 0L, 3L, 5L), List.of(org.amount("target_AF"), org.amount("target_AM"), org.amount("target_EU"),
                org.amount("target_ALL")));
        assertEquals(5 * 6, rt.tidy().lines().size(), "5 valued rows x (5 regions + ALL)");
        // One chart per unit of count, never two units on one axis.
        assertEquals(List.of("rt-ORG", "rt-MS"), rt.charts().stream().map(Chart::id).toList());
        var chart = rt.charts().get(1);
        assertEquals(List.of("Member States"), chart.series().stream().map(s -> s.name().en()).toList());
        assertEquals(List.of(5L, 8L, 5L, 0L, 0L), chart.series().get(0).values());
        assertEquals("Sum of regional targets by region: Member States", chart.title().en());
        // 2030-31 names no printed document: the caveat speaks of none.
        assertEquals("The table of targets by region is computed from the regional targets of tables I.2 and I.3.", rt.caveat().en());
        assertTrue(pub.checks().failures().isEmpty(), "checks: " + pub.checks().failures());
        // Countable targets: 1.1.1, 1.2.1, 2.1.1 and A.1.1, each in both languages (one alone is refused at input).
        assertEquals(4, pub.checks().results().stream().filter(r -> r.name().equals("results.target_text_zh")).count());
        assertEquals(4, pub.checks().results().stream().filter(r -> r.name().equals("results.target_text_en")).count());
    }

    @Test
    void strategicFrameworkAndAnnex4AreWorkedOutByHand() {
        Table t2 = pub.tables().get("t2");
        assertEquals(List.of("1", "2", "subtotal", "support_services", "total"), t2.rows().stream().map(Row::key).toList());
        assertEquals(new BigDecimal("5.0"), t2.row("1").value("rb"));
        assertEquals(new BigDecimal("4.0"), t2.row("2").value("rb"), "3 977 777 rounds to 4.0");
        assertEquals(new BigDecimal("9.0"), t2.row("subtotal").value("rb"), "8 977 777");
        assertEquals(new BigDecimal("0.0"), t2.row("support_services").value("rb"), "no support-services group");
        assertEquals(new BigDecimal("9.0"), t2.row("total").value("rb"));
        assertEquals(new BigDecimal("5.0"), t2.row("total").value("rb_previous"));
        assertEquals(new BigDecimal("3.2"), t2.row("subtotal").value("xb"), "2.5 + 0.7");
        assertEquals(new BigDecimal("0.4"), t2.row("total").value("rbsa"), "RBSA not split by outcome");
        assertEquals(new BigDecimal("0.0"), t2.row("2").value("xb_previous"), "none, said: outcome 2 was in 2028-29");
        Table a4 = pub.tables().get("a4");
        assertEquals(List.of("1", "1.1", "1.2", "1.rest", "2", "2.rest"), a4.rows().stream().map(Row::key).toList());
        assertEquals(new BigDecimal("30.0"), a4.row("1.rest").value("share_pct"));
        assertEquals("OTHER", a4.row("1.2").value("contributor"));
        assertEquals(3977777L, a4.row("2").value("total_usd"));
        assertEquals(new BigDecimal("100.0"), a4.row("2.rest").value("share_pct"));
        // A pie for outcome 1 (a stated share and the rest); none for outcome 2, which states none: a sentence instead.
        assertEquals(List.of("a4-1"), a4.charts().stream().map(Chart::id).toList());
        assertEquals(Chart.Kind.PIE, a4.charts().get(0).kind());
        assertEquals(List.of("卫生", "其他", "未列明 (未逐项列出的司局和外地计划)"),
                a4.charts().get(0).categories().stream().map(org.pbannex.table.Text::zh).toList());
        // The shared wording, which speaks of no source document (2022-23's own texts do).
        assertEquals(List.of("Shares not stated for a department or field programme are shown as not itemised, never estimated.",
                "No share of outcome 2 is stated for a department or field programme, so no chart is drawn for it."),
                a4.footnotes().stream().map(n -> n.en()).toList());
    }

    @Test
    void figure2AndTable2FromExpenditureLinesByHand() {
        Table f2 = pub.tables().get("f2");
        assertEquals(List.of("AF", "AM", "total"), f2.rows().stream().map(Row::key).toList());
        assertEquals(List.of("2028-2029 **", "2030-2031 ***"), f2.columns().stream().map(c -> c.heading().zh()).toList());
        assertEquals(new BigDecimal("0.3"), f2.row("AF").value("2028-29"), "250 000.00 -> 0.25 -> 0.3 (half-up)");
        assertEquals(new BigDecimal("0.0"), f2.row("AM").value("2028-29"), "49 999.99");
        assertEquals(new BigDecimal("1.0"), f2.row("AF").value("2030-31"));
        assertEquals(new BigDecimal("0.3"), f2.row("total").value("2028-29"), "299 999.99");
        assertEquals(null, f2.row("AM").value("2030-31"));
        var tidy = f2.tidy().lines().stream().map(l -> l.values().get("region") + " " + l.values().get("biennium") + " "
                + l.values().get("status") + " " + l.values().get("amount_usd")).toList();
        assertEquals(List.of("AF 2028-29 ACTUAL 250000.00", "AF 2030-31 ESTIMATE 1000000.00", "AM 2028-29 ESTIMATE 49999.99"), tidy);
        assertTrue(f2.footnotes().stream().noneMatch(n -> n.en().contains("synthetic")), "these lines are not synthetic");
        assertTrue(f2.caveat().isEmpty(), "no caveat: not synthetic");
        assertTrue(f2.tidy().lines().stream().allMatch(l -> l.values().get("synthetic").equals("false")));
        assertEquals("** 2028 年的实际支出，以及 2029 年的估计支出。*** 估计支出。", f2.footnotes().get(0).zh(),
                "only the marks the columns carry; no date, as expenditure_as_of.csv has none");
        // Table 2: RBSA 2028-29 is not in the estimates file: 100 000.00 + 50 000.50 - 0.50 = 150 000.00 -> 0.2.
        assertEquals(new BigDecimal("0.2"), pub.tables().get("t2").row("1").value("rbsa_previous"));
        assertEquals(new BigDecimal("0.2"), pub.tables().get("t2").row("subtotal").value("rbsa_previous"));
        assertEquals(new BigDecimal("1.5"), pub.tables().get("t2").row("1").value("xb_previous"), "the estimates file wins");
        assertTrue(pub.tables().get("t2").caveat().isEmpty(), "figures from real lines: no caveat");
        assertEquals(6, pub.expenditure().readLines());
    }

    /** The same lines in a file named synthetic*: Table 2, which takes RBSA 2028-29 from them, says so, as Figure 2 does. */
    @Test
    void aTable2FigureFromSyntheticLinesIsMarkedAsFigure2Is() throws IOException {
        Path copy = tmp.resolve("synthetic-input");
        try (Stream<Path> files = Files.walk(input)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(input.relativize(f).toString().replace("expenditure/lines.csv", "expenditure/synthetic-lines.csv"));
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        ComputedPublication synthetic = Publication.compute(copy, Publication.biennium(copy, null));
        Table t2 = synthetic.tables().get("t2");
        assertEquals(new BigDecimal("0.2"), t2.row("1").value("rbsa_previous"), "the same figure");
        // The caveat and the source name the columns, so that a reader tells the invented figures from the printed ones.
        assertTrue(t2.caveat().en().startsWith("Table 2's figures in these columns are sums of synthetic expenditure lines and are "
                + "not ILO data: ") && t2.caveat().en().contains("Estimated RBSA expenditure 2028-2029"), t2.caveat().en());
        assertFalse(t2.caveat().en().contains("Revised regular budget"), "the RB columns are the print's: " + t2.caveat().en());
        assertTrue(t2.caveat().zh().contains("2028-2029 两年期估计经常预算补充账户支出"), t2.caveat().zh());
        assertTrue(t2.source().en().contains("Estimated RBSA expenditure 2028-2029") && t2.source().en().contains(
                ": synthetic expenditure lines (listed with the run's input files), not ILO data; the other columns: "), t2.source().en());
        Table f2 = synthetic.tables().get("f2");
        assertTrue(f2.caveat().en().contains("synthetic expenditure lines"), f2.caveat().en());
        assertTrue(f2.source().en().startsWith("synthetic expenditure lines"), "its figures' own source: " + f2.source().en());
        assertTrue(f2.charts().get(0).altText(f2.caveat()).en().startsWith(f2.caveat().en() + " "), "the caveat once, first");
        assertFalse(f2.charts().get(0).altText().en().contains("synthetic"), "the renderers add it: " + f2.charts().get(0).altText().en());
    }

    @Test
    void documentTablesComeFromTheBienniumsOwnFiles() {
        Table sa = pub.tables().get("sa");
        assertEquals(List.of("2026-27", "2028-29"), sa.rows().stream().map(Row::key).toList());
        assertEquals(250_000L, sa.row("2028-29").amount("amount_usd"));
        assertEquals("2028-2029", sa.row("2028-29").value("financial_period"));
        Table ii1 = pub.tables().get("ii1");
        assertEquals(List.of("goal.3", "3.8", "goal.6", "6.1"), ii1.rows().stream().map(Row::key).toList());
        assertEquals("国际劳工组织 2030-2031 两年期成果框架与可持续发展目标的联系", ii1.title().zh(), "its own biennium, not the 2022-23 print's");
        assertEquals(new org.pbannex.table.Text("成果目标 2", "Outcome 2"), ii1.row("6.1").value("outcomes"));
        assertEquals("3.8.1. Coverage of essential health services.", ((org.pbannex.table.Text) ii1.row("3.8").value("indicators")).en());
        assertEquals(List.of("3.8.1", "6.1"), ii1.tidy().lines().stream().map(org.pbannex.table.TidyRows.Line::key).toList());
        assertTrue(ii1.footnotes().isEmpty(), "no target repeats another's text");
        assertEquals(3, pub.checks().results().stream().filter(r -> r.name().startsWith("ii1.") && r.passed()).count(),
                "the impact indicator cites 3.8.1 and its target serves all outcomes");
        Table risk = pub.tables().get("risk");
        assertEquals("1.资金不足。", risk.row("1").label().zh());
        assertEquals("Widen partnerships.\nControl costs.", ((org.pbannex.table.Text) risk.row("1").value("response")).en());
    }
}
