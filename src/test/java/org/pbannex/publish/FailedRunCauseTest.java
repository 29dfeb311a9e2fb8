package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.publication.Publication;
import org.pbannex.runtime.DatabaseUnavailable;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.WriteFailed;
import org.pbannex.table.Text;

/**
 * A failed run's report says its one-line cause in the report's language (Chinese for a run whose first edition is
 * Chinese), the sentence from the texts (report.cause.*) with the file, line, column and value filled in, while stderr
 * keeps its English line. The cause was stderr's English line in every report.
 */
class FailedRunCauseTest {

    @TempDir
    Path tmp;

    /** Runs the job that reports in Chinese (its first edition zh) on the input; its stderr line and its report's cause. */
    private String[] failedRun(Path input, int status) throws IOException {
        Path out = Files.createTempDirectory(tmp, "out"); // a run's own: its failed/ holds its report alone
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--tables", "a3", "--format", "csv", "--input",
                input.toString(), "--output", out.toString());
        assertEquals(status, r.status(), r.toString());
        Path failed;
        try (var runs = Files.list(out.resolve("2022-23/failed"))) {
            failed = runs.findFirst().orElseThrow();
        }
        var html = Jsoup.parse(failed.resolve(ReportWriter.FILE).toFile());
        assertEquals("zh-CN", html.selectFirst("html").attr("lang"));
        String line = r.err().lines().filter(l -> l.startsWith("pb-annex: ")).findFirst().orElseThrow().substring("pb-annex: ".length());
        var where = html.selectFirst("section:has(h2.fail) tbody td:last-child");
        return new String[] {line, html.selectFirst(".cause").wholeText(), where == null ? null : where.text(), r.err()};
    }

    @Test
    void aBadValueIsSaidInChineseWithItsFileLineAndColumn() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve("2022-23/budget.csv"), s -> s.replace("\nGB,31,8,37,11,15668625,", "\nGB,31,8,37,11,abc,"));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].endsWith("budget.csv, line 3, column staff_costs: not a whole number: 'abc'"), run[0]);
        String file = run[0].substring(0, run[0].indexOf(", line 3"));
        assertEquals("输入文件 " + file + " 第 3 行 staff_costs 列有误：不是整数：'abc'", run[1]);
    }

    /** A file with its header alone: the Chinese report says what the file is for in the descriptor's Chinese (pbDescriptionZh). */
    @Test
    void aFileWithNoDataRowsIsDescribedInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve("2022-23/budget.csv"), s -> s.substring(0, s.indexOf('\n') + 1));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].endsWith("budget.csv: file has a header but no data rows: add its rows (Primary budget data per unit: "
                + "work-years/months, staff and non-staff costs at constant prices of the previous biennium, the previous biennium "
                + "budget (restated) and the cost change (recosting). Everything else is derived.)"), run[0]);
        String file = run[0].substring(0, run[0].indexOf(": file has a header"));
        assertEquals("输入文件 " + file + " 有误：文件只有标题行，没有数据行：请添加数据行（各单位的原始预算数据：工作-年/月、按上一两年期"
                + "不变价格计的人员和非人员费用、上一两年期预算（重报）和费用变化（重计）。其他数字均由此推算。）", run[1]);
    }

    @Test
    void aMissingFileIsSaidInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Files.delete(input.resolve("2022-23/budget.csv"));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].endsWith("budget.csv: file not found (the file of resource 'budget')"), run[0]);
        String file = run[0].substring(0, run[0].indexOf(": file not found"));
        assertEquals("输入文件 " + file + " 有误：找不到文件（资源“budget”的文件）", run[1]);
    }

    @Test
    void aFailedSumCheckIsSaidInChineseWithWhereToLook() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path rbtc = input.resolve("2022-23/rbtc.csv");
        TestInputs.edit(rbtc, s -> s.replace("\nPOL,6680242,", "\nPOL,6680243,"));
        String[] run = failedRun(input, ExitCodes.CHECK_FAILED);
        // "1 check failed; first: NAME [table a3, row R]: expected E, actual A; see FILE, line N, ..."
        var m = java.util.regex.Pattern.compile("(\\d+) checks? failed; first: (\\S+) \\[table a3, row (\\S+)\\]: expected (\\S+), "
                + "actual (\\S+); (see .*rbtc\\.csv, line \\d+.*)").matcher(run[0]);
        assertTrue(m.matches(), run[0]);
        // Where to look in the report's words too: the holding's line against its budget unit's.
        var where = java.util.regex.Pattern.compile("see (\\S+), line (\\d+), column constant; against (\\S+), line (\\d+), "
                + "columns staff_costs, non_staff_costs").matcher(m.group(6));
        assertTrue(where.matches(), m.group(6));
        String check = m.group(2) + "［资料附件 3（a3），行 政策部门（" + m.group(3) + "）］：应为 " + m.group(4) + "，实为 " + m.group(5) + "；见 "
                + where.group(1) + " 第 " + where.group(2) + " 行，constant 列；对照 " + where.group(3) + " 第 " + where.group(4)
                + " 行，staff_costs、non_staff_costs 列";
        assertEquals(m.group(1).equals("1") ? "1 项检查未通过：" + check : m.group(1) + " 项检查未通过；第一项：" + check, run[1]);
        assertEquals(check.substring(check.indexOf("；见 ") + 1), run[2], "the failed checks' table says where to look in Chinese too");
    }

    /**
     * A failed check's Chinese report names the run's own things in Chinese (tester63 case 13): the step by its Chinese
     * name, the check's table and row as the table prints them (their codes in brackets after them, to find the input
     * row by), and the names it wraps in full-width brackets and colon. They were "失败的步骤：check", "［表 a2-2，行
     * STAFF］", "f2 (图 2): "; stderr keeps its English line.
     */
    @Test
    void aFailedChecksReportNamesItsStepTableAndRowInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.moveOneDollarBetweenObjects(input);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--tables", "a2-2,f2", "--format", "csv", "--input",
                input.toString(), "--output", out.toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.status(), r.toString());
        assertTrue(r.err().contains("a2-2.staff_equals_annex1_staff_costs [table a2-2, row STAFF]: expected 547017651"), r.err());
        Path failed;
        try (var runs = Files.list(out.resolve("2022-23/failed"))) {
            failed = runs.findFirst().orElseThrow();
        }
        var html = Jsoup.parse(failed.resolve(ReportWriter.FILE).toFile());
        String headline = html.selectFirst(".headline").text();
        assertTrue(headline.contains("失败的步骤： 核对（check）"), headline);
        assertTrue(html.selectFirst(".cause").text().startsWith("2 项检查未通过；第一项：a2-2.staff_equals_annex1_staff_costs［表 A2-2（a2-2），"
                + "行 人员费用（STAFF）］：应为 547017651，实为 547017652；见 "), headline);
        var rows = html.select("section:has(h2.fail) tbody tr");
        assertEquals(List.of("表 A2-2（a2-2）", "人员费用（STAFF）"), rows.get(0).select("td").eachText().subList(1, 3));
        assertEquals(List.of("表 A2-2（a2-2）", "总计（total）"), rows.get(1).select("td").eachText().subList(1, 3));
        assertTrue(html.selectFirst("summary").text().startsWith("a2-2（表 A2-2）：14 项通过、2 项未通过"), html.selectFirst("summary").text());
        String warnings = html.selectFirst(".warning").text();
        assertTrue(warnings.contains("f2（图 2）：图 2 "), warnings);
        String said = headline + "\n" + String.join("\n", rows.eachText()) + "\n" + html.select("summary").text() + "\n" + warnings;
        var english = java.util.regex.Pattern.compile("步骤：\\s*check|表 a2-2|行 (STAFF|total)］|\\w \\(|\\): |\\b(STAFF|total)\\b(?!）)")
                .matcher(said);
        assertFalse(english.find(), english.find(0) ? english.group() + " in " + said : said);
    }

    /**
     * Bad characters, told together: every one on its line in the report too (they were on stderr only), each in
     * Chinese with its kind and its fix, and what a file holds beyond those listed.
     */
    @Test
    void everyBadCharacterIsSaidInChineseOnItsLine() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve("reference/units.csv"), s -> s.replace("国际劳工大会", "国际\u200b劳工大会")
                .replace("Governing Body", "Governing\ufffd Body").replace("主要区域会议", "主要" + "\u200b".repeat(22) + "区域会议"));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        String file = run[0].substring(0, run[0].indexOf(", line 2"));
        List<String> cause = run[1].lines().toList();
        assertEquals(21, cause.size(), run[1]);
        assertEquals("输入文件 " + file + " 第 2 行 label_zh 列有误：值的第 3 个字符是不可见的格式字符 U+200B (ZERO WIDTH SPACE)："
                + "请删除该字符", cause.get(0));
        assertEquals("输入文件 " + file + " 第 3 行 label_en 列有误：值的第 10 个字符是替换字符 U+FFFD (REPLACEMENT CHARACTER)："
                + "请重新输入它所代表的字符（编码有误时，无法读取的字符会变成 U+FFFD）", cause.get(1));
        assertEquals("输入文件 " + file + " 第 4 行 label_zh 列有误：值的第 3 个字符是不可见的格式字符 U+200B (ZERO WIDTH SPACE)："
                + "请删除该字符", cause.get(2));
        assertEquals(file + " 中另有 4 处", cause.get(20));
        for (String english : List.of("line", "column", "at character", "remove it", "type the character", "more in")) {
            assertFalse(run[1].contains(english), english + " in " + run[1]);
        }
        // stderr's lines as before: the first, the others, then how many more.
        List<String> err = run[3].lines().filter(l -> l.startsWith("pb-annex: ")).toList();
        assertEquals("pb-annex: " + file + ", line 3, column label_en: replacement character U+FFFD (REPLACEMENT CHARACTER) at "
                + "character 10 of the value: type the character it stands for again (a wrong encoding leaves U+FFFD where "
                + "it could not read one)", err.get(1));
        assertEquals("pb-annex: and 4 more in " + file, err.get(20));
    }

    /**
     * The newest refusals in Chinese: a code of a list without its row (pbEveryCode, its fix in the data package's
     * Chinese), a text in the other language's column (LanguageRules), a total typed as a row (TotalWords).
     */
    @Test
    void theNewestRefusalsAreSaidInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path budget = input.resolve("2022-23/budget.csv");
        String bundledBudget = Files.readString(budget);
        TestInputs.edit(budget, s -> s.replaceFirst("(?m)^JUR,.*\\n", ""));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        var m = java.util.regex.Pattern.compile("(\\S+), column unit: no row for unit JUR, listed in (\\S+), line (\\d+): every "
                + "unit of that list needs a row here; add its figures \\(zeros if it has no budget\\)").matcher(run[0]);
        assertTrue(m.matches(), run[0]);
        assertEquals("输入文件 " + m.group(1) + " 的 unit 列有误：缺少 unit JUR 的行（该代码列于 " + m.group(2) + " 第 " + m.group(3)
                + " 行）：该列表的每个 unit 在此都需要一行；添加其数字（若无预算则填零）", run[1]);
        Files.writeString(budget, bundledBudget);

        Path inflation = input.resolve("2022-23/regional_inflation.csv");
        String bundledInflation = Files.readString(inflation);
        TestInputs.edit(inflation, s -> s.replace("AS,12.9\n", ""));
        run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].contains(" of that list whose split_targets is true needs a row here; add its expected annual inflation"),
                run[0]);
        assertTrue(run[1].endsWith("：该列表中 split_targets 为 true 的每个 region 在此都需要一行；添加其预期年通胀率"), run[1]);
        Files.writeString(inflation, bundledInflation);

        Path outcomes = input.resolve("2022-23/results_outcomes.csv");
        String bundledOutcomes = Files.readString(outcomes);
        TestInputs.edit(outcomes, s -> s.replace("authoritative and effective", "authoritative、 effective、"));
        run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].endsWith(", line 4, column title_en: Chinese punctuation U+3001 (IDEOGRAPHIC COMMA) '、' at character 49 "
                + "of an English text (2 such characters in all): the English edition prints no Chinese character; type ',' "
                + "instead, with the input method in half-width (English) mode"), run[0]);
        assertTrue(run[1].endsWith(" 第 4 行 title_en 列有误：英文文本的第 49 个字符是中文标点 U+3001 (IDEOGRAPHIC COMMA) '、'（共有 2 个"
                + "这样的字符）：英文版不印中文字符；请在输入法的半角（英文）模式下改输入 ','"), run[1]);
        TestInputs.edit(outcomes, s -> bundledOutcomes.replace("国际劳工标准与权威有效的监督", "International labour standards and supervision"));
        run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].contains(", line 4, column title_zh: 'International labour standards and super…' has no Chinese character "
                + "but 5 words in Latin letters"), run[0]);
        assertTrue(run[1].endsWith(" 第 4 行 title_zh 列有误：'International labour standards and super…' 没有中文字符，却有 5 个拉丁字母"
                + "单词：中文文本应以中文书写（是否把英文文本输入或粘贴到了中文列？）；请用中文书写（代码、数字或至多 2 个单词的名称，如 ILO 或 "
                + "SDG 8.5，可以单独出现）"), run[1]);
        Files.writeString(outcomes, bundledOutcomes);

        TestInputs.edit(input.resolve("2022-23/outcome_contributors.csv"), s -> s + "2,3,,合计,Total,9.8,low\n");
        run = failedRun(input, ExitCodes.INVALID_INPUT);
        var t = java.util.regex.Pattern.compile("(\\S+), line 10, column label_zh: '合计' is a total's label \\((\\S+), key "
                + "input.total_words\\): the tables compute every total from the rows, so a total typed as a row would be "
                + "counted twice; remove the row").matcher(run[0]);
        assertTrue(t.matches(), run[0]);
        assertEquals("输入文件 " + t.group(1) + " 第 10 行 label_zh 列有误：'合计' 是合计的标签（" + t.group(2) + " 中键为 "
                + "input.total_words 的文本）：表格的每个合计都由各行计算所得，作为一行输入的合计会被计算两次；请删除该行", run[1]);
    }

    /**
     * A code without its row in a file whose rule groups its rows (pbEveryCode's per and rowsWhere: the XB estimates of
     * each fund of the biennium): the group and the rows it names in the report's words too, as stderr says them in
     * English. It was stderr's English line inside the Chinese report.
     */
    @Test
    void aGroupedEveryCodeRefusalIsSaidInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve("2022-23/extrabudgetary_estimates.csv"), s -> s.replaceFirst("(?m)^2022-23,XB,1,.*\\n", ""));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        var m = java.util.regex.Pattern.compile("(\\S+), column outcome: no row for outcome 1 of biennium 2022-23 and fund XB, listed "
                + "in (\\S+), line (\\d+): every outcome of that list whose kind is policy needs a row here for each fund that lists "
                + "outcomes of biennium 2022-23; add its estimate in US\\$ millions \\(0.0 if it has none\\)").matcher(run[0]);
        assertTrue(m.matches(), run[0]);
        assertEquals("输入文件 " + m.group(1) + " 的 outcome 列有误：缺少 outcome 1（biennium 2022-23、fund XB）的行（该代码列于 "
                + m.group(2) + " 第 " + m.group(3) + " 行）：对于列出 biennium 2022-23 的 outcome 的每个 fund，该列表中 kind 为 policy "
                + "的每个 outcome 在此都需要一行；请填入其估计数 (百万美元；没有则填 0.0)", run[1]);
    }

    /**
     * Rarer refusals of an input file in Chinese, each with its English line on stderr as before: a code of another
     * file's list typed with full-width letters (the half-width hint), the same code in a pattern's column, a key twice,
     * a column missing, Excel's per cent sign and a full-width digit in a number, a blank line inside the data.
     */
    @Test
    void rarerRefusalsAreSaidInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path budget = input.resolve("2022-23/budget.csv");
        Path rbtc = input.resolve("2022-23/rbtc.csv");
        for (String[] c : List.of(
                new String[] {"2022-23/budget.csv", "\nGB,", "\n\uff27\uff22,",
                        ", line 3, column unit: unknown unit '\uff27\uff22': not in ",
                        " 第 3 行 unit 列有误：未知的 unit '\uff27\uff22'：不在 ", "；'\uff27\uff22' 的第 1 个字符是 U+FF27 (FULLWIDTH "
                        + "LATIN CAPITAL LETTER G)，是中文输入法在全角模式下输入的：请在输入法的半角（英文）模式下写作 'GB'"},
                new String[] {"2022-23/rbtc.csv", "\nPOL,", "\n\uff30\uff2f\uff2c,",
                        ", line 2, column holder: '\uff30\uff2f\uff2c' holds U+FF30 (FULLWIDTH LATIN CAPITAL LETTER P) at character 1",
                        " 第 2 行 holder 列有误：'\uff30\uff2f\uff2c' 的第 1 个字符是 U+FF30 (FULLWIDTH LATIN CAPITAL LETTER P)，",
                        "是中文输入法在全角模式下输入的：请在输入法的半角（英文）模式下写作 'POL'"},
                new String[] {"2022-23/budget.csv", "\nRM,3,7,", "\nGB,3,7,", ", line 4, column unit: duplicate unit 'GB' (first on line 3)",
                        " 第 4 行 unit 列有误：unit 'GB' 重复（首次出现于第 3 行）", "重复（首次出现于第 3 行）"},
                new String[] {"2022-23/budget.csv", ",cost_change\n", "\n", ", line 1, column cost_change: missing column; the columns "
                        + "are unit,", " 第 1 行 cost_change 列有误：缺少该列；各列应为 unit,", "budget_previous,cost_change"},
                new String[] {"2022-23/budget.csv", "\nGB,31,8,37,11,15668625,", "\nGB,31,8,37,11,15668625%,", ", line 3, column "
                        + "staff_costs: per cent sign in '15668625%': write '15668625'", " 第 3 行 staff_costs 列有误：'15668625%' 中有"
                        + "百分号：请写作 '15668625'", "（把该列设为数值格式，而不是百分比格式）"},
                new String[] {"2022-23/budget.csv", "\nGB,31,8,37,11,15668625,", "\nGB,31,8,37,11,\uff115668625,", ", line 3, column "
                        + "staff_costs: '\uff115668625' holds a full-width digit U+FF11 (FULLWIDTH DIGIT ONE) at character 1",
                        " 第 3 行 staff_costs 列有误：'\uff115668625' 的第 1 个字符是全角数字 U+FF11 (FULLWIDTH DIGIT ONE)：",
                        "请在输入法的半角（英文）模式下输入数字 0-9（'15668625'）"},
                new String[] {"reference/units.csv", "International Labour Conference", "@International Labour Conference",
                        ", line 2, column label_en: text starts with '@' ('@International Labour Conference'), which a spreadsheet",
                        " 第 2 行 label_en 列有误：文本以 '@' 开头（'@International Labour Conference'），电子表格会把它读成公式：",
                        "请改写，使其不以 =、+、- 或 @ 开头"},
                new String[] {"2022-23/rbtc.csv", "\nPOL,", "\n\nPOL,", ", line 2: blank line inside the data: remove it",
                        " 第 2 行有误：数据中间有空行：请删除（空行只能出现在文件末尾）", "（空行只能出现在文件末尾）"})) {
            Path file = input.resolve(c[0]);
            String bundled = Files.readString(file);
            Files.writeString(file, bundled.replaceFirst(java.util.regex.Pattern.quote(c[1]), c[2]));
            String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
            assertTrue(run[0].contains(c[3]), run[0]);
            String name = run[0].substring(0, run[0].indexOf(c[3]));
            assertTrue(run[1].startsWith("输入文件 " + name + c[4]), run[1]);
            assertTrue(run[1].endsWith(c[5]), run[1]);
            String english = run[0].substring(run[0].indexOf(": ", name.length()) + 2);
            assertFalse(run[1].contains(english.substring(0, Math.min(12, english.length()))), run[1]);
            Files.writeString(file, bundled);
        }
        assertTrue(Files.readString(budget).contains("\nGB,31,") && Files.readString(rbtc).contains("\nPOL,"));
    }

    /**
     * The refusals that were stderr's English inside a Chinese report, now one template each (report.cause.reason.*):
     * Excel's scientific notation, a date Excel made, a code's lost leading zeros, the cell count and its hint, a header
     * separated by semicolons, UTF-16, a text too long, '??', a file too large, what a column takes (the field's
     * pbDescriptionZh) and refusals of the budget, the printed document, the reference lists and the publication (a baseline's year, a date of
     * actual expenditure). Each:
     * stderr's English line as before, the report's sentence in Chinese with none of that English.
     */
    @Test
    void refusalsOnceEnglishAreSaidInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        // {file, text, replacement, stderr's English (a part), the report's Chinese (a part)}
        List<String[]> cases = List.of(
                new String[] {"2022-23/budget.csv", "\nGB,31,8,37,11,15668625,", "\nGB,31,8,37,11,2.16E+07,",
                        "'2.16E+07' is scientific notation: Excel saved the number as it showed it, so the digits after 2.16 are "
                                + "lost. Type the full number, format the column as Number with no decimal places",
                        "'2.16E+07' 是科学计数法：Excel 按显示的样子保存了该数字，2.16 之后的数字已丢失。请输入完整的数字，"
                                + "把该列设为不带小数的数值格式（设置单元格格式 > 数值），然后重新保存"},
                new String[] {"2022-23/extrabudgetary_estimates.csv", "\n2020-21,XB,1,", "\nJan-20,XB,1,",
                        "'Jan-20' is a date that Excel made of the value in this column: write the biennium as 2020-21",
                        "'Jan-20' 是 Excel 用此列的值生成的日期：请把两年期写作 2020-21，输入前先把该列设为文本格式"},
                new String[] {"datapackage.json", "\"pattern\": \"ALL|[0-9A-Z]+( [0-9A-Z]+)*\"", "\"pattern\": \"ALL|0[0-9]\"",
                        "'8' looks like a code that lost its leading zeros (Excel drops them when it reads a code as a number): "
                                + "write '08'", "'8' 看来是丢失了前导零的代码（Excel 把代码读成数字时会去掉前导零）：请写作 '08'"},
                new String[] {"reference/units.csv", "International Labour Conference,", "International Labour Conference, Geneva,",
                        "line has 7 cells but the header has 6: cells 3 and 4 look like one text with a comma",
                        "该行有 7 个单元格，而标题行有 6 个：第 3 和第 4 个单元格看来是一个带逗号的文本 'International Labour "
                                + "Conference, Geneva'：请给该文本加上双引号"},
                new String[] {"2022-23/regional_inflation.csv", "region,annual_inflation_pct", "region;annual_inflation_pct",
                        "the columns are separated by semicolons (;), not commas", "各列以分号（;）而非逗号分隔"},
                new String[] {"reference/units.csv", "国际劳工大会", "??????", "holds '??', what is left of text saved in an "
                        + "encoding without its characters", "含有 '??'，这是以不含其字符的编码保存文本后剩下的"},
                new String[] {"reference/units.csv", "International Labour Conference", "x".repeat(32_768),
                        "text of 32768 characters: a value holds at most 32767", "文本有 32768 个字符：一个值最多 32767 个字符"},
                new String[] {"datapackage.json", "\"name\": \"regional_inflation\",", "\"name\": \"regional_inflation\", \"maxBytes\": 10,",
                        "file too large: ", "文件过大："},
                new String[] {"2022-23/rbtc.csv", "\nPOL,", "\npol,", "'pol' is not what this column takes: Unit or group code",
                        "'pol' 不是此列可填的值：单位或组别代码"},
                new String[] {"2022-23/budget.csv", "\nGB,31,8,37,11,15668625,", "\nGB,31,8,37,11,-15668625,",
                        "negative staff costs (-15668625) for a unit with work-years", "人员费用为负（-15668625），而该单位有工作年月或非人员费用"},
                new String[] {"2022-23/supplementary_authorizations.csv", "2014-2015,1895200\n", "",
                        "'2016-2017' follows 2012-2013, without 2014-2015 between them", "'2016-2017' 紧接在 2012-2013 之后，中间缺少 2014-2015"},
                new String[] {"reference/units.csv", "\nGB,理事会,Governing Body,GOV,A,I", "\nGB,理事会,Governing Body,,A,I",
                        "unit GB needs a group: Part I is itemised", "单位 GB 需要一个组别：编 I 是逐项列出的"},
                new String[] {"2022-23/publication.csv", "2021-02-01", "2015-02-01",
                        "'2015-02-01' is more than 2 years before the biennium 2022-2023 starts",
                        "'2015-02-01' 比两年期 2022-2023 的开始早了 2 年以上"},
                new String[] {"2022-23/results_baselines.csv", "impact-working-poverty-rate,1,7.4,%,2018,",
                        "impact-working-poverty-rate,1,7.4,%,2028,", "'2028' is not before the biennium 2022-2023 starts: a baseline "
                        + "is the value known before it", "'2028' 不早于两年期 2022-2023 的开始：基线是两年期开始前已知的值"},
                new String[] {"2022-23/expenditure_as_of.csv", "2020-21,2021-01-04", "2020-21,2019-01-04",
                        "'2019-01-04' is not in the biennium 2020-2021 the row dates (2020-01-01 to 2021-12-31)",
                        "'2019-01-04' 不在该行所指的两年期 2020-2021 内（2020-01-01 至 2021-12-31）"});
        for (String[] c : cases) {
            Path file = input.resolve(c[0]);
            String bundled = Files.readString(file);
            Files.writeString(file, bundled.replaceFirst(java.util.regex.Pattern.quote(c[1]), java.util.regex.Matcher.quoteReplacement(c[2])));
            String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
            assertTrue(run[0].contains(c[3]), run[0]);
            assertTrue(run[1].startsWith("输入文件 ") && run[1].contains(c[4]), run[1]);
            String english = run[0].substring(run[0].indexOf(": ") + 2);
            assertFalse(run[1].contains(english.substring(0, Math.min(16, english.length()))), run[1]);
            Files.writeString(file, bundled);
        }
        Path rbtc = input.resolve("2022-23/rbtc.csv");
        Files.write(rbtc, Files.readString(rbtc).getBytes(java.nio.charset.StandardCharsets.UTF_16));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].endsWith("rbtc.csv, line 1: file is UTF-16 (Excel's Unicode Text), not UTF-8: in Excel, save it as CSV "
                + "UTF-8 (Comma delimited)"), run[0]);
        assertTrue(run[1].endsWith("rbtc.csv 第 1 行有误：文件是 UTF-16 编码（Excel 的“Unicode 文本”），而不是 UTF-8：请在 Excel 中将其另存为"
                + "“CSV UTF-8（逗号分隔）”"), run[1]);
    }

    /**
     * The results framework's refusals (outputs, indicators, baselines, targets by region, a note an indicator names) and
     * the outcome contributors' and allocations', which were stderr's English inside a Chinese report: each a sentence of
     * the texts, stderr's English as before (but for the two that said "a outcome indicator"), the report's sentence in
     * Chinese with no English in it. The last one through a run, as its report says it.
     */
    @Test
    void resultsFrameworkAndContributorsRefusalsAreSaidInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        // file | text | replacement (\n a line break) | stderr's reason | the report's reason
        List<String[]> cases = """
                2022-23/results_outputs.csv | \\n1.1,1, | \\n1.1,impact, | output 1.1 is under the impact statement 'impact'; outputs belong to policy or enabling outcomes | 产出 1.1 列在影响声明 'impact' 之下：产出只能属于政策成果或赋能成果
                2022-23/results_outputs.csv | \\n1.2,1, | \\n1.2,2, | output 1.2 is numbered outside its outcome 2 | 产出 1.2 的编号不在其成果 2 之下
                2022-23/results_outputs.csv | \\n1.2,1, | \\n1.9,1,新产出,New output\\n1.2,1, | output 1.9 has no indicator in results_indicators.csv, so its heading would print with nothing under it: add its indicators, or remove the output | 产出 1.9 在 results_indicators.csv 中没有指标，其标题下将空无一物：请添加其指标，或删除该产出
                2022-23/results_indicators.csv | \\n1.1.2,1.1.2, | \\n1.1.2,1.1.1, | duplicate indicator code 1.1.1 (also on line 6) | 指标代码 1.1.1 重复（也出现在第 6 行）
                2022-23/results_indicators.csv | impact-working-poverty-rate,,impact,impact, | impact-working-poverty-rate,,outcome,impact, | level outcome does not belong in outcome impact (impact) | 层级 outcome 不属于成果 impact（impact）
                2022-23/results_indicators.csv | \\n1.1.1,1.1.1,policy_output,1,1.1, | \\n1.1.1,1.1.1,policy_output,1,, | an indicator of level policy_output needs its output | 层级为 policy_output 的指标需要其产出
                2022-23/results_indicators.csv | o2-labour-rights-compliance,,outcome,2,, | o2-labour-rights-compliance,,outcome,2,2.1, | an indicator of level outcome has no output, but 2.1 is given | 层级为 outcome 的指标没有产出，却填写了 2.1
                2022-23/results_indicators.csv | \\n1.1.1,1.1.1,policy_output,1,1.1, | \\n1.1.1,1.1.1,policy_output,2,1.1, | output 1.1 is under outcome 1, not 2 | 产出 1.1 属于成果 1，而不是 2
                2022-23/results_indicators.csv | \\n1.1.1,1.1.1, | \\n1.1.1,1.2.9, | code 1.2.9 is not numbered under its output 1.1 | 代码 1.2.9 的编号不在其产出 1.1 之下
                2022-23/results_indicators.csv | o2-labour-rights-compliance,,outcome | o2-labour-rights-compliance,2.9.9,outcome | code 2.9.9 is not numbered under its output (none) | 代码 2.9.9 的编号不在其产出 （无） 之下
                2022-23/results_indicators.csv | ,24,ORG | ,24, | a countable target needs both target_total and target_unit | 可计数的目标需要同时填写 target_total 和 target_unit
                2022-23/results_indicators.csv | ,24,ORG | ,, | indicator 1.1.1 has regional targets but no countable target total | 指标 1.1.1 有按区域分列的目标，却没有可计数的目标总数
                2022-23/results_baselines.csv | impact-working-poverty-rate,1,7.4,%,2018, | impact-working-poverty-rate,1,7.4,%,, | a baseline value needs its year | 基线值需要其年份
                2022-23/results_baselines.csv | impact-working-poverty-rate,1,7.4,%,2018,false,7.4% (2018 年), | impact-working-poverty-rate,1,,,,false,, | a baseline without a value needs its printed text | 没有值的基线需要其印出的文本
                2022-23/results_baselines.csv | impact-working-poverty-rate,1,7.4,%,2018,false,7.4% (2018 年), | impact-working-poverty-rate,1,,%,2018,false,7.4% (2018 年), | year, unit and estimate describe a value, but there is none | year、unit 和 estimate 描述的是一个值，但该值为空
                2022-23/results_regional_targets.csv | \\n1.1.1,AF,7 | \\n1.1.1,GL,7 | targets are not split by region GL (split_targets is false in regions.csv) | 目标不按区域 GL 分列（regions.csv 中其 split_targets 为 false）
                2022-23/outcome_contributors.csv | Programmes in the Americas,13.3,moderate | Programmes in the Americas,13.3,low | outcome 1's shares are 'moderate' on line 2 but 'low' here: give every share of an outcome the same confidence (its pie states one) | 成果 1 的份额在第 2 行为 'moderate'，在此却为 'low'：请给一个成果的每个份额填写相同的可信度（其饼图只标明一种）
                """.lines().map(l -> l.strip().replace("\\n", "\n").split(" \\| ")).toList();
        for (String[] c : cases) {
            Path file = input.resolve(c[0]);
            String bundled = Files.readString(file);
            assertTrue(bundled.contains(c[1]), c[1]);
            Files.writeString(file, bundled.replaceFirst(java.util.regex.Pattern.quote(c[1]), java.util.regex.Matcher.quoteReplacement(c[2])));
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class,
                    () -> Publication.compute(input, Publication.biennium(input, null)));
            assertEquals(c[3], e.reason(), "stderr's English");
            Text said = ReportWords.read(input, null).cause(e, ExitCodes.message(e));
            assertEquals(ExitCodes.message(e), said.en());
            assertEquals(c[4], org.pbannex.ChineseReasons.assertChinese(e, input));
            assertTrue(said.zh().startsWith("输入文件 ") && said.zh().endsWith("有误：" + c[4]), said.zh());
            Files.writeString(file, bundled);
        }
        // A note an indicator names that its table's notes lack: the table as the texts number it, in Chinese.
        Path indicators = input.resolve("2022-23/results_indicators.csv");
        String bundled = Files.readString(indicators);
        Files.writeString(indicators, bundled.replace("(SDG indicator 8.5.2).\",ILOSTAT 数据库,ILOSTAT database,,",
                "(SDG indicator 8.5.2).\",ILOSTAT 数据库,ILOSTAT database,9,"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class,
                () -> Publication.compute(input, Publication.biennium(input, null)));
        assertTrue(e.reason().startsWith("indicator impact-unemployment-rate refers to note 9, but no note under "), e.reason());
        String zh = org.pbannex.ChineseReasons.assertChinese(e, input);
        assertTrue(zh.startsWith("指标 impact-unemployment-rate 引用了注释 9，但 "), zh);
        Files.writeString(indicators, bundled);
        // Through a run: an outcome's shares of two confidences, in the report's cause.
        TestInputs.edit(input.resolve("2022-23/outcome_contributors.csv"), s -> s.replace("Programmes in the Americas,13.3,moderate",
                "Programmes in the Americas,13.3,"));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].endsWith("outcome_contributors.csv, line 3, column confidence: outcome 1's shares are 'moderate' on line "
                + "2 but empty here: give every share of an outcome the same confidence (its pie states one)"), run[0]);
        assertTrue(run[1].endsWith("outcome_contributors.csv 第 3 行 confidence 列有误：成果 1 的份额在第 2 行为 'moderate'，在此却为 空："
                + "请给一个成果的每个份额填写相同的可信度（其饼图只标明一种）"), run[1]);
    }

    /** The database and the disk, failing under a run: the report's sentence, its English stderr's line. */
    @Test
    void aDatabaseOrDiskFailureIsSaidInTheReportsLanguage() throws IOException {
        var pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        ReportWords words = ReportWords.of(pub.reference().texts());
        Throwable database = new IllegalStateException("step failed", new DatabaseUnavailable(
                "cannot connect to PostgreSQL at db.example.org:5432 (database pb, user pb): Connection refused", null));
        Throwable disk = new java.io.UncheckedIOException(new WriteFailed("out/2022-23/.staging/a3.csv",
                new IOException("No space left on device")));
        Throwable denied = new java.nio.file.AccessDeniedException("out/2022-23/latest");
        for (var c : List.of(
                new Object[] {database, "数据库无法使用：cannot connect to PostgreSQL at db.example.org:5432 (database pb, user pb): Connection refused"},
                new Object[] {disk, "无法写入 out/2022-23/.staging/a3.csv：磁盘空间已满"},
                new Object[] {denied, "无法访问 out/2022-23/latest：权限不足"})) {
            Throwable failure = (Throwable) c[0];
            String line = ExitCodes.message(failure);
            Path dir = tmp.resolve("report-" + Integer.toHexString(failure.hashCode()));
            RunRecord run = new RunRecord("20260101T000000Z-abc", "nightly", "2022-23", RunRecord.FAILED, ExitCodes.of(failure),
                    "render", line, "2026-01-01T00:00:00Z", "2026-01-01T00:00:04Z", "test", "0123", List.of("a3"),
                    List.of("zh", "en"), List.of("csv"), false, List.of(), List.of(), List.of(), List.of(), RunDiff.none(), List.of());
            ReportWriter.write(run, List.of(), words, List.of(), words.cause(failure, line), dir);
            assertEquals(c[1], Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).selectFirst(".cause").text());
            // The texts' English is stderr's line, word for word.
            assertEquals(line, words.cause(failure, line).en());
        }
    }
}
