package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbannex.Golden;
import org.pbannex.HeadlessChromium;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.table.CheckResult;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * report.html for a published run and for a failed one, parsed back: the headline says the outcome, failures come
 * first, every link resolves to a file in the run folder, and the synthetic data and Figure 2 / Table 2 totals are
 * there.
 */
class ReportWriterTest {

    static ComputedPublication pub;
    static List<Table> tables;
    /** The report's words from the run's texts (report.*, and edition.synthetic_input), as the run passes them. */
    static ReportWords WORDS;

    @BeforeAll
    static void compute() {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        tables = new ArrayList<>(pub.tables().values());
        WORDS = ReportWords.of(pub.reference().texts());
        // As the content helper's f2 says it (whether or not that is on this branch yet): a caveat on the table.
        tables.replaceAll(t -> t.id().equals("f2") ? t.withCaveat(new Text("合成数据", "drawn from synthetic data, not ILO figures")) : t);
    }

    /** A published run of English first: its report is in English. */
    private static RunRecord record(Path dir, List<CheckResult> checks) throws IOException {
        return record(dir, checks, List.of("en", "zh"));
    }

    private static RunRecord record(Path dir, List<CheckResult> checks, List<String> languages) throws IOException {
        return record(dir, checks, languages, "test");
    }

    private static RunRecord record(Path dir, List<CheckResult> checks, List<String> languages, String codeVersion) throws IOException {
        return new RunRecord("20260101T000000Z-abc", "nightly", "2022-23", RunRecord.PUBLISHED, 0, null, null,
                "2026-01-01T00:00:00Z", "2026-01-01T00:03:12Z",
                codeVersion, "0123", tables.stream().map(Table::id).toList(), languages, List.of("csv"), false,
                new ArrayList<>(pub.inputs().files().values()), checks, pub.printedDifferences(), OutputFile.list(dir),
                RunDiff.none(), pub.expenditure() == null ? List.of() : pub.expenditure().files());
    }

