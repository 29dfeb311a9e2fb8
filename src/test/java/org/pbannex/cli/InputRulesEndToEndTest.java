package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.FailedRuns;
import org.pbannex.Golden;
import org.pbannex.TestInputs;

/**
 * The input rules through the real command line (the cases one by one are in ingest's CsvResourceReaderTest): a bad
 * input stops `run` or `check` with exit status 3 and one line on stderr, and publishes nothing; what Excel's CSV UTF-8
 * writes runs; `check` works without a database.
 */
class InputRulesEndToEndTest {

    @TempDir
    Path tmp;
    Path input;

    @BeforeEach
    void copyInput() throws IOException {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
    }

    private CliRun run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "nightly", "--input", input.toString(), "--output", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return CliRun.run(tmp.resolve("db"), args.toArray(String[]::new));
    }

    /** Exit 3, one line on stderr holding every part, no stack trace, nothing published. Returns the line. */
    private String assertRejected(CliRun r, String... parts) throws IOException {
        String line = FailedRuns.assertFailed(r, tmp.resolve("out"), 3);
        for (String part : parts) {
            assertTrue(line.contains(part), "stderr should contain '" + part + "': " + line);
        }
        return line;
    }

    @Test
    void staffCostsThatWouldWrapStopTheRun() throws IOException {
        Path budget = input.resolve("2022-23/budget.csv");
        for (int n : new int[] {2, 3, 4}) {
            String[] cells = TestInputs.line(budget, n).split(",");
            cells[5] = "6148914691236517205";
            TestInputs.replaceLine(budget, n, String.join(",", cells));
        }
        assertRejected(run(), "input/2022-23/budget.csv, line 2, column staff_costs", "above the maximum 999999999999999");
    }

    @Test
    void aMissingInputFolder() throws IOException {
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", "/nonexistent/input", "--output", tmp.resolve("out").toString());
        assertRejected(r, "/nonexistent/input: input folder not found");
        assertRejected(CliRun.capture(Map.of(), "check", "--input", "/nonexistent/input"), "/nonexistent/input: input folder not found");
    }

    @Test
    void aFileGivenAsTheInputFolder() throws IOException {
        Path file = input.resolve("2022-23/budget.csv");
        assertRejected(CliRun.capture(Map.of(), "check", "--input", file.toString()), file + ": cannot open the input folder: it is a file");
    }

    /**
     * A copy that `input adopt` refuses, its bad input as check says it and that nothing was written: in Chinese, the
     * whole sentence (it ended in the code's English "(not adopted: ...)"); stderr's English as before.
     */
    @Test
    void aCopyNotAdoptedIsSaidInChinese() throws IOException {
        TestInputs.edit(input.resolve("2022-23/budget.csv"), s -> s.replace("\nGB,31,8,37,11,15668625,", "\nGB,31,8,37,11,abc,"));
        var checked = org.pbannex.BadInput.refused(input);
        var e = InputCommand.Adopt.notAdopted(checked, "input");
        assertEquals(checked.getMessage() + " (not adopted: nothing was written to input)", e.getMessage());
        String line = org.pbannex.runtime.ExitCodes.message(e);
        var said = org.pbannex.publish.ReportWords.read(input, null).cause(e, line);
        assertEquals(line, said.en());
        assertTrue(said.zh().endsWith(" 第 3 行 staff_costs 列有误：不是整数：'abc'（未采用：没有向 input 写入任何内容）"), said.zh());
    }

    /**
     * An input folder that is none, in a Chinese run's notice (its report's words): a sentence of the texts, stderr's
     * English as before. It was that English inside the Chinese notice.
     */
    @Test
    void anInputFolderThatIsNoneIsSaidInChinese() {
        InputOptions options = new InputOptions();
        options.input = input.resolve("2022-23/budget.csv");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class, options::inputDir);
        assertEquals("cannot open the input folder: it is a file, not a folder", e.reason());
        assertEquals("无法打开输入文件夹：它是文件，不是文件夹", org.pbannex.ChineseReasons.assertChinese(e, input));
        options = new InputOptions();
        options.input = Path.of("/nonexistent/input");
        e = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class, options::inputDir);
        assertEquals("input folder not found", e.reason());
        assertEquals("找不到输入文件夹", org.pbannex.ChineseReasons.assertChinese(e, input));
    }

    @Test
    void aFolderNamedLikeAnInputFile() throws IOException {
        Path budget = input.resolve("2022-23/budget.csv");
        Files.delete(budget);
        Files.createDirectories(budget);
        assertRejected(run(), "input/2022-23/budget.csv: cannot read the file: it is a folder, not a file");
    }

    @Test
    void aMissingTextKeyIsBadInput() throws IOException {
        Path texts = input.resolve("reference/texts.csv");
        TestInputs.edit(texts, s -> s.replaceFirst("(?m)^a1\\.title,.*\\n", ""));
        // The program's folder the input's own, so that no copy of the program's supplies the key (OlderDataFolderTextsTest).
        assertRejected(CliRun.capture(Map.of("pb.program", tmp.toString()), "check", "--input", input.toString()),
                "input/reference/texts.csv, column key: no text with key 'a1.title'");
    }

    @Test
    void aNoncharacterInALabelStopsCheckNotRender() throws IOException {
        Path units = input.resolve("reference/units.csv");
        TestInputs.edit(units, s -> s.replace("International Labour Conference", "International Labour Conference\uffff"));
        assertRejected(CliRun.capture(Map.of(), "check", "--input", input.toString()),
                "input/reference/units.csv, line 2, column label_en: Unicode noncharacter U+FFFF");
        assertRejected(run(), "input/reference/units.csv, line 2, column label_en: Unicode noncharacter U+FFFF");
    }

    /**
     * A character the PDF's font lacks would be left out of the PDF (the workbooks and HTML keep it): check and a run
     * that writes PDFs refuse it by name; a check without the font says it did not look.
     */
    @Test
    void aCharacterThePdfFontLacksStopsCheckAndTheRun() throws IOException {
        Path outputs = input.resolve("2022-23/results_outputs.csv");
        TestInputs.edit(outputs, s -> s.replace("提高雇主和企业会员组织", "提高雇主\uD840\uDC00和企业会员组织"));
        String where = "input/2022-23/results_outputs.csv, line 2, column title_zh: character U+20000 (CJK UNIFIED IDEOGRAPH-20000) "
                + "at character 5 of the value is not in the PDF's font (Noto Sans SC)";
        assertRejected(CliRun.capture(Map.of(), "check", "--input", input.toString()), where);
        assertRejected(run("--tables", "a1", "--lang", "zh", "--format", "pdf"), where);
        // A run without PDFs prints the character.
        CliRun xlsx = run("--tables", "a1", "--lang", "zh", "--format", "xlsx");
        assertEquals(0, xlsx.status(), xlsx.toString());

        Path home = Files.createDirectories(tmp.resolve("home-without-fonts"));
        CliRun unchecked = CliRun.capture(Map.of("pb.home", home.toString()), "check", "--input", input.toString());
        assertEquals(0, unchecked.status(), unchecked.toString());
        assertEquals(1, unchecked.out().lines().count(), "said on the biennium's one line: " + unchecked.out());
        assertTrue(unchecked.out().contains("not checked: whether the PDF's font shows every character of the texts (no CJK font in "
                + home.resolve("work/fonts")), unchecked.out());
        CliRun checked = CliRun.capture(Map.of(), "check", "--verbose", "--input", Golden.input().toString());
        assertTrue(checked.out().contains("ok       every character of the texts is in the PDF's font (Noto Sans SC)"), checked.out());
        assertFalse(checked.out().contains("not checked"), checked.out());
    }

    /**
     * Several bad characters are named in one check, each on its line with file, line, column, code point and name (the
     * first as when it is alone, for scripts that read the first line), exit status 3; so are several characters the
     * PDF's font lacks, in check and in a run that writes PDFs.
     */
    @Test
    void everyBadCharacterIsNamedInOneCheck() throws IOException {
        Path units = input.resolve("reference/units.csv");
        TestInputs.edit(units, s -> s.replace("国际劳工大会", "国际\u200b劳工大会").replace("Governing Body", "Governing\ufffd Body"));
        CliRun check = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(3, check.status(), check.toString());
        assertEquals(List.of("pb-annex: " + units + ", line 2, column label_zh: invisible format character U+200B "
                        + "(ZERO WIDTH SPACE) at character 3 of the value: remove it",
                "pb-annex: " + units + ", line 3, column label_en: replacement character U+FFFD (REPLACEMENT CHARACTER) "
                        + "at character 10 of the value: type the character it stands for again (a wrong encoding leaves U+FFFD "
                        + "where it could not read one)"), check.err().strip().lines().toList());

        TestInputs.edit(units, s -> s.replace("\u200b", "").replace("\ufffd", ""));
        Path outputs = input.resolve("2022-23/results_outputs.csv");
        TestInputs.edit(outputs, s -> s.replace("提高雇主和企业会员组织", "提高雇主\uD840\uDC00和企业会员组织")
                .replace("提高工人组织", "提高\uD840\uDC00工人组织"));
        for (CliRun r : List.of(CliRun.capture(Map.of(), "check", "--input", input.toString()),
                run("--tables", "a1", "--lang", "zh", "--format", "pdf"))) {
            assertEquals(3, r.status(), r.toString());
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(2, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("pb-annex: " + outputs + ", line 2, column title_zh: character "
                    + "U+20000 (CJK UNIFIED IDEOGRAPH-20000) at character 5 of the value is not in the PDF's font"), lines.get(0));
            assertTrue(lines.get(1).startsWith("pb-annex: " + outputs + ", line 3, column title_zh: character "
                    + "U+20000 (CJK UNIFIED IDEOGRAPH-20000) at character 3 of the value is not in the PDF's font"), lines.get(1));
        }
    }

    /**
     * The Chinese title pasted into the English column (and an English one into the Chinese column) stops check, as it
     * stops a run's ingest: the English PDF printed it.
     */
    @Test
    void eachLanguagesTextInTheOtherLanguagesColumnStopsCheck() throws IOException {
        Path outcomes = input.resolve("2022-23/results_outcomes.csv");
        String bundled = Files.readString(outcomes, StandardCharsets.UTF_8);
        TestInputs.edit(outcomes, s -> s.replace("International labour standards and authoritative and effective supervision",
                "国际劳工标准与权威有效的监督"));
        assertRejected(CliRun.capture(Map.of(), "check", "--input", input.toString()), "input/2022-23/results_outcomes.csv, line 4, "
                + "column title_en: Chinese character U+56FD (CJK UNIFIED IDEOGRAPH-56FD) '国' at character 1 of an English text");

        TestInputs.edit(outcomes, s -> bundled.replace("authoritative and effective", "authoritative、 effective"));
        assertRejected(CliRun.capture(Map.of(), "check", "--input", input.toString()), "results_outcomes.csv, line 4, "
                + "column title_en: Chinese punctuation U+3001 (IDEOGRAPHIC COMMA) '、' at character 49", "type ',' instead");

        TestInputs.edit(outcomes, s -> bundled.replace("国际劳工标准与权威有效的监督", "International labour standards and supervision"));
        assertRejected(CliRun.capture(Map.of(), "check", "--input", input.toString()), "results_outcomes.csv, line 4, "
                + "column title_zh: 'International labour standards and super…' has no Chinese character but 5 words");
    }

    @Test
    void formulaTextStopsTheRun() throws IOException {
        Path units = input.resolve("reference/units.csv");
        TestInputs.edit(units, s -> s.replace("International Labour Conference", "\"=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\""));
        assertRejected(run(), "input/reference/units.csv, line 2, column label_en: text starts with '='");
    }

    @Test
    void filesSavedAsExcelCsvUtf8RunAndPublishTheSameFigures() throws IOException {
        // Excel's "CSV UTF-8 (Comma delimited)": a byte-order mark, CRLF line ends, and a trailing blank line.
        try (Stream<Path> s = Files.walk(input)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("expenditure")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8).replace("\n", "\r\n") + "\r\n";
                Files.write(f, ("\ufeff" + text).getBytes(StandardCharsets.UTF_8));
            }
        }
        CliRun r = run("--tables", "a1,a2", "--format", "csv", "--lang", "zh");
        assertEquals(0, r.status(), r.toString());
        Path csv;
        try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
            csv = s.filter(p -> p.getFileName().toString().equals("a1.csv")).findFirst().orElseThrow();
        }
        String a1 = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(a1.contains(",21611293,"), "ILC staff costs published as in the input: " + a1.lines().limit(4).toList());
        assertTrue(a1.startsWith("row_key,"), "no byte-order mark carried into outputs");
    }

    @Test
    void checkNeverOpensTheDatabase() throws Exception {
        String unreachable = "jdbc:postgresql://127.0.0.1:9/pbannex";
        CliRun r = CliRun.capture(Map.of("spring.datasource.url", unreachable), "check", "--input", input.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("checks passed"), r.out());
        // The same through the environment, in a process of its own (with PB_DATABASE_URL set to PostgreSQL, the
        // expenditure lines used to be summed on that server, so check failed with "Connection refused").
        Process check = child(unreachable, "check", "--input", input.toString());
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), out);
        assertTrue(out.contains("checks passed"), out);
    }

    private Process child(String databaseUrl, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpb.home=" + Golden.home(), "-cp", System.getProperty("java.class.path"), PbAnnexApplication.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(tmp.toFile());
        pb.environment().put("PB_DATABASE_URL", databaseUrl);
        return pb.start();
    }
}
