package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;

/**
 * A command line or job file typed wrong, through the real command line: one line in words (no Java type, no argument
 * index), the line after it pointing to the help or the README, exit status 2; and a run's mistake is its job's
 * failure only when nobody typed it at a terminal (pb.terminal, which the launcher sets).
 */
class CommandLineMistakesTest {

    @TempDir
    Path home;

    /**
     * This test's installation: the jobs nightly and regenerate, its own status folder and database (no command here
     * gets as far as reading input).
     */
    private Map<String, String> home() throws Exception {
        Files.createDirectories(home.resolve("jobs"));
        for (String job : List.of("nightly", "regenerate")) {
            Files.writeString(home.resolve("jobs").resolve(job + ".yml"), "tables: all\nformats: [csv]\n");
        }
        Map<String, String> settings = new HashMap<>(CliRun.h2(home.resolve("work/db")));
        settings.put("pb.home", home.toString());
        return settings;
    }

    private static List<String> errLines(CliRun r) {
        return r.err().lines().filter(l -> !l.startsWith("pb-annex: warning:")).toList();
    }

    @Test
    void aValueOfTheWrongKindIsSaidWithTheOptionAndAnExample() throws Exception {
        Map<String, String> settings = home();
        LocalDate today = LocalDate.now();
        CliRun date = CliRun.capture(settings, "distribute", "--dry-run", "--reply-by", "15/12/2026");
        assertEquals(2, date.status(), date.toString());
        // Two weeks from the command's day: today's, or the next when it ran across midnight.
        String said = "pb-annex: --reply-by '15/12/2026' is not a date such as ";
        assertTrue(List.of(List.of(said + today.plusWeeks(2), "Try 'pb-annex distribute --help'."), List.of(said
                + LocalDate.now().plusWeeks(2), "Try 'pb-annex distribute --help'.")).contains(errLines(date)), date.err());
        CliRun limit = CliRun.capture(settings, "history", "--limit", "ten");
        assertEquals(2, limit.status(), limit.toString());
        assertEquals("pb-annex: --limit 'ten' is not a whole number such as 20", errLines(limit).get(0));
        CliRun threads = CliRun.capture(settings, "ingest-expenditure", "x.csv", "--threads", "2.5");
        assertEquals("pb-annex: --threads '2.5' is not a whole number such as 10", errLines(threads).get(0));
        // What is missing, in words and with the command's usage (picocli said "Missing required parameter: '<job>'").
        CliRun noJob = CliRun.capture(settings, "run");
        assertEquals(2, noJob.status(), noJob.toString());
        assertEquals(List.of("pb-annex: missing <job>: pb-annex run needs it (usage: pb-annex run [OPTIONS] <job>)",
                "Try 'pb-annex run --help'."), errLines(noJob));
        CliRun noStatus = CliRun.capture(settings, "after-run", "nightly");
        assertEquals("pb-annex: missing --status: pb-annex after-run needs it (usage: pb-annex after-run --status=N [OPTIONS] <job>)",
                errLines(noStatus).get(0));
        assertEquals("pb-annex: --limit needs a value (N)", errLines(CliRun.capture(settings, "history", "--limit")).get(0));
        CliRun unknownHelp = CliRun.capture(settings, "frobnicate", "--help");
        assertEquals(2, unknownHelp.status(), unknownHelp.toString());
        assertTrue(errLines(unknownHelp).get(0).startsWith("pb-annex: unknown command 'frobnicate'"), unknownHelp.err());
        CliRun nothing = CliRun.capture(settings);
        assertEquals(2, nothing.status(), nothing.toString());
        assertTrue(errLines(nothing).get(0).matches("pb-annex: missing command: such as run, check, status, history or schedule \\(all "
                + "\\d+ of them: ./pb-annex --help\\)"), nothing.err());
        CliRun negative = CliRun.capture(settings, "ingest-expenditure", "x.csv", "--threads", "-3");
        assertEquals(2, negative.status(), negative.toString());
        assertEquals("pb-annex: --threads is -3; expected 0 (one per core) or how many threads parse the lines", errLines(negative).get(0));
        CliRun status = CliRun.capture(settings, "after-run", "nightly", "--status", "failed");
        assertEquals("pb-annex: --status 'failed' is not a whole number such as 10", errLines(status).get(0));
    }

    @Test
    void aWordTheCommandDoesNotTakeIsSaidWithWhatWasMeant() throws Exception {
        Map<String, String> settings = home();
        CliRun split = CliRun.capture(settings, "run", "regenerate", "--tables", "A2-1,", "a3");
        assertEquals(2, split.status(), split.toString());
        assertEquals(List.of("pb-annex: the list of --tables was split at a space ('A2-1,' then 'a3'): write --tables A2-1,a3 "
                + "without spaces, or quote it", "Try 'pb-annex run --help'."), errLines(split));
        CliRun command = CliRun.capture(settings, "histroy");
        assertEquals(2, command.status(), command.toString());
        assertEquals("pb-annex: unknown command 'histroy'; did you mean history?", errLines(command).get(0));
        CliRun option = CliRun.capture(settings, "run", "nightly", "--table", "a1");
        assertEquals(2, option.status(), option.toString());
        assertEquals("pb-annex: unknown option '--table' of pb-annex run; did you mean --tables?", errLines(option).get(0));
    }