    @Test
    void aDiskFullWhileTheReportOrManifestIsWrittenNamesTheFile(@TempDir Path dir) throws IOException {
        // A full disk's "No space left on device" names no file; the line must say which one was being written.
        // /dev/full stands in for the full disk (a tester's tmpfs filled during the manifest gave a line with no path).
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "Linux's /dev/full");
        RunRecord run = record(dir, pub.checks().results());
        for (String file : List.of(ReportWriter.FILE, ManifestWriter.FILE)) {
            Path target = dir.resolve(file);
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of("/dev/full"));
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> {
                if (file.equals(ReportWriter.FILE)) {
                    ReportWriter.write(run, tables, WORDS, dir);
                } else {
                    ManifestWriter.write(run, dir);
                }
            });
            assertEquals("cannot write " + target + ": No space left on device", org.pbannex.runtime.ExitCodes.message(e));
            assertEquals(5, org.pbannex.runtime.ExitCodes.of(e), "infrastructure");
            Files.delete(target);
        }
    }

    @Test
    void publishedRunLinksEveryFileItHasAndNothingElse(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("csv"));
        Files.writeString(dir.resolve("csv/t1.csv"), "row_key\n");
        Files.writeString(dir.resolve("pb-annexes-2022-23.zh.pdf"), "%PDF");
        RunRecord run = record(dir, pub.checks().results());
        ReportWriter.write(run, tables, WORDS, dir);
        ManifestWriter.write(record(dir, pub.checks().results()), dir); // as AnnexRun does, right after the report

        Document html = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        String headline = html.selectFirst(".headline").text();
        assertTrue(headline.startsWith("Published") && headline.contains("Exit status 0") && headline.contains("20260101T000000Z-abc")
                && headline.contains("took 3 min 12 s"), headline);
        assertTrue(headline.contains(pub.checks().passedCount() + " checks passed, 0 failed"), headline);
        assertTrue(headline.contains("Started 1 January 2026, 00:00:00 UTC, finished 00:03:12 UTC"), headline);
        List<String> hrefs = html.select("a[href]").eachAttr("href");
        assertEquals(List.of("csv/t1.csv", "pb-annexes-2022-23.zh.pdf", "manifest.json", "report.html"), hrefs);
        for (String href : hrefs) {
            assertTrue(Files.isRegularFile(dir.resolve(href)), "link to a file of the run: " + href);
        }
        assertFalse(html.html().contains("rejects/expenditure.csv"), "no rejects file, no link to one");

        // Synthetic data is said before the details; the documented difference from print is listed.
        String warning = html.selectFirst(".warning").text();
        assertTrue(warning.contains("f2") && warning.contains("drawn from synthetic data, not ILO figures"), warning);
        assertTrue(html.text().indexOf("synthetic data") < html.text().indexOf("Checks by table"));
        Element diff = html.select("h2:containsOwn(Differences from the printed document) + .table-scroll > table").first();
        assertTrue(diff != null && diff.text().contains("43.0") && diff.text().contains("43.1"), "t2 outcome 8 difference");

        // Figure 2's XB totals beside Table 2's, for the biennia Table 2 has.
        Element xb = html.select("h2:containsOwn(Figure 2 beside Table 2) + .table-scroll > table").first();
        Table t2 = pub.tables().get("t2");
        String t2Total = ((java.math.BigDecimal) t2.row("total").value("xb")).toPlainString();
        Element current = xb.select("tr:has(th:containsOwn(2022-23))").first();
        assertEquals(t2Total, current.select("td").get(1).text(), "Table 2's XB total for 2022-23");
        assertTrue(!current.select("td").get(0).text().isEmpty(), "Figure 2's total for 2022-23");
        // Drawn from synthetic lines, each biennium of Figure 2 says so, and that its agreement with Table 2 proves nothing.
        assertEquals("2022-23 (synthetic)", current.selectFirst("th").text());
        assertTrue(xb.selectFirst("caption").text().contains("says nothing of real data"), xb.selectFirst("caption").text());
        // Table 2's figures are the estimates file's here: called estimates, none marked synthetic.
        assertTrue(xb.selectFirst("caption").text().startsWith("US$ millions. Figure 2 sums the expenditure lines; Table 2 holds the "
                + "estimates."), xb.selectFirst("caption").text());
        assertEquals("Table 2 (XB estimates)", xb.select("thead th").get(2).text());
        // Row for row, the comparison StrategicFrameworkTable.xbBesideFigure2 makes (its figures tested in SyntheticFigure2Test):
        // the report only shows it.
        List<String> shown = xb.select("tbody tr").stream().map(tr -> tr.selectFirst("th").text() + " | "
                + tr.select("td").get(0).text() + " | " + tr.select("td").get(1).text()).toList();
        List<String> compared = org.pbannex.outcomes.StrategicFrameworkTable.xbBesideFigure2(new org.pbannex.reference.Biennium(2022),
                tables).stream().map(x -> (x.figure2Synthetic() ? x.biennium() + " (synthetic)" : x.biennium()) + " | "
                + x.figure2().toPlainString() + " | " + (x.table2() == null ? "" : x.table2().toPlainString())).toList();
        assertEquals(compared, shown);

        // Checks folded by table, none open when all passed, in the order the run publishes its tables, each named;
        // a check across tables after the last one it names; the tables no check is about, said.
        assertTrue(html.select("details[open]").isEmpty());
        List<String> summaries = html.select("details > summary").eachText();
        List<String> order = new ArrayList<>(tables.stream().map(Table::id).toList());
        order.add(order.indexOf("i3") + 1, "i1-i3");
        List<String> checked = pub.checks().results().stream().map(CheckResult::table).distinct().toList();
        assertEquals(order.stream().filter(checked::contains).toList(),
                summaries.stream().map(s -> s.substring(0, s.indexOf(s.contains(" (") ? " (" : ":"))).toList());
        assertTrue(summaries.get(0).startsWith("t1 (Table 1): "), summaries.get(0));
        assertTrue(summaries.contains("i1-i3: " + pub.checks().results().stream().filter(c -> c.table().equals("i1-i3")).count()
                + " passed, 0 failed"), summaries.toString());
        List<String> unchecked = tables.stream().map(Table::id).filter(id -> !checked.contains(id)).toList();
        assertFalse(unchecked.isEmpty(), "the bundled input has tables no check is about (Figure 2 among them)");
        String none = html.selectFirst("p.unchecked").text();
        for (String id : unchecked) {
            assertTrue(none.contains(id + " ("), id + " in: " + none);
        }
        assertTrue(none.contains("f2 (Figure 2)"), none);
    }

    /**
     * A run's workbooks not sent to its reviewers (its database gone before its distribute step, a mail server that did
     * not take them, addresses refused for good: the report, written before that step, did not say so, while stderr,
     * status and history did): once known, its report says so after its headline, why, and the command that sends them,
     * in its language; its manifest lists the report rewritten, so the folder is still whole; once sent, the report is
     * again byte for byte what it was. A process that died between moving the manifest and the report into place leaves
     * the report beside its place: the check of the folder puts it there.
     */
    @Test
    void aRunNotSentToItsReviewersSaysSoWithTheCommandThatSendsThem(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("csv"));
        Files.writeString(dir.resolve("csv/t1.csv"), "row_key\n");
        ReportWriter.write(record(dir, pub.checks().results()), tables, WORDS, dir);
        ManifestWriter.write(record(dir, pub.checks().results()), dir); // as publishing does: the manifest lists the report
        byte[] asPublished = Files.readAllBytes(dir.resolve(ReportWriter.FILE));
        assertTrue(Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).select("#not-sent").isEmpty(), "sent, or not yet: nothing said");

        String command = "./pb-annex distribute 20260101T000000Z-abc";
        ReportWriter.distribution(dir, ReportWriter.NotSent.databaseGone(command), WORDS);
        Document html = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        Element box = html.selectFirst("#not-sent");
        assertTrue(box != null && box.previousElementSibling().hasClass("headline"), "right after the headline: " + html.body().html());
        assertEquals("NOT SENT to its reviewers", box.selectFirst("h2").text());
        assertEquals("This run's workbooks were NOT SENT to its reviewers: its database went away before they were sent.",
                box.select("p").get(0).text());
        assertEquals(command + " sends them to the reviewers who have not received them.", box.select("p").get(1).text());
        assertEquals(command, box.selectFirst("code").text());
        assertTrue(ManifestWriter.intact(dir), "the manifest lists the report as it is now");
        assertEquals(List.of(), leftBeside(dir));

        // Said again for another reason: one box, the new one.
        ReportWriter.distribution(dir, ReportWriter.NotSent.mailFailed(1, 3, command), WORDS);
        html = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        assertEquals(1, html.select("#not-sent").size());
        assertEquals("This run's workbooks were NOT SENT to all its reviewers: the mail server did not take them, or none was "
                + "reached (1 of 3 reviewers have them).", html.selectFirst("#not-sent p").text());
        assertTrue(ManifestWriter.intact(dir));

        // Sent since: the report is as published again, its manifest too.
        ReportWriter.distribution(dir, null, null);
        assertEquals(new String(asPublished, java.nio.charset.StandardCharsets.UTF_8), Files.readString(dir.resolve(ReportWriter.FILE)));
        assertTrue(ManifestWriter.intact(dir));
        byte[] manifestSent = Files.readAllBytes(dir.resolve(ManifestWriter.FILE));
        ReportWriter.distribution(dir, null, null);
        assertEquals(new String(manifestSent), Files.readString(dir.resolve(ManifestWriter.FILE)), "nothing to take back: nothing written");

        // A Chinese run's report says it in Chinese, its reason refused addresses.
        ManifestWriter.write(record(dir, pub.checks().results(), List.of("zh", "en")), dir);
        ReportWriter.distribution(dir, ReportWriter.NotSent.refused(2, 3, command), WORDS);
        box = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).selectFirst("#not-sent");
        assertEquals("未发送给审阅人", box.selectFirst("h2").text());
        assertTrue(box.select("p").get(0).text().startsWith("本次运行的工作簿未发送给每一位审阅人：") && box.text().contains("3 位审阅人中 2 位已收到"),
                box.text());
        assertEquals(command + " 会将其发送给尚未收到的审阅人。", box.select("p").get(1).text());
        assertTrue(ManifestWriter.intact(dir));

        // Died between the two moves: the manifest lists the new report, which is still beside its place.
        byte[] said = Files.readAllBytes(dir.resolve(ReportWriter.FILE));
        ReportWriter.distribution(dir, null, null);
        Files.move(dir.resolve(ReportWriter.FILE), dir.resolve(ReportWriter.NEXT));
        Files.write(dir.resolve(ReportWriter.FILE), said);
        assertTrue(ManifestWriter.intact(dir), "put in place");
        assertTrue(Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).select("#not-sent").isEmpty());
        assertEquals(List.of(), leftBeside(dir));
        // A report changed otherwise is still changed.
        Files.writeString(dir.resolve(ReportWriter.FILE), "<html></html>");
        assertFalse(ManifestWriter.intact(dir));
    }

    /** What a rewrite left beside the report or the manifest. */
    private static List<String> leftBeside(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".next")).toList();
        }
    }

    /**
     * A synthetic input file is said in the texts' words (edition.synthetic_input, as the editions' covers), not in
     * words of the report's own: a translator's change to texts.csv reaches the report too.
     */
    @Test
    void aSyntheticInputIsSaidInTheTextsWords(@TempDir Path dir) throws IOException {
        RunRecord run = record(dir, pub.checks().results());
        List<String> synthetic = run.expenditure().stream().filter(f -> f.synthetic()).map(f -> f.file()).toList();
        assertFalse(synthetic.isEmpty(), "the bundled input's expenditure lines are synthetic");
        ReportWriter.write(run, tables, WORDS, dir);
        List<String> warnings = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).select(".warning li").eachText();
        assertTrue(warnings.contains(synthetic.get(0) + ": synthetic data, not ILO data"), warnings.toString());

        // A translator's rewording of texts.csv: the words read from an input's texts files as they stand.
        Path input = Files.createDirectories(dir.resolve("input/reference"));
        Files.writeString(input.resolve("texts.csv"), Files.readString(Golden.input().resolve("reference/texts.csv"))
                .replace("\nedition.synthetic_input,合成数据，{synthetic.not_ilo_data},\"synthetic data, {synthetic.not_ilo_data}\"\n",
                        "\nedition.synthetic_input,合成数据，不是任何组织的数据,\"made-up lines, no organisation's figures\"\n"));
        ReportWriter.write(run, tables, ReportWords.read(dir.resolve("input"), new org.pbannex.reference.Biennium(2022)), dir);
        warnings = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).select(".warning li").eachText();
        assertTrue(warnings.contains(synthetic.get(0) + ": made-up lines, no organisation's figures"), warnings.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.startsWith(synthetic.get(0)) && w.contains("ILO")), warnings.toString());
    }

    /**
     * Table 2's XB from synthetic lines (its estimates file emptied): beside Figure 2 the report calls them neither
     * estimates nor real, each figure marked (tester case 31).
     */
    @Test
    void table2FromSyntheticLinesIsNoEstimateInTheReport(@TempDir Path dir) throws IOException {
        Path input = org.pbannex.TestInputs.withoutEstimates(dir.resolve("input"));
        ComputedPublication fromLines = Publication.compute(input, new org.pbannex.reference.Biennium(2022));
        Path out = Files.createDirectories(dir.resolve("run"));
        ReportWriter.write(record(out, fromLines.checks().results()), new ArrayList<>(fromLines.tables().values()), WORDS, out);
        Element xb = Jsoup.parse(out.resolve(ReportWriter.FILE).toFile())
                .select("h2:containsOwn(Figure 2 beside Table 2) + .table-scroll > table").first();
        String caption = xb.selectFirst("caption").text();
        assertTrue(caption.startsWith("US$ millions. Figure 2 sums the expenditure lines; Table 2 holds the estimates, but for its "
                + "figures marked (synthetic): its estimates file has none for that biennium, and they sum synthetic expenditure "
                + "lines, not ILO data."), caption);
        assertEquals("Table 2 (XB)", xb.select("thead th").get(2).text());
        String t2Total = ((java.math.BigDecimal) fromLines.tables().get("t2").row("total").value("xb")).toPlainString();
        assertEquals(t2Total + " (synthetic)", xb.select("tr:has(th:containsOwn(2022-23)) td").get(1).text());
        assertTrue(xb.select("tr:has(th:containsOwn(2020-21)) td").get(1).text().endsWith(" (synthetic)"));
        assertEquals("", xb.select("tr:has(th:containsOwn(2018-19)) td").get(1).text(), "Table 2 has no 2018-19");
    }

    /**
     * A file whose name and first line disagree is synthetic all the same: the report's warning says which one made it
     * so and what to do if its lines are real, in the report's language.
     */
    @Test
    void aFileWhoseNameAndFirstLineDisagreeIsSaidInTheReport(@TempDir Path dir) throws IOException {
        RunRecord base = record(dir, pub.checks().results(), List.of("en", "zh"));
        var files = List.of(
                new org.pbannex.expenditure.ExpenditureIngest.FileStats("input/expenditure/synthetic-a.csv", 1, 1, 0, 0, 10,
                        org.pbannex.expenditure.SyntheticMark.NAME_ONLY),
                new org.pbannex.expenditure.ExpenditureIngest.FileStats("input/expenditure/erp-b.csv", 1, 1, 0, 0, 10,
                        org.pbannex.expenditure.SyntheticMark.CONTENT_ONLY),
                new org.pbannex.expenditure.ExpenditureIngest.FileStats("input/expenditure/synthetic-c.csv", 1, 1, 0, 0, 10,
                        org.pbannex.expenditure.SyntheticMark.NAME_AND_CONTENT));
        for (List<String> languages : List.of(List.of("en", "zh"), List.of("zh", "en"))) {
            RunRecord run = new RunRecord(base.runId(), base.job(), base.biennium(), base.status(), base.exitStatus(), null, null,
                    base.startedAt(), base.finishedAt(), base.codeVersion(), base.inputChecksum(), base.tables(), languages,
                    base.formats(), false, base.inputs(), base.checks(), base.printedDifferences(), base.outputs(), RunDiff.none(), files);
            ReportWriter.write(run, tables, WORDS, dir);
            List<String> warnings = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).select(".warning li").eachText();
            if (languages.get(0).equals("en")) {
                assertTrue(warnings.contains("input/expenditure/synthetic-a.csv: synthetic data, not ILO data: named synthetic*, though "
                        + "its first line carries no synthetic mark (if its lines are real, rename the file)"), warnings.toString());
                assertTrue(warnings.contains("input/expenditure/erp-b.csv: synthetic data, not ILO data: its first line marks it "
                        + "synthetic, whatever its name (if its lines are real, remove that line)"), warnings.toString());
                assertTrue(warnings.contains("input/expenditure/synthetic-c.csv: synthetic data, not ILO data"), warnings.toString());
            } else {
                assertTrue(warnings.contains("input/expenditure/synthetic-a.csv：合成数据，并非劳工组织的数据：文件名以 synthetic 开头，"
                        + "但第一行没有合成数据标记（若其中为真实明细行，请重命名该文件）"), warnings.toString());
                assertTrue(warnings.contains("input/expenditure/erp-b.csv：合成数据，并非劳工组织的数据：第一行标明为合成数据，"
                        + "文件名则未以 synthetic 开头（若其中为真实明细行，请删除该标记行）"), warnings.toString());
            }
        }
    }

    /**
     * A later biennium's lines, in no total of the run, are counted as left out, not accepted: a column of the report's
     * table and of the manifest's expenditure_lines, and a sentence in the texts' words (edition.lines_left_out).
     */
    @Test
    void linesOfALaterBienniumAreCountedAsLeftOut(@TempDir Path dir) throws IOException {
        RunRecord base = record(dir, pub.checks().results());
        RunRecord run = new RunRecord(base.runId(), base.job(), base.biennium(), base.status(), base.exitStatus(), null, null,
                base.startedAt(), base.finishedAt(), base.codeVersion(), base.inputChecksum(), base.tables(), base.languages(),
                base.formats(), false, base.inputs(), base.checks(), base.printedDifferences(), base.outputs(), RunDiff.none(),
                List.of(new org.pbannex.expenditure.ExpenditureIngest.FileStats("input/expenditure/erp.csv", 10, 6, 3, 1,
                        4096, org.pbannex.expenditure.SyntheticMark.NONE)));
        ReportWriter.write(run, tables, WORDS, dir);
        Document html = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        Element section = html.select("section").stream().filter(s -> s.text().startsWith("Expenditure lines")).findFirst()
                .orElseThrow(() -> new AssertionError(html.text()));
        assertEquals(List.of("File", "Read", "Accepted", "Left out", "Rejected", "MB", "Synthetic"), section.select("th").eachText());
        assertEquals(List.of("input/expenditure/erp.csv", "10", "6", "3", "1", "0", "no"), section.select("tbody td").eachText());
        assertTrue(section.text().contains("Read = accepted + left out + rejected. 3 expenditure lines of biennia after 2022-23 are "
                + "left out of every total of this run (only their form is checked)."), section.text());

        ManifestWriter.write(run, dir);
        String manifest = Files.readString(dir.resolve(ManifestWriter.FILE)).replaceAll("\\s", "");
        assertTrue(manifest.contains("\"file\":\"input/expenditure/erp.csv\",\"read\":10,\"accepted\":6,\"left_out\":3,"
                + "\"rejected\":1,"), manifest);
        // A run published before lines were counted as left out is read as leaving none out.
        Files.writeString(dir.resolve(ManifestWriter.FILE), Files.readString(dir.resolve(ManifestWriter.FILE))
                .replaceAll("\"left_out\"\\s*:\\s*3\\s*,", ""));
        assertEquals(0L, ManifestWriter.read(dir).expenditureLines().get(0).leftOut());
        assertEquals(6, ManifestWriter.read(dir).expenditureLines().get(0).accepted());
    }

    /**
     * Each reason the previous biennium's figures were not compared is said in the report in the words its reason names
     * (Restatements.NotCompared), in each language, with its biennium and its count of failed checks filled in.
     */
    @Test
    void whyRestatementsWereNotComparedIsSaidInTheReasonsWords(@TempDir Path dir) throws IOException {
        RunRecord base = record(dir, pub.checks().results());
        for (var why : org.pbannex.restatement.Restatements.NotCompared.values()) {
            for (String language : List.of("en", "zh")) {
                RunRecord run = new RunRecord(base.runId(), base.job(), base.biennium(), base.status(), base.exitStatus(), null,
                        null, base.startedAt(), base.finishedAt(), base.codeVersion(), base.inputChecksum(), base.tables(),
                        List.of(language), base.formats(), false, base.inputs(), base.checks(), base.printedDifferences(),
                        base.outputs(), RunDiff.none(), base.expenditure(), new RunRecord.Comparison(Text.EMPTY,
                        org.pbannex.restatement.Restatements.notCompared("2020-21", why, 7)));
                ReportWriter.write(run, tables, WORDS, dir);
                Element section = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).getElementById("restatements-heading").parent();
                Text words = WORDS.filled(why.word(), "previous", "2020-21", "count", 7);
                assertEquals(List.of(words.in(org.pbannex.table.Language.of(language))), section.select("p").eachText(), why + " " + language);
                assertTrue(words.en().contains("2020-21") && (why != org.pbannex.restatement.Restatements.NotCompared.ITS_CHECKS
                        || words.en().contains(" 7 ") && words.zh().contains(" 7 ")), words.toString());
            }
        }
    }

    /** Restated figures as a comparison with the previous biennium finds them: grouped, negative, small. */
    private static final org.pbannex.restatement.Restatements RESTATED = new org.pbannex.restatement.Restatements("2020-21", true,
            List.of(new org.pbannex.restatement.Restatement("t1", "a", new Text("治理机关", "Governance organs"), "budget_previous",
                            "budget", "50267588", "50229701", "37887"),
                    new org.pbannex.restatement.Restatement("a2", "ilc", new Text("国际劳工大会", "International Labour Conference"),
                            "programme_change", "programme_change", "-157178", "-157000", "-178"),
                    new org.pbannex.restatement.Restatement("t2", "o8", new Text("成果 8", "Outcome 8"), "rb", "rb", "43.0", "43.1",
                            "-0.1")), List.of(), null, 0);

    /** A published run's report in the language, with the restated figures; the restatements' table of it. */
    private static Element restatementsReported(Path dir, org.pbannex.table.Language lang) throws IOException {
        RunRecord base = record(dir, pub.checks().results());
        RunRecord run = new RunRecord(base.runId(), base.job(), base.biennium(), base.status(), base.exitStatus(), null,
                null, base.startedAt(), base.finishedAt(), base.codeVersion(), base.inputChecksum(), base.tables(),
                List.of(lang.code()), base.formats(), false, base.inputs(), base.checks(), base.printedDifferences(),
                base.outputs(), RunDiff.none(), base.expenditure(), new RunRecord.Comparison(Text.EMPTY, RESTATED));
        ReportWriter.write(run, tables, WORDS, dir);
        return Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).getElementById("restatements-heading").parent()
                .selectFirst("table");
    }

    /** The restated figures as a screen reader should hear them, in the editions' words (edition.minus). */
    private static List<String> restatedHeard(org.pbannex.table.Language lang) {
        String minus = pub.reference().texts().get("edition.minus").in(lang);
        return List.of("50267588", "50229701", "37887", minus.replace("{n}", "157178"), minus.replace("{n}", "157000"),
                minus.replace("{n}", "178"), "43.0", "43.1", minus.replace("{n}", "0.1"));
    }

    /**
     * A restated figure is heard as one number, as the editions' figures are (tester 78b, 20): printed grouped as the
     * report's language groups it ("50 267 588", which a Mandarin voice read as three numbers), hidden from a screen
     * reader, and said whole in text the page does not show, its minus in the editions' words (edition.minus); a figure
     * a screen reader says right as printed ("43.0") is left as it is.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(org.pbannex.table.Language.class)
    void aRestatedFigureIsHeardAsOneNumber(org.pbannex.table.Language lang, @TempDir Path dir) throws IOException {
        Element table = restatementsReported(dir, lang);
        String sep = lang == org.pbannex.table.Language.ZH ? " " : ",";
        List<String> shown = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        for (Element td : table.select("tbody td.num")) {
            Element seen = td.clone();
            seen.select(".visually-hidden").remove();
            shown.add(seen.text());
            Element said = td.clone();
            said.select("[aria-hidden=true]").remove();
            heard.add(said.text());
        }
        assertEquals(List.of("50" + sep + "267" + sep + "588", "50" + sep + "229" + sep + "701", "37" + sep + "887",
                "-157" + sep + "178", "-157" + sep + "000", "-178", "43.0", "43.1", "-0.1"), shown, "as printed");
        assertEquals(restatedHeard(lang), heard, "as heard");
    }

    /**
     * The same in Chromium: each restated figure's accessible name is the figure whole (the accessibility tree a screen
     * reader reads), a copy of it takes it as printed, once, and axe finds no violation in a report with restatements.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(org.pbannex.table.Language.class)
    void aRestatedFigureIsHeardAsOneNumberInChromium(org.pbannex.table.Language lang, @TempDir Path dir) throws Exception {
        HeadlessChromium.executable();
        restatementsReported(dir, lang);
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            browser.load(dir.resolve(ReportWriter.FILE).toUri().toString());
            int root = browser.send("DOM.getDocument", java.util.Map.of("depth", 0)).path("root").path("nodeId").asInt();
            var cells = browser.send("DOM.querySelectorAll", java.util.Map.of("nodeId", root,
                    "selector", "section:has(#restatements-heading) tbody td.num"));
            List<String> names = new ArrayList<>();
            for (var id : cells.path("nodeIds")) {
                names.add(browser.send("Accessibility.getPartialAXTree", java.util.Map.of("nodeId", id.asInt(),
                        "fetchRelatives", false)).path("nodes").get(0).path("name").path("value").asString("").strip());
            }
            assertEquals(restatedHeard(lang), names, "the cells' accessible names");
            // The first restated figure selected, as a reader copies it: the figure as printed, not also as heard.
            String copied = browser.evaluate("(() => { const r = document.createRange(); r.selectNodeContents("
                    + "document.querySelector('section:has(#restatements-heading) tbody td.num')); const s = getSelection();"
                    + " s.removeAllRanges(); s.addRange(r); return s.toString(); })()").asString();
            assertEquals(lang == org.pbannex.table.Language.ZH ? "50 267 588" : "50,267,588", copied.strip(), "a copy");
            assertEquals(List.of(), browser.axeViolations("report.html with restatements"));
        }
    }

    /** A published run's report.html with one failed check, once Chromium is known to be there. */
    private static Path reportWithAFailedCheck(Path dir) throws IOException {
        HeadlessChromium.executable();
        List<CheckResult> checks = new ArrayList<>(pub.checks().results());
        checks.add(new CheckResult("a1.row_total", "a1", "ilc", "100", "99", false));
        // The code version of a jar built from a changed copy of the code, longer than a phone's line (tester 78b, 1).
        ReportWriter.write(record(dir, checks, List.of("en", "zh"), "0.1.0-SNAPSHOT+30fb530eed1d.local-930cb70c"), tables, WORDS, dir);
        return dir.resolve(ReportWriter.FILE);
    }

    /** The report in a real browser: it requests nothing it does not link, a screenshot is kept, axe finds no violation. */
    @Test
    void chromiumShowsItAndAxeFindsNoViolation(@TempDir Path dir) throws Exception {
        Path report = reportWithAFailedCheck(dir);
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            assertEquals(List.of(report.toUri().toString()), browser.load(report.toUri().toString()));
            Path screenshots = Files.createDirectories(Golden.home().resolve("target/screenshots"));
            browser.screenshot(screenshots.resolve("report.png"), 3000);
            assertEquals(List.of(), browser.axeViolations("report.html"));
        }
    }

    /**
     * At 200 % zoom (a 1280-px window is 640 CSS px) and on a phone (320): the page never scrolls sideways (the input
     * files' SHA-256 once made it wider than the window); long tokens wrap, a figure stays on one line, and a table
     * still too wide scrolls in a focusable box of its own (NarrowReport; NightlyJobH2Test checks a real run's report,
     * with its list of files, the same way). axe stays clean at that width. Screenshots are kept.
     */
    @ParameterizedTest
    @ValueSource(ints = {640, 320})
    void thePageReflowsInANarrowWindow(int width, @TempDir Path dir) throws Exception {
        Path report = reportWithAFailedCheck(dir);
        try (HeadlessChromium browser = NarrowReport.open(report, width)) {
            assertTrue(browser.evaluate("[...document.querySelectorAll('.table-scroll')].some(b => b.scrollWidth > b.clientWidth)")
                    .asBoolean(), "the expenditure lines' table scrolls in its box");
            assertTrue(browser.evaluate("[...document.querySelectorAll('code')].some(c => c.textContent.length == 64"
                    + " && c.getClientRects().length > 1)").asBoolean(), "a SHA-256 wraps");
            Path screenshots = Files.createDirectories(Golden.home().resolve("target/screenshots"));
            browser.screenshot(screenshots.resolve("report-" + width + ".png"), 4000);
            assertEquals(List.of(), browser.axeViolations("report.html at " + width + " px"));
        }
    }

    @Test
    void aFailedCheckIsFirstAndItsTableOpen(@TempDir Path dir) throws IOException {
        List<CheckResult> checks = new ArrayList<>(pub.checks().results());
        checks.add(new CheckResult("a1.row_total", "a1", "ilc", "100", "99", false));
        ReportWriter.write(record(dir, checks), tables, WORDS, dir);
        Document html = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        Element first = html.select("main > section").first();
        assertTrue(first.text().startsWith("Failed checks (1)") && first.text().contains("a1.row_total"), first.text());
        Element open = html.selectFirst("details[open]");
        assertTrue(open.selectFirst("summary").text().startsWith("a1 (Information annex 1):") && open.text().contains("1 failed"), open.text());
        assertEquals(open, html.select("details").first(), "the failing table's checks come first");
    }

    @Test
    void failedRunSaysTheStepAndTheCauseAndLinksNothingMissing(@TempDir Path dir) throws IOException {
        String cause = "pb-annex: input/2022-23/budget.csv, line 7, column staff_costs: thousands separator in a number";
        RunRecord failed = new RunRecord("20260101T000000Z-abc", "nightly", "2022-23", RunRecord.FAILED, 3, "ingest", cause,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:04Z", "test", "0123", List.of("t1"), List.of("en"), List.of("csv"), false,
                List.of(), List.of(), List.of(), List.of(), RunDiff.none(), List.of());
        // What a crash while writing an earlier report left aside is removed; this one is written aside, then moved.
        Path stale = Files.createDirectories(dir.resolve("out/2022-23/failed/" + RunPublisher.WRITING + "20251231T000000Z-old"));
        Path folder = RunPublisher.writeFailed(new RunFolder(dir.resolve("out"), "2022-23", failed.runId()), failed,
                List.of(), ReportWords.read(Golden.input(), new org.pbannex.reference.Biennium(2022)), List.of());
        assertEquals(dir.resolve("out/2022-23/failed/" + failed.runId()), folder);
        assertFalse(Files.exists(stale), "a report left half-written by a crash");
        try (var left = Files.list(folder.getParent())) {
            assertEquals(List.of(failed.runId()), left.map(p -> p.getFileName().toString()).toList());
        }
        Document html = Jsoup.parse(folder.resolve(ReportWriter.FILE).toFile());
        assertTrue(html.title().startsWith("FAILED"), html.title());
        String headline = html.selectFirst(".headline").text();
        assertTrue(headline.startsWith("Failed: nothing was published") && headline.contains("Exit status 3")
                && headline.contains("Failed step: ingest") && headline.contains("took 4 s"), headline);
        assertEquals(cause, html.selectFirst(".cause").text());
        for (String href : html.select("a[href]").eachAttr("href")) {
            assertTrue(Files.isRegularFile(folder.resolve(href)), "link to a file that is there: " + href);
        }
        assertEquals(List.of("manifest.json", "report.html"), html.select("a[href]").eachAttr("href"), "a failed run has no outputs");
        // Failed while reading its input, the run never read the documented differences from the print: not "none".
        assertTrue(html.text().contains("Not known: the run stopped before it computed its tables"), html.text());
        assertFalse(html.text().contains("None documented"), html.text());
        // A failed run publishes nothing to compare: not "no previous published run", which an earlier one may well be.
        assertTrue(html.text().contains("Not compared: a failed run publishes no tables"), html.text());
        assertFalse(html.text().contains("No previous published run"), html.text());
    }

    /**
     * A failed run's report that the file system refuses (a full disk; here a name too long for it) leaves no failed/
     * folder behind, empty beside the published runs: failed/ was made for that report alone.
     */
    @Test
    void aFailedReportTheDiskRefusesLeavesNoEmptyFailedFolder(@TempDir Path dir) throws IOException {
        String runId = "20260101T000000Z-" + "x".repeat(300);
        RunRecord failed = new RunRecord(runId, "nightly", "2022-23", RunRecord.FAILED, 5, "render", "pb-annex: disk full",
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:04Z", "test", "0123", List.of("t1"), List.of("en"), List.of("csv"), false,
                List.of(), List.of(), List.of(), List.of(), RunDiff.none(), List.of());
        RunFolder folder = new RunFolder(dir.resolve("out"), "2022-23", runId);
        Files.createDirectories(dir.resolve("out/2022-23"));
        assertThrows(IOException.class, () -> RunPublisher.writeFailed(folder, failed, List.of(),
                ReportWords.read(Golden.input(), new org.pbannex.reference.Biennium(2022)), List.of()));
        assertFalse(Files.exists(dir.resolve("out/2022-23/failed")), "an empty failed/ left behind");
        // Another failed run's report there stays, and so does failed/ with it.
        Path other = Files.createDirectories(dir.resolve("out/2022-23/failed/20251231T000000Z-old"));
        assertThrows(IOException.class, () -> RunPublisher.writeFailed(folder, failed, List.of(),
                ReportWords.read(Golden.input(), new org.pbannex.reference.Biennium(2022)), List.of()));
        assertTrue(Files.isDirectory(other), "another run's report");
    }

    /** A word of English in the report's own words: a heading, a column's or row's name, a count's sentence. */
    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile("[A-Za-z]{2,}");

    /** The report's own words, each element's text: its headings, its tables' headings and captions, its folded counts. */
    private static List<String> ownWords(Document html) {
        List<String> out = new ArrayList<>();
        out.addAll(html.select("h1, h2, thead th, section:has(> h2) > table > tbody > tr > th,"
                + " section:has(> h2) > .table-scroll > table > tbody > tr > th").eachText());
        // The counts of a table's checks, without its id and name (t1 (Table 1)).
        html.select("details > summary > span.ok, details > summary > span:last-child").forEach(e -> out.add(e.text()));
        return out;
    }

    /**
     * A run whose first edition is Chinese (the nightly job's languages: [zh, en]) is reported in Chinese: every word of
     * the report is the texts' (report.*), none the code's or the template's. Its headings were English in every run.
     */
    @Test
    void aChineseRunsReportIsInChinese(@TempDir Path dir) throws IOException {
        List<CheckResult> checks = new ArrayList<>(pub.checks().results());
        checks.add(new CheckResult("a1.row_total", "a1", "ilc", "100", "99", false));
        ReportWriter.write(record(dir, checks, List.of("zh", "en")), tables, WORDS, dir);
        Document html = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        assertEquals("zh-CN", html.selectFirst("html").attr("lang"));
        assertTrue(html.title().startsWith("已发布：pb-annex 运行 20260101T000000Z-abc"), html.title());
        String headline = html.selectFirst(".headline").text();
        assertTrue(headline.startsWith("已发布 退出状态 0") && headline.contains("用时 3 分 12 秒")
                && headline.contains("开始于协调世界时 2026 年 1 月 1 日 00:00:00，结束于协调世界时 00:03:12")
                && headline.contains(pub.checks().passedCount() + " 项检查通过，1 项未通过"), headline);
        List<String> words = ownWords(html);
        assertTrue(words.containsAll(List.of("未通过的检查（1 项）", "与印刷文件的差异", "文件", "与上一次运行的差异", "运行", "输入",
                "使用前请阅读：合成数据和印刷版中没有的表格")), words.toString());
        List<String> english = words.stream().filter(w -> ENGLISH.matcher(w.replace("SHA-256", "").replace("MB", "")).find()).toList();
        assertEquals(List.of(), english, "English in the Chinese report's own words");
        assertTrue(html.selectFirst(".warning li").text().startsWith("f2（图 2）：合成数据"), "the caveat in Chinese too");
        assertTrue(html.selectFirst("p.unchecked").text().matches("没有任何检查涉及以下表格：f2（图 2）、.*。"),
                html.selectFirst("p.unchecked").text());
        String a1 = html.selectFirst("details[open] > summary").text();
        assertTrue(a1.startsWith("a1（资料附件 1）：") && a1.endsWith(" 项通过、1 项未通过"), a1);

        // The same run, English first: the same places in English.
        ReportWriter.write(record(dir, checks, List.of("en", "zh")), tables, WORDS, dir);
        Document en = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        assertEquals("en-GB", en.selectFirst("html").attr("lang"));
        assertTrue(ownWords(en).containsAll(List.of("Failed checks (1)", "Differences from the printed document", "Files")),
                ownWords(en).toString());
    }

    /**
     * A run refused its input before it read its texts still reports in its language, in the words of the input's texts
     * files as they stand; without any texts file, each word is its key, never the code's English.
     */
    @Test
    void aRunThatFailedBeforeReadingItsTextsTakesTheInputsWords(@TempDir Path dir) throws IOException {
        RunRecord failed = new RunRecord("20260101T000000Z-abc", "nightly", "2022-23", RunRecord.FAILED, 3, "ingest",
                "pb-annex: input/2022-23/budget.csv, line 7, column staff_costs: thousands separator in a number",
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:04Z", "test", "0123", List.of("t1"), List.of("zh"), List.of("csv"), false,
                List.of(), List.of(), List.of(), List.of(), RunDiff.none(), List.of());
        ReportWriter.write(failed, List.of(), ReportWords.read(Golden.input(), new org.pbannex.reference.Biennium(2022)), dir);
        Document html = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        String headline = html.selectFirst(".headline").text();
        assertTrue(headline.startsWith("失败：未发布任何内容 退出状态 3") && headline.contains("失败的步骤： ingest")
                && headline.contains("用时 4 秒"), headline);
        assertTrue(html.text().contains("不详：本运行在计算表格之前即已停止"), html.text());
        assertEquals(List.of(), ownWords(html).stream().filter(w -> ENGLISH.matcher(w.replace("SHA-256", "")).find()).toList());

        ReportWriter.write(failed, List.of(), ReportWords.read(dir.resolve("no-input"), new org.pbannex.reference.Biennium(2022)), dir);
        html = Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile());
        assertEquals("report.failed", html.selectFirst("h1").text());
    }
    /**
     * Texts lacking one of the report's words stop the run at its check step, before anything is rendered, naming the
     * key to add; the failed run's report shows that word as its key, the others in the texts' words.
     */
    @Test
    void textsLackingAReportWordStopTheRunBeforeItRenders(@TempDir Path dir) throws IOException {
        Path input = org.pbannex.TestInputs.copyOfBundledInput(dir.resolve("input"));
        org.pbannex.TestInputs.edit(input.resolve("reference/texts.csv"), s -> s.replace("\nreport.failed_step,失败的步骤：,Failed step:\n", "\n"));
        Path out = dir.resolve("out");
        // The program's folder the input's own: no copy of the program's texts supplies the word (OlderDataFolderTextsTest).
        var settings = new java.util.HashMap<>(org.pbannex.CliRun.h2(dir.resolve("db")));
        settings.put("pb.program", dir.toString());
        org.pbannex.CliRun r = org.pbannex.CliRun.capture(settings, "run", "regenerate", "--tables", "t1", "--format", "csv",
                "--input", input.toString(), "--output", out.toString());
        assertEquals(3, r.status(), r.toString());
        String line = r.err().lines().filter(l -> l.contains("no text with key 'report.failed_step': add a row for it (key,zh,en)"))
                .findFirst().orElseThrow(() -> new AssertionError(r.err()));
        assertTrue(line.contains("texts.csv"), line);
        // check refuses them with the run's line: texts that pass check do not stop a run at its check step.
        org.pbannex.CliRun check = org.pbannex.CliRun.capture(settings, "check", "--input", input.toString());
        assertEquals(3, check.status(), check.toString());
        assertTrue(check.err().lines().anyMatch(line::equals), check.err());
        Path failed;
        try (var runs = Files.list(out.resolve("2022-23/failed"))) {
            failed = runs.findFirst().orElseThrow();
        }
        assertFalse(Files.exists(out.resolve("2022-23/latest")), "nothing published");
        String headline = Jsoup.parse(failed.resolve(ReportWriter.FILE).toFile()).selectFirst(".headline").text();
        assertTrue(headline.startsWith("失败：未发布任何内容") && headline.contains("report.failed_step 核对（check）"), headline);
    }

    /**
     * Every step of the job by its name in the report's language, a partition's worker by its step's, the step's own name
     * in brackets (the English: the name alone, as the log has it); a name the texts have no word for, as it is.
     */
    @Test
    void aStepIsNamedInTheReportsLanguage() {
        assertEquals(new Text("生成输出文件（renderOutput:pdf-zh）", "renderOutput:pdf-zh"), WORDS.step("renderOutput:pdf-zh"));
        assertEquals(new Text("读取支出明细（expenditurePartition:partition00002）", "expenditurePartition:partition00002"),
                WORDS.step("expenditurePartition:partition00002"));
        assertEquals(new Text("核验输入（validate）", "validate"), WORDS.step("validate"));
        assertEquals(Text.of("someStep"), WORDS.step("someStep"));
    }
}
