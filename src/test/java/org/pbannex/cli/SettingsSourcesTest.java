package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pbannex.RefusedPort;

/**
 * Every command reads the same settings, from the same sources in Spring Boot's order: the settings file
 * config/application.properties of the installation folder included, under the environment variables and system
 * properties; and a setting that cannot be used, or that pb-annex does not know, is told with where it was set.
 */
class SettingsSourcesTest {

    /** A port of each test's own where nothing listens: a mail server or database that is down. */
    @RegisterExtension
    final RefusedPort noListener = new RefusedPort();

    @TempDir
    Path tmp;

    /** An installation folder with a nightly job of one table, its own database and status, and these settings files. */
    private Map<String, String> home(String settingsFile) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/nightly.yml"), "schedule: \"0 30 2 * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), settingsFile);
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", TestInputs.copyOfBundledInput(tmp.resolve("input")).toString());
        settings.put("pb.output", tmp.resolve("out").toString());
        return settings;
    }

    private static String line(CliRun r, String what) {
        return r.out().lines().filter(l -> l.matches("^\\S+\\s+" + what + "\\s.*")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + what + ": " + r.out()));
    }

    @Test
    void preflightReadsTheInstallationsSettingsFileAsTheRunDoes() throws Exception {
        var settings = home("pb.retention.runs=2\npb.failures.mail-to=ops@example.org\nspring.mail.host=localhost\n"
                + "spring.mail.port=" + noListener.port() + "\n");
        CliRun r = CliRun.capture(settings, "preflight");
        assertTrue(line(r, "output").endsWith("keeps the newest 2 complete runs of a biennium and the newest 2 partial runs since the oldest of them (pb.retention.runs)"), r.out());
        assertTrue(line(r, "mail").contains("failures to ops@example.org would not be sent"), r.out());
        assertFalse(r.out().contains("nobody is mailed"), r.out());
        assertEquals("", r.err(), "no setting unknown");
    }

    @Test
    void aSettingOfTheWrongKindInTheFileIsNamedWithItsLineNotBlamedOnTheDatabase() throws Exception {
        var settings = home("# the mail server\nspring.mail.port=abc\n");
        CliRun r = CliRun.capture(settings, "history");
        assertEquals(5, r.status(), r.toString());
        Path file = tmp.resolve("home/config/application.properties");
        assertEquals("pb-annex: the setting spring.mail.port (spring.mail.port in " + file + ", line 2) is 'abc', which is not a "
                + "whole number", r.err().strip());

        var pool = home("spring.datasource.hikari.connection-timeout=soon\n");
        CliRun p = CliRun.capture(pool, "preflight");
        assertEquals(5, p.status(), p.toString());
        assertTrue(line(p, "settings").matches("FAILED\\s+settings\\s+the setting spring.datasource.hikari.connection-timeout "
                + "\\(.*\\) is 'soon', which is not a whole number"), p.out());
        assertFalse(p.out().contains("unavailable"), p.out());
    }

    /**
     * A settings file Spring Boot cannot read is one line naming it, with line, column and reason, status 5 as a setting
     * of the wrong kind: it was SnakeYAML's lines without the file ("in 'reader', line 2, column 1"), or
     * "Malformed \\uxxxx encoding." with no place at all.
     */
    @Test
    void aSettingsFileThatCannotBeReadIsOneLineWithItsLineAndColumn() throws Exception {
        var settings = home("");
        Path yaml = tmp.resolve("home/config/application.yml");
        Files.writeString(yaml, "pb:\n\tretention:\n    runs: 3\n");
        CliRun tab = CliRun.capture(settings, "check");
        assertEquals(5, tab.status(), tab.toString());
        assertEquals("pb-annex: the settings file " + yaml + " cannot be read: line 2, column 1: a tab, where YAML indents "
                + "with spaces only", tab.err().strip(), tab.toString());
        assertEquals("", tab.out(), tab.toString());

        Files.writeString(yaml, "pb:\n  retention:\n    runs: 3\n   age: 90d\n");
        CliRun indent = CliRun.capture(settings, "status");
        assertEquals(5, indent.status(), indent.toString());
        assertEquals("pb-annex: the settings file " + yaml + " cannot be read: line 4, column 4: its indentation does not line "
                + "up with the lines above it (YAML: expected <block end>, but found '<block mapping start>')",
                indent.err().strip(), indent.toString());

        Files.delete(yaml);
        // A comment's \\u and an escaped backslash's are no escapes (Spring Boot's loader reads them so); the value's is.
        Path properties = tmp.resolve("home/config/application.properties");
        Files.writeString(properties, "# see C:\\users\\u\npb.retention.runs=3\npb.layout-memory=C:\\\\users\\\\u\\u00e9\\u00zz\n");
        CliRun escape = CliRun.capture(settings, "check");
        assertEquals(5, escape.status(), escape.toString());
        assertEquals("pb-annex: the settings file " + properties + " cannot be read: line 3, column 36: a \\u escape needs "
                + "four hexadecimal digits (0-9, a-f), as in \\u00e9 for é", escape.err().strip(), escape.toString());
    }

    /**
     * A run whose settings file cannot be read sends no notice (the mail settings may be in that file), and says so
     * after its line; its failure is noted in the job's status, where the environment and the defaults put it, so that
     * status shows it once the file reads again.
     */
    @Test
    void aRunWhoseSettingsFileCannotBeReadSaysItSentNoNoticeAndIsNotedInItsStatus() throws Exception {
        var settings = home("pb.failures.mail-to=ops@example.org\nspring.mail.host=localhost\n");
        Path yaml = tmp.resolve("home/config/application.yml");
        Files.writeString(yaml, "pb:\n\tretention:\n    runs: 3\n");
        CliRun run = CliRun.capture(settings, "run", "nightly");
        assertEquals(5, run.status(), run.toString());
        Path noted = Path.of(settings.get("pb.status")).resolve("nightly.failed"); // (the test's, as PB_STATUS would)
        String line = "the settings file " + yaml + " cannot be read: line 2, column 1: a tab, where YAML indents with spaces only";
        assertEquals(List.of("pb-annex: " + line, "pb-annex: no failure notice was sent: the mail settings may be in the settings "
                + "file that cannot be read; noted in " + noted), run.err().lines().toList(), run.toString());
        var outcomes = new org.pbannex.runtime.RunOutcomes(noted.getParent());
        List<String> english = outcomes.failures("nightly", "2022-23");
        assertEquals(1, english.size(), english.toString());
        assertTrue(english.get(0).matches("\\S+ exit status 5: " + java.util.regex.Pattern.quote(line + " (no failure "
                + "notice was sent: the mail settings may be in the settings file that cannot be read)")), english.toString());
        // In the job's language too (nightly's first edition is Chinese), as the message that it is back to normal lists
        // it: the status line was English only.
        assertEquals(List.of(english.get(0).substring(0, english.get(0).indexOf(": ") + 2) + "设置文件 " + yaml + " 无法读取：第 2 行"
                + "第 1 列：这里有一个制表符，而 YAML 只用空格缩进（未发送失败通知：邮件设置可能就在这个无法读取的设置文件中）"),
                outcomes.failures("nightly", "2022-23", "zh"));
        // --lang en: English alone.
        CliRun english2 = CliRun.capture(settings, "run", "nightly", "--lang", "en");
        assertEquals(5, english2.status(), english2.toString());
        List<String> zh = outcomes.failures("nightly", "2022-23", "zh");
        assertEquals(2, zh.size(), zh.toString());
        assertTrue(zh.get(1).contains(" exit status 5: " + line + " (no failure notice"), zh.toString());
        Files.delete(yaml);
        CliRun status = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, status.status(), status.toString());
        assertTrue(status.out().contains("2 failures") && status.out().contains("a tab, where YAML indents"), status.toString());
        assertFalse(status.out().contains("制表符"), "status shows the English line: " + status.out());
    }

    @Test
    void aMisspeltKeyInTheFileIsToldWithTheNearestSetting() throws Exception {
        var settings = home("pb.retention.runz=2\n");
        Path file = tmp.resolve("home/config/application.properties");
        String told = "pb.retention.runz in " + file + ", line 1 is no setting of pb-annex, and is ignored; "
                + "did you mean pb.retention.runs?";
        CliRun p = CliRun.capture(settings, "preflight");
        assertTrue(line(p, "settings").matches("WARNING\\s+settings\\s+" + java.util.regex.Pattern.quote(told)), p.out());
        assertEquals(0, p.status(), "a warning is no failure: " + p);
        assertTrue(p.out().strip().endsWith("Ready: the job nightly can run unattended, with 1 WARNING above."), p.out());
        assertEquals("", p.err(), "said once, in its line: " + p);

        CliRun c = CliRun.capture(settings, "status");
        assertEquals("pb-annex: warning: " + told, c.err().strip().lines().findFirst().orElse(""), c.toString());
    }

    @Test
    void aRunGivenAMisspeltSettingGoesOnAndItsReportSaysIt() throws Exception {
        var settings = home("pb.retention.runz=2\n");
        CliRun r = CliRun.capture(settings, "run", "nightly");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().startsWith("pb-annex: warning: pb.retention.runz in "), r.err());
        Path published;
        try (var files = Files.walk(tmp.resolve("out/2022-23"))) {
            published = files.filter(f -> f.getFileName().toString().equals("report.html")).findFirst().orElseThrow();
        }
        String report = Files.readString(published);
        assertTrue(report.contains("<h2>未采用的设置：运行按默认值进行</h2>"), report);
        assertTrue(report.contains("pb.retention.runz in " + tmp.resolve("home/config/application.properties") + ", line 1 is no "
                + "setting of pb-annex, and is ignored; did you mean pb.retention.runs?"), report);
    }

    @Test
    void environmentVariablesOutrankTheFileAndAMisspeltOneIsTold() throws Exception {
        var settings = home("pb.retention.runs=2\n");
        settings.put("pb.status", tmp.resolve("status").toString());
        ChildRun child = ChildRun.start(tmp.resolve("logs"), "preflight", settings,
                Map.of("PB_RETENTION_RUNS", "3", "PB_RETENTION_RUNZ", "4", "PB_WARM", "off", "TZ", "Bogus/Zone"), "preflight");
        int status = child.waitFor(Duration.ofMinutes(3));
        String out = child.out();
        assertEquals(0, status, out + child.err());
        assertTrue(out.contains("keeps the newest 3 complete runs of a biennium"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("WARNING\\s+settings\\s+PB_RETENTION_RUNZ is no setting of pb-annex, and "
                + "is ignored; did you mean PB_RETENTION_RUNS\\?")), out);
        assertFalse(out.contains("PB_WARM"), "the launcher's own variable is known: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("WARNING\\s+settings\\s+TZ is 'Bogus/Zone', which names no time zone: "
                + "times, and the schedule's, are in GMT instead; .*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("ok\\s+schedule\\s+0 30 2 \\* \\* \\*, next \\S+T02:30:00 \\(GMT, this machine's "
                + "time zone\\) .*")), out);
    }

    @Test
    void aBadMailPortInTheEnvironmentIsTheSettingsLineWithItsVariable() throws Exception {
        var settings = home("");
        settings.put("pb.status", tmp.resolve("status").toString());
        ChildRun child = ChildRun.start(tmp.resolve("logs"), "run", settings, Map.of("SPRING_MAIL_PORT", "abc"), "run", "nightly");
        assertEquals(5, child.waitFor(Duration.ofMinutes(3)), child.err());
        assertEquals("pb-annex: the setting spring.mail.port (SPRING_MAIL_PORT) is 'abc', which is not a whole number",
                child.err().strip(), child.out());
    }
}