    @Test
    void aRunsMistakeIsItsJobsFailureOnlyWhenNobodyTypedItAtATerminal() throws Exception {
        Map<String, String> settings = home();
        Path status = Path.of(settings.get("pb.status"));
        Map<String, String> atTerminal = new HashMap<>(settings);
        atTerminal.put("pb.terminal", "1");
        CliRun typed = CliRun.capture(atTerminal, "run", "regenerate", "--tables", "A2-1,", "a3");
        assertEquals(2, typed.status(), typed.toString());
        assertFalse(Files.exists(status.resolve("regenerate.failed")), "typed at a terminal: read there, no failure kept");
        CliRun well = CliRun.capture(settings, "status");
        assertEquals(0, well.status(), well.toString());

        // The same line from cron (no terminal) fails every night: the job's failure, kept and shown.
        CliRun crontab = CliRun.capture(settings, "run", "regenerate", "--tables", "A2-1,", "a3");
        assertEquals(2, crontab.status(), crontab.toString());
        assertTrue(Files.readString(status.resolve("regenerate.failed")).contains(" exit status 2: the list of --tables was split "
                + "at a space"), "kept in the job's status");
        CliRun notWell = CliRun.capture(settings, "status");
        assertEquals(5, notWell.status(), notWell.toString());
        assertTrue(notWell.out().contains("exit status 2: the list of --tables was split at a space"), notWell.out());
    }

    /**
     * A crontab line's mistake is told in the first language its --lang names, where the mistake is elsewhere on it (it
     * took the job's first edition); a --lang that is itself wrong leaves the job's. Read from the job's status, where the
     * notice's cause is noted in its language when that is not English (--said-zh=), with no mail server.
     */
    @Test
    void aMistakeIsToldInTheLanguageTheCommandLineAsksFor() throws Exception {
        Map<String, String> settings = twoLanguages();
        Path status = Path.of(settings.get("pb.status"));
        // nightly's first edition is Chinese (its file names none), regenerate's English.
        List<String> zh = List.of(
                said(settings, status, "nightly"),
                said(settings, status, "nightly", "--lang", "fr"),
                said(settings, status, "regenerate", "--lang=zh,en"),
                said(settings, status, "regenerate", "--lang", "zh", "--lang", "en"));
        assertTrue(zh.stream().allMatch(l -> l.contains("\t--said-zh=pb-annex run 没有选项“--forse”；是否要输入 --force？")), String.join("\n", zh));
        for (List<String> english : List.of(List.of("nightly", "--lang", "en"), List.of("nightly", "--lang", "en,zh"),
                List.of("regenerate", "--lang", "en", "--lang", "zh"), List.of("regenerate"), List.of("regenerate", "--lang", "zh,fr"))) {
            String line = said(settings, status, english.get(0), english.subList(1, english.size()).toArray(String[]::new));
            assertTrue(line.endsWith(" exit status 2: unknown option '--forse' of pb-annex run; did you mean --force?"),
                    english + ": " + line);
        }
    }

    /**
     * This test's installation with the installation's texts (the notice's words), nightly's first edition Chinese
     * (its file names none), regenerate's English.
     */
    private Map<String, String> twoLanguages() throws Exception {
        Map<String, String> settings = home();
        settings.put("pb.input", org.pbannex.Golden.input().toString());
        Files.writeString(home.resolve("jobs/regenerate.yml"), "tables: all\nlanguages: [en, zh]\nformats: [csv]\n");
        return settings;
    }

    /** The line a crontab's {@code run JOB --forse ARGS...} notes in the job's status (the last, and its only one). */
    private static String said(Map<String, String> settings, Path status, String job, String... args) throws Exception {
        Path failed = status.resolve(job + ".failed");
        Files.deleteIfExists(failed);
        List<String> line = new java.util.ArrayList<>(List.of("run", job, "--forse"));
        line.addAll(List.of(args));
        CliRun r = CliRun.capture(settings, line.toArray(String[]::new));
        assertEquals(2, r.status(), r.toString());
        assertEquals("pb-annex: unknown option '--forse' of pb-annex run; did you mean --force?", errLines(r).get(0));
        List<String> noted = Files.readAllLines(failed);
        assertEquals(1, noted.size(), noted.toString());
        return noted.get(0);
    }

