package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.HeldLocks;
import org.pbannex.TestInputs;

/**
 * Before a job is left to the night, preflight says line by line whether it can run, with what it found: the job file
 * and schedule, the input and its checks, the output folder, the font, the database, the lock and the mail server (a
 * real one, GreenMail, and a port nothing answers on). It publishes and sends nothing; its status is the worst of what
 * failed.
 */
class PreflightCommandTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

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
        assertTrue(line(r, "input 2022-23").endsWith(input + ": 17 tables, 1147 checks passed"), r.out());
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
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
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
        assertTrue(line(r, "lock 2022-23").matches("note\\s+lock 2022-23\\s+held by the run last-night, .*status 5 until it ends"), r.out());
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
}
