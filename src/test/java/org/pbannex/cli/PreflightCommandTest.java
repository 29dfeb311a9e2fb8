package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.HeldLocks;
import org.pbannex.TestInputs;
import org.pbannex.RefusedPort;

/**
 * Before a job is left to the night, preflight says line by line whether it can run, with what it found: the job file
 * and schedule, the input and its checks, the output folder, the font, the database, the lock and the mail server (a
 * real one, GreenMail, and a port nothing answers on). It publishes and sends nothing; its status is the worst of what
 * failed.
 */
class PreflightCommandTest {

    /** A port of each test's own where nothing listens: a mail server or database that is down. */
    @RegisterExtension
    final RefusedPort noListener = new RefusedPort();


    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(org.pbannex.TestSmtp.SETUP);

    @TempDir
    Path tmp;

    private Map<String, String> home(String jobYaml, Path input) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/nightly.yml"), jobYaml);
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", input.toString());
        settings.put("pb.output", tmp.resolve("out").toString());
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
        settings.put("pb.failures.mail-to", "ops@example.org");
        return settings;
    }

    private static String line(CliRun r, String what) {
        return r.out().lines().filter(l -> l.matches("^\\S+\\s+" + what + "\\s.*")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + what + ": " + r.out()));
    }

    @Test
    void aJobThatCanRunSaysWhatItFoundAndPublishesNothing() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        var settings = home("schedule: \"0 30 2 * * *\"\ntables: all\nlanguages: [zh]\nformats: [csv]\n", input);
        CliRun r = CliRun.capture(settings, "preflight");
        assertEquals(0, r.status(), r.toString());
        assertTrue(line(r, "job file").startsWith("ok") && line(r, "job file").endsWith("nightly.yml: every table; zh; csv"), r.out());
        assertTrue(line(r, "schedule").contains("0 30 2 * * *, next ") && line(r, "schedule").contains("T02:30"), r.out());
        BundledCounts.assertLine(input + ": " + BundledCounts.tablesWord() + ", " + BundledCounts.checks() + " checks passed", line(r, "input 2022-23"));
        // The bundled sample is synthetic: an installation about to publish hears it before the run, not in its figures.
        assertTrue(line(r, "synthetic 2022-23").matches("note\\s+synthetic 2022-23\\s+input/expenditure/synthetic-2016-2023.csv: "
                + "synthetic data, not ILO data; .*"), r.out());
        assertTrue(line(r, "output").matches("ok\\s+output\\s+" + java.util.regex.Pattern.quote(tmp.resolve("out").toString())
                + ": writable, links allowed, [0-9.]+ [GM]B free; keeps every published run \\(PB_RETENTION_RUNS, PB_RETENTION_AGE\\)"), r.out());
        assertFalse(r.out().contains(" font "), "no PDF, no font: " + r.out());
        assertTrue(line(r, "database").startsWith("ok") && line(r, "database").contains(": reachable, its tables up to date"), r.out());
        assertTrue(line(r, "lock 2022-23").startsWith("ok"), r.out());
        assertTrue(line(r, "mail").matches("ok\\s+mail\\s+localhost:\\d+ answers, from .*: failures to ops@example.org"), r.out());
        assertTrue(r.out().strip().endsWith("Ready: the job nightly can run unattended."), r.out());
        assertEquals(0, SMTP.getReceivedMessages().length, "nothing sent");
        try (var published = Files.list(tmp.resolve("out"))) {
            assertEquals(0, published.count(), "nothing published");
        }
    }

    @Test
    void whatWouldFailTonightIsSaidLineByLineWithTheWorstStatus() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve("2022-23/cost_by_object.csv"), s -> s.replace("STAFF,547017651,", "STAFF,547017652,")
                .replace("TRAVEL,12394975,", "TRAVEL,12394974,"));
        var settings = home("tables: all\nlanguages: [zh]\nformats: [csv, pdf]\n", input);
        int closed = noListener.port();
        settings.put("spring.mail.port", String.valueOf(closed));
        Path notAFolder = Files.writeString(tmp.resolve("out-is-a-file"), "x");
        settings.put("pb.output", notAFolder.toString());
        assertEquals(0, CliRun.capture(settings, "history").status(), "the database's tables made");
        HeldLocks.holdAsAliveRun(settings, "2022-23", notAFolder.toString(), "last-night");
        CliRun r = CliRun.capture(settings, "preflight", "nightly");
        assertEquals(5, r.status(), "the worst of a failed check (4) and the output and mail (5): " + r);
        assertTrue(line(r, "schedule").startsWith("note"), r.out());
        assertTrue(line(r, "input 2022-23").startsWith("FAILED") && line(r, "input 2022-23").contains(
                "a2-2.staff_equals_annex1_staff_costs [table a2-2, row STAFF]: expected 547017651, actual 547017652; see "
                        + input + "/2022-23/cost_by_object.csv, line 2"), r.out());
        assertTrue(line(r, "output").matches("FAILED\\s+output\\s+" + java.util.regex.Pattern.quote(notAFolder.toString())
                + ": a file, not a folder"), r.out());
        assertTrue(line(r, "font").matches("FAILED\\s+font\\s+no CJK font in .*home/work/fonts: run scripts/fetch-fonts.sh"),
                "this home has no font: " + r.out());
        assertTrue(line(r, "lock 2022-23").matches("note\\s+lock 2022-23\\s+held by the run last-night, pid \\d+ on .+, since \\d{4}-\\d\\d-\\d\\dT"
                + "\\d\\d:\\d\\d:\\d\\dZ: a run now would stop with status 5 until it ends"), r.out());
        assertTrue(line(r, "mail").matches("FAILED\\s+mail\\s+localhost:" + closed + " does not answer \\(.*\\): failures to "
                + "ops@example.org would not be sent"), r.out());
        assertTrue(r.out().strip().endsWith("Not ready: 4 lines FAILED of 8; exit status 5."), r.out());
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void aJobFileThatCannotBeUsedIsTheOnlyLine() throws Exception {
        var settings = home("tables: [a1, zz]\n", TestInputs.copyOfBundledInput(tmp.resolve("input")));
        CliRun r = CliRun.capture(settings, "preflight");
        assertEquals(2, r.status(), r.toString());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(1).matches("FAILED\\s+job file\\s+jobs/nightly.yml: unknown table 'zz'; the tables are .*"), r.out());
        assertEquals("Not ready: 1 line FAILED of 1; exit status 2.", lines.get(2));
    }

    @Test
    void anOutputFolderInsideTheInputFolderIsTheOutputsLine() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        var settings = home("tables: all\n", input);
        settings.put("pb.output", input.resolve("out").toString());
        CliRun r = CliRun.capture(settings, "preflight");
        assertEquals(2, r.status(), r.toString());
        assertTrue(line(r, "output").matches("FAILED\\s+output\\s+the output folder .*/out is inside the input folder .*"), r.out());
    }

    /**
     * A run published for the job's reviewers and never sent to them (its mail server refused) is listed, with the
     * command that sends it; preflight sends nothing itself. It was not said at all.
     */
    @Test
    void aRunWaitingToBeSentIsListedWithWhatSendsIt() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        var settings = home("""
                tables: [a1]
                languages: [en]
                formats: [xlsx]
                reviewers:
                  - name: Ana Silva
                    email: ana.silva@example.org
                    language: en
                """, input);
        Map<String, String> down = new HashMap<>(settings);
        down.put("spring.mail.port", String.valueOf(noListener.port()));
        CliRun refused = CliRun.capture(down, "run", "nightly");
        assertEquals(5, refused.status(), refused.toString());
        String runId = refused.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1];

        CliRun r = CliRun.capture(settings, "preflight");
        String unsent = line(r, "unsent 2022-23");
        assertTrue(unsent.matches("note\\s+unsent 2022-23\\s+run " + java.util.regex.Pattern.quote(runId) + " published \\d{4}-\\d{2}-\\d{2} "
                + "\\d{2}:\\d{2}:\\d{2} to " + java.util.regex.Pattern.quote(tmp.resolve("out").resolve("2022-23").resolve(runId).toString())
                + ", NOT SENT to its reviewers: ./pb-annex distribute " + java.util.regex.Pattern.quote(runId) + " sends it \\(so does the "
                + "job's next run when it finds these inputs published\\)"), r.out());
        assertEquals(0, SMTP.getReceivedMessages().length, "preflight sends nothing");

        assertEquals(0, CliRun.capture(settings, "distribute", runId).status());
        CliRun after = CliRun.capture(settings, "preflight");
        assertFalse(after.out().contains("unsent 2022-23"), "sent: no longer listed. " + after.out());

        // A job that sends every run to reviewers keeps each: the retention's line says so, or it would seem to hold.
        Map<String, String> retained = new HashMap<>(settings);
        retained.put("pb.retention.runs", "2");
        String output = line(CliRun.capture(retained, "preflight"), "output");
        assertTrue(output.startsWith("ok") && output.endsWith(", but never a run sent to reviewers, and the job sends every run it "
                + "publishes to its reviewers: only runs not sent are removed (README: An output folder that does not fill the disk)"),
                output);
    }
}