    /**
     * A run that fails before it is set up for another reason than its command line (a setting of the wrong kind, an
     * output folder that cannot be made) is told in the first language its --lang names too, over the job's first
     * edition: nightly's is Chinese, so --lang en gives English, and regenerate's English, so --lang zh Chinese.
     */
    @Test
    void aRunThatCannotBeSetUpIsToldInTheLanguageItsLangNames() throws Exception {
        Map<String, String> settings = twoLanguages();
        Path status = Path.of(settings.get("pb.status"));
        // The installation's output folder inside a file, where it cannot be made (its own: a trial's is no job's failure).
        Path file = Files.writeString(home.resolve("a-file"), "not a folder\n");
        for (Map.Entry<String, String> wrong : List.of(Map.entry("pb.run.timeout", "soon"), Map.entry("pb.output",
                file.resolve("out").toString()))) {
            Map<String, String> set = new HashMap<>(settings);
            set.put(wrong.getKey(), wrong.getValue());
            String en = language(set, status, 5, "nightly", "--lang", "en");
            assertFalse(en.contains("\t--said-zh="), "English, as the line is: " + en);
            String zh = language(set, status, 5, "regenerate", "--lang", "zh");
            // (The cause in Chinese words where the texts have them, else quoted as stderr says it.)
            assertTrue(zh.contains("\t--said-zh="), "Chinese: " + zh);
            // Without --lang, the job's first edition's language: the other one.
            assertTrue(language(set, status, 5, "nightly").contains("\t--said-zh="), "nightly: Chinese");
            assertFalse(language(set, status, 5, "regenerate").contains("\t--said-zh="), "regenerate: English");
        }
    }

    /**
     * The line {@code run ARGS...} notes in the job's status, where its notice's words are kept: the job's, or, once its
     * run is set up, the job's for its biennium.
     */
    private static String language(Map<String, String> settings, Path status, int exit, String... args) throws Exception {
        Path run = status.resolve(args[0] + ".2022-23.failed");
        Files.deleteIfExists(run);
        CliRun r = CliRun.capture(settings, java.util.stream.Stream.concat(java.util.stream.Stream.of("run"),
                java.util.stream.Stream.of(args)).toArray(String[]::new));
        assertEquals(exit, r.status(), r.toString());
        Path noted = Files.exists(run) ? run : status.resolve(args[0] + ".failed");
        List<String> lines = Files.readAllLines(noted);
        Files.delete(noted);
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0);
    }

    @Test
    void aJobFileWrittenWrongSaysHowAListIsWrittenAndPointsToTheReadme() throws Exception {
        Map<String, String> settings = home();
        settings.put("pb.terminal", "1");
        Path job = home.resolve("jobs/regenerate.yml");
        Files.writeString(job, "tables: all\nlanguages: zh, en\nformats: [csv]\n");
        CliRun unbracketed = CliRun.capture(settings, "run", "regenerate");
        assertEquals(2, unbracketed.status(), unbracketed.toString());
        assertEquals(List.of("pb-annex: " + job + ", line 2: 'languages: zh, en' is one value, not a list: write a list in "
                + "brackets, languages: [zh, en]", "How a job file is written: README.md, section Jobs."), errLines(unbracketed));

        Files.writeString(job, "tables: all\nlanguages: [zh, en\nformats: [csv]\n");
        CliRun unclosed = CliRun.capture(settings, "run", "regenerate");
        assertEquals(2, unclosed.status(), unclosed.toString());
        assertEquals(List.of("pb-annex: " + job + ", line 2, column 12: the list opened with '[' here is not closed with ']' on "
                + "its line: a list is written on one line, its values separated by commas, such as languages: [zh, en]",
                "How a job file is written: README.md, section Jobs."), errLines(unclosed));
    }

    /**
     * A reviewer's mistake in a job file is said at the line and column of the value at fault, as the file's other
     * mistakes and the input's are (it was said at the line of reviewers:, without a column): the e-mail of the second
     * reviewer, a language left out (the reviewer's own place).
     */
    @Test
    void aJobFilesReviewerMistakeIsSaidAtItsLineAndColumn() throws Exception {
        Map<String, String> settings = home();
        settings.put("pb.terminal", "1");
        Path job = home.resolve("jobs/regenerate.yml");
        String reviewers = "tables: all\nformats: [csv]\nreviewers:\n  - name: Li Wei\n    email: li.wei@example.org\n"
                + "    language: zh\n  - name: Maria Rossi\n    email: maria..rossi@example.org\n    language: en\n";
        Files.writeString(job, reviewers);
        CliRun email = CliRun.capture(settings, "run", "regenerate");
        assertEquals(2, email.status(), email.toString());
        assertEquals(List.of("pb-annex: " + job + ", line 8, column 12: reviewer 2: e-mail 'maria..rossi@example.org' is not one "
                + "address in plain ASCII: letters a-z, digits and signs such as . _ - + (no accented letter, no two dots together)",
                "How a job file is written: README.md, section Jobs."), errLines(email));

        Files.writeString(job, reviewers.replace("maria..rossi", "maria.rossi").replace("    language: en\n", ""));
        CliRun language = CliRun.capture(settings, "run", "regenerate");
        assertEquals(2, language.status(), language.toString());
        assertEquals(List.of("pb-annex: " + job + ", line 7, column 5: reviewer 2: language '' is not zh or en",
                "How a job file is written: README.md, section Jobs."), errLines(language));
    }
}
