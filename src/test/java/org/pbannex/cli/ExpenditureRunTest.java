package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * A bad expenditure line through the whole command: strict runs stop with status 3 naming file, line, column and
 * reason and publish nothing; --rejects publishes rejects/expenditure.csv, and the manifest and report count
 * read = accepted + left out + rejected. Messages name the file as it opens from where the command ran (the input copy here is
 * outside the working folder: its absolute path); the published outputs name it by the input folder's own name
 * (input/expenditure/...), wherever the command ran. Also generate-expenditure's refusals.
 */
class ExpenditureRunTest {

    @TempDir
    Path tmp;
    Path input;
    Path lines;

    @BeforeEach
    void copyInput() throws Exception {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        lines = input.resolve("expenditure/synthetic-2016-2023.csv");
        Files.writeString(lines, Files.readString(lines) + "Z1,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,12.345\n");
    }

    private static final String BAD = ", line 20003, column amount_usd: amount '12.345' has more than 2 decimals";

    @Test
    void strictRunStopsAtTheBadLine() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", out.toString());
        String line = org.pbannex.FailedRuns.assertFailed(r, out, 3);
        assertEquals("pb-annex: " + lines + BAD, line);
        assertNamesTheBadFile(line);
        assertTrue(Files.notExists(tmp.resolve("out/2022-23/latest")));
    }

    /** check and ingest-expenditure read the same lines and name the file the same way. */
    @Test
    void checkAndIngestNameTheFileAsItOpensFromHere() throws Exception {
        CliRun check = CliRun.capture(java.util.Map.of(), "check", "--input", input.toString());
        assertNamesTheBadFile(org.pbannex.FailedRuns.assertFailed(check, tmp.resolve("out"), 3));
        CliRun ingest = CliRun.capture(CliRun.h2(tmp.resolve("db")), "ingest-expenditure", "--input", input.toString(),
                input.resolve("expenditure").toString());
        assertNamesTheBadFile(org.pbannex.FailedRuns.assertFailed(ingest, tmp.resolve("out"), 3));
        // Its rejects file is no published output: it too names the file as it opens from here.
        Path rejects = tmp.resolve("ingest-rejects.csv");
        CliRun kept = CliRun.capture(CliRun.h2(tmp.resolve("db")), "ingest-expenditure", "--input", input.toString(), "--rejects",
                rejects.toString(), input.resolve("expenditure").toString());
        assertEquals(0, kept.status(), kept.toString());
        assertTrue(kept.out().startsWith(lines + ": 20001 read, 20000 accepted, 1 rejected; synthetic data, not ILO data\n"), kept.out());
        assertEquals(lines + ",20003,amount_usd,amount '12.345' has more than 2 decimals,\"Z1,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,"
                + "STAFF,12.345\"", Files.readAllLines(rejects).get(1));
    }

    /**
     * A file cut short (its last line without a line end) is refused by every command that reads it, naming its last
     * line, as every input CSV names it: how far the copy got. Even with --rejects: it is to be copied again.
     */
    @Test
    void aFileCutShortIsRefusedAtItsLastLineByEveryCommand() throws Exception {
        String text = Files.readString(lines);
        Files.writeString(lines, text.substring(0, text.length() - 3));
        String said = lines + ", line 20003: the last line has no line end: the file may have been cut short, in its last "
                + "number, by a copy that did not finish; copy it again, or, if it is whole, end it with a line break";
        Path out = tmp.resolve("out");
        for (String rejects : new String[] {null, "--rejects"}) {
            List<String> args = new java.util.ArrayList<>(List.of("run", "nightly", "--input", input.toString(), "--output", out.toString()));
            if (rejects != null) {
                args.add(rejects);
            }
            CliRun r = CliRun.run(tmp.resolve("db"), args.toArray(String[]::new));
            assertEquals("pb-annex: " + said, org.pbannex.FailedRuns.assertFailed(r, out, 3), String.join(" ", args));
        }
        CliRun check = CliRun.capture(java.util.Map.of(), "check", "--input", input.toString());
        assertEquals("pb-annex: " + said, org.pbannex.FailedRuns.assertFailed(check, out, 3));
        for (String rejects : new String[] {null, tmp.resolve("ingest-rejects.csv").toString()}) {
            List<String> args = new java.util.ArrayList<>(List.of("ingest-expenditure", "--input", input.toString()));
            if (rejects != null) {
                args.addAll(List.of("--rejects", rejects));
            }
            args.add(input.resolve("expenditure").toString());
            CliRun r = CliRun.capture(CliRun.h2(tmp.resolve("db")), args.toArray(String[]::new));
            assertEquals("pb-annex: " + said, org.pbannex.FailedRuns.assertFailed(r, out, 3), String.join(" ", args));
        }
        CliRun preflight = CliRun.capture(CliRun.h2(tmp.resolve("db")), "preflight", "nightly", "--input", input.toString(),
                "--output", out.toString());
        assertTrue(preflight.out().lines().anyMatch(l -> l.matches("FAILED\\s+input 2022-23\\s+.*") && l.endsWith(said)),
                preflight.out());
    }

    /**
     * The bundled lines with 100 amounts of 999 999 999 999 999.99 US$ among them, one in every 200 lines, each in a
     * cell of its own outcome: 92 fit in the sums without their signs, the 93rd passes them. Returns its line.
     */
    private long hugeAmountsSpread() throws java.io.IOException {
        List<String> all = new java.util.ArrayList<>(Files.readAllLines(lines));
        all.remove(all.size() - 1); // not copyInput's bad line
        List<String> out = new java.util.ArrayList<>();
        long passing = 0;
        int huge = 0;
        for (int i = 0; i < all.size(); i++) {
            out.add(all.get(i));
            if (i > 0 && i % 200 == 0) {
                huge++;
                out.add("H" + huge + ",2022-03,XB,ESTIMATE,AF,KEN,AFRICA," + (1 + huge % 8) + ",STAFF,999999999999999.99");
                passing = huge == 93 ? out.size() : passing;
            }
        }
        Files.write(lines, out);
        return passing;
    }

    private static final String SUMS_PASS = ", column amount_usd: the lines add up to more than 92233720368547758.07 US$ (the "
            + "sum of each fund, status, region, outcome and biennium taken without its sign), the most that 64-bit cents can hold";

    /**
     * Sums that pass what 64-bit cents hold only once the partitions' sums are merged (each of a file cut small keeps
     * within them) are said at the line that passes them, as in one partition: it named the file alone.
     */
    @Test
    void sumsPassingTheLimitWhenPartitionsMergeNameTheLine() throws Exception {
        long passing = hugeAmountsSpread();
        java.util.Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.expenditure.partition-size", "64KB");
        settings.put("pb.expenditure.threads", "2");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output", out.toString());
        assertEquals("pb-annex: " + lines + ", line " + passing + SUMS_PASS + ": nothing is published",
                org.pbannex.FailedRuns.assertFailed(r, out, 3));
    }

    /**
     * ingest-expenditure, which never publishes, says what it does about sums past the limit: no totals are printed (it
     * said a run's "nothing is published"), whether a partition or the merge of several finds them.
     */
    @Test
    void ingestSaysItPrintsNoTotalsForSumsPastTheLimit() throws Exception {
        long passing = hugeAmountsSpread();
        for (String partitionSize : new String[] {"64KB", "16MB"}) {
            java.util.Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
            settings.put("pb.expenditure.partition-size", partitionSize);
            settings.put("pb.expenditure.threads", "2");
            CliRun r = CliRun.capture(settings, "ingest-expenditure", "--input", input.toString(), input.resolve("expenditure").toString());
            assertEquals("pb-annex: " + lines + ", line " + passing + SUMS_PASS + ": no totals are printed",
                    org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3), partitionSize);
        }
    }

    /** --rejects with a bare file name writes it in the working folder (it stopped with status 5: a path without parent). */
    @Test
    void ingestRejectsGoToABareFileName() throws Exception {
        Path bare = Path.of("rejects-" + ProcessHandle.current().pid() + ".csv");
        try {
            CliRun r = CliRun.capture(CliRun.h2(tmp.resolve("db")), "ingest-expenditure", "--input", input.toString(), "--rejects",
                    bare.toString(), input.resolve("expenditure").toString());
            assertEquals(0, r.status(), r.toString());
            assertEquals(2, Files.readAllLines(bare).size(), "the header and the bad line");
        } finally {
            Files.deleteIfExists(bare);
        }
    }

    /** The one line names the bad file by a path that opens from the working folder: the copy, not the bundled file. */
    private void assertNamesTheBadFile(String line) {
        assertTrue(line.startsWith("pb-annex: ") && line.endsWith(BAD), line);
        Path named = Path.of(line.substring("pb-annex: ".length(), line.length() - BAD.length()));
        assertTrue(Files.isRegularFile(named), "names a file that is there: " + line);
        assertEquals(lines.toAbsolutePath().normalize(), named.toAbsolutePath().normalize(), line);
    }

    /** A 2024 line, of a biennium after the run's, is in no total: counted as left out, not accepted. */
    @Test
    void rejectsModePublishesTheBadLineAndCountsIt() throws Exception {
        Files.writeString(lines, Files.readString(lines) + "Z2,2024-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,10.00\n");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--rejects", "--format", "csv", "--input", input.toString(),
                "--output", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        Path run;
        try (var s = Files.list(tmp.resolve("out/2022-23"))) {
            run = s.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("latest"))
                    .findFirst().orElseThrow();
        }
        List<String> rejects = Files.readAllLines(run.resolve("rejects/expenditure.csv"));
        assertEquals(List.of("file,line,column,reason,raw_line",
                "input/expenditure/synthetic-2016-2023.csv,20003,amount_usd,amount '12.345' has more than 2 decimals,"
                        + "\"Z1,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,12.345\""), rejects);
        String manifest = Files.readString(run.resolve("manifest.json"));
        // As before messages named files as they open from where the command ran: by the input folder's own name.
        assertTrue(manifest.replaceAll("\\s", "").contains("\"expenditure_lines\":[{\"file\":\"input/expenditure/synthetic-2016-2023.csv\","
                + "\"read\":20002,\"accepted\":20000,\"left_out\":1,\"rejected\":1,\"bytes\":" + Files.size(lines)
                + ",\"synthetic\":true}]"), manifest);
        assertFalse(manifest.contains(tmp.toString()), "no path of where the command ran: " + manifest);
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("读取 = 接受 + 未计入 + 拒绝。") && report.contains("1 行支出明细属于 2022-23 之后的两年期，"
                + "不计入本次运行的任何合计") && report.contains("<td>20002</td><td>20000</td><td>1</td>"), report);
        assertTrue(report.contains("input/expenditure/synthetic-2016-2023.csv") && !report.contains(tmp.toString()), report);
        assertTrue(Files.isRegularFile(run.resolve("csv/f2.csv")));
        // Never set aside in silence: the command's output counts it, and the report says it before anything else.
        assertTrue(r.out().contains("Rejected:  1 expenditure line set aside as bad, listed in " + run.resolve("rejects/expenditure.csv")
                + "\n"), r.out());
        var readBeforeUse = org.jsoup.Jsoup.parse(report).selectFirst("div.warning");
        assertTrue(readBeforeUse != null && readBeforeUse.text().contains("已搁置的有误支出明细：1 行（见 rejects/expenditure.csv）；"
                + "本次运行的所有合计均不包括这些明细"), report);
    }

    @Test
    void generatorRefusesANameThatHidesThatItIsSynthetic() {
        CliRun r = CliRun.run(null, "generate-expenditure", "--rows", "10", "--out", tmp.resolve("lines.csv").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("must start with 'synthetic'"), r.err());
    }
}
