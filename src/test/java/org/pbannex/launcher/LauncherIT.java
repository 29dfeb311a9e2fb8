package org.pbannex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbannex.launcher.LauncherRuns.LONG;
import static org.pbannex.launcher.LauncherRuns.dataFolder;
import static org.pbannex.launcher.LauncherRuns.runFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pbannex.Golden;
import org.pbannex.launcher.LauncherRuns.Result;

/**
 * The launcher, {@code ./pb-annex}, as a user runs it, on the jar {@code package} built (an integration test: it runs
 * after the package phase): the first command prepares fast start-up; each kind of command gets its own class cache;
 * a runtime that is not there is one line and exit status 5; the installation's folder found however the launcher is
 * named, and its data in a folder apart (PB_HOME); a run the launcher cannot start noted in its job's status; a run
 * starts its Spring context from the build's ahead-of-time bean definitions and publishes what it publishes without
 * them. The warm process's tests are WarmProcessLauncherIT's, which the other test JVM runs meanwhile (after
 * BoundedMemoryIT: failsafe runs the classes in alphabetical order), while this class's first test waits for the
 * preparation of fast start-up.
 */
class LauncherIT {

    /** Runs the launcher in a folder of this class's own (its database, warm process and status). */
    @RegisterExtension
    static final LauncherRuns runs = new LauncherRuns();

    @Test
    void eachKindOfCommandStartsWithItsOwnClassCache() throws Exception {
        Result version = runs.launcher(runs.with("PB_SHOW_COMMAND", "1"), "--version");
        assertEquals(0, version.status(), version.toString());
        assertTrue(version.out().startsWith("pb-annex "), version.toString());
        Result check = runs.launcher(runs.with("PB_SHOW_COMMAND", "1"), "check");
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains("checks passed, 0 failed"), check.toString());
        String command = check.err().lines().filter(l -> l.startsWith("pb-annex: ") && l.contains(" -jar ")).findFirst().orElseThrow();
        // Transparent huge pages only when asked for (PB_HUGE_PAGES=on) and this kernel gives them on request, and no
        // warning from the JVM about them either way.
        assertFalse(command.contains("-XX:+UseTransparentHugePages"), "not asked for: " + command);
        assertFalse(check.err().toLowerCase(java.util.Locale.ROOT).contains("warning"), check.toString());
        Map<String, String> hugePages = new HashMap<>(runs.with("PB_SHOW_COMMAND", "1"));
        hugePages.put("PB_HUGE_PAGES", "on");
        Result asked = runs.launcher(hugePages, "check");
        assertEquals(0, asked.status(), asked.toString());
        String askedCommand = asked.err().lines().filter(l -> l.startsWith("pb-annex: ") && l.contains(" -jar ")).findFirst().orElseThrow();
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String mode = Files.isReadable(thp) ? Files.readString(thp) : "";
        assertEquals(mode.contains("[madvise]") || mode.contains("[always]"), askedCommand.contains("-XX:+UseTransparentHugePages"),
                mode + ": " + askedCommand);
        assertFalse(asked.err().toLowerCase(java.util.Locale.ROOT).contains("warning"), asked.toString());
        // The compile commands of scripts/jvm-inline.txt, read quietly (HotSpot would echo each one to stdout); left out
        // when the folder's path has a space, which would split the option.
        Path inline = Path.of("scripts/jvm-inline.txt").toAbsolutePath();
        assertEquals(!inline.toString().matches(".*\\s.*"), command.contains("-XX:CompileCommandFile=" + inline), command);
        assertFalse(check.out().contains("CompileCommand"), check.toString());
        if (command.contains("-XX:AOTCache=")) {
            // JDK 25+: one ahead-of-time cache per kind of command: a run of every table has its own, a run of named
            // tables shares the one annex's with the other commands.
            assertTrue(command.contains("pb-annex-check.aot"), command);
            assertCache("pb-annex-all.aot", "run", "nightly", "--help");
            assertCache("pb-annex-run.aot", "run", "regenerate", "--tables", "a2", "--help");
            assertCache("pb-annex-run.aot", "run", "regenerate", "--tables=a2", "--help");
            assertCache("pb-annex-run.aot", "history", "--help");
            assertCache("pb-annex-expenditure.aot", "ingest-expenditure", "--help");
            // The schedule is a check's kind, and is told the nightly run's cache for the runs it starts.
            Path app = Golden.home().resolve("target/app");
            assertCache("-XX:AOTCache=" + app.resolve("pb-annex-check.aot") + " ", "schedule", "--help");
            assertCache("-Dpb.schedule.run-cache=-XX:AOTCache=" + app.resolve("pb-annex-all.aot") + " ", "schedule", "--help");
        } else {
            assertTrue(command.contains("-XX:SharedArchiveFile="), "a class-data-sharing archive before 25: " + command);
        }
    }

    @Test
    void aCommandsTimingsCountFromTheLaunchersStartNotFromTheJvmsOwn() throws Exception {
        // The JVM notes its start after bash, the exec and part of its own set-up (about 0.1 s in all); the launcher
        // passes its own start, so that the lines add up to what the user waited for.
        Result check = runs.launcher(runs.with("PB_WARM", "off"), "check", "--timings");
        assertEquals(0, check.status(), check.toString());
        List<String> timings = check.out().lines().filter(l -> l.startsWith("timing ")).toList();
        assertTrue(timings.get(0).startsWith("timing launcher-to-command "), check.toString());
        double toCommand = Double.parseDouble(timings.get(0).substring(timings.get(0).lastIndexOf(' ') + 1));
        String total = timings.stream().filter(l -> l.startsWith("timing total ")).findFirst().orElseThrow();
        assertTrue(toCommand > 0 && toCommand < Double.parseDouble(total.substring(total.lastIndexOf(' ') + 1)), check.toString());
    }

    @Test
    void theLauncherFindsItsFolderHoweverItIsNamedAndPreparesFastStartOnlyOnce() throws Exception {
        // The launcher works its folder out with bash builtins (no dirname, no cd in a subshell): every spelling of its
        // path gives the same absolute folder.
        Path home = Golden.home().toAbsolutePath().normalize();
        String name = home.getFileName().toString();
        Map<String, String> show = runs.with("PB_SHOW_COMMAND", "1");
        runs.launcher(runs.env(), "--version"); // prepares fast start-up if this build has not been yet
        for (String spelling : List.of("pb-annex", "./pb-annex", "src/../pb-annex", "../" + name + "/pb-annex",
                home + "//./pb-annex", home + "/pb-annex")) {
            Result r = runs.run(new ProcessBuilder("bash", spelling, "--version"), show, spelling);
            assertEquals(0, r.status(), spelling + ": " + r);
            assertTrue(r.err().contains(" -Dpb.home=" + home + " "), spelling + ": " + r.err());
            // The runtime's stamp (its path, and its time as the stamp file's own) matches: no second preparation.
            assertFalse(r.err().contains("preparing fast start-up"), spelling + ": " + r.err());
        }
    }

    /**
     * PB_HOME puts an installation's data in a folder of its own: its settings (config/), jobs/, input/, work/ (logs,
     * fonts, a failed run's status) are PB_HOME's, the program the launcher's. The launcher set pb.home to its own
     * folder whatever PB_HOME said.
     */
    @Test
    void pbHomePutsTheInstallationsDataInAFolderOfItsOwn() throws Exception {
        Path data = Files.createDirectories(runs.tmp().resolve("data elsewhere"));
        org.pbannex.TestInputs.copyOfBundledInput(data.resolve("input"));
        Files.createDirectories(data.resolve("jobs"));
        Files.copy(Golden.home().resolve("jobs/nightly.yml"), data.resolve("jobs/nightly.yml"));
        Files.createDirectories(data.resolve("config"));
        Path settingsFile = Files.writeString(data.resolve("config/application.properties"), "pb.retention.runz=2\n");
        // The installation's font, not fetched again for this folder.
        Files.createDirectories(data.resolve("work"));
        Files.createSymbolicLink(data.resolve("work/fonts"), Golden.home().resolve("work/fonts"));
        Map<String, String> e = new HashMap<>(runs.with("PB_WARM", "off"));
        e.put("PB_SHOW_COMMAND", "1");
        String warned = "pb-annex: warning: pb.retention.runz in " + settingsFile + ", line 1 is no setting of pb-annex";
        // Absolute, or relative to the folder the command is typed in (the installation's, here).
        for (String spelling : List.of(data.toString(), Golden.home().relativize(data) + "/./")) {
            e.put("PB_HOME", spelling);
            Result check = runs.launcher(e, "check");
            assertEquals(0, check.status(), spelling + ": " + check);
            assertTrue(check.err().contains(" -Dpb.home=" + data + " "), spelling + ": " + check.err());
            assertTrue(check.err().contains(warned), spelling + ": " + check.err());
        }
        Result preflight = runs.launcher(e, "preflight");
        assertEquals(0, preflight.status(), preflight.toString());
        for (String line : List.of("job file\\s+" + Pattern.quote(data.resolve("jobs/nightly.yml") + ": ") + ".*",
                "font\\s+.* in " + Pattern.quote(data.resolve("work/fonts").toString()),
                "input 2022-23\\s+" + Pattern.quote(data.resolve("input") + ": ") + ".*")) {
            assertTrue(preflight.out().lines().anyMatch(l -> l.matches("ok\\s+" + line)), line + ": " + preflight.out());
        }
        assertTrue(Files.readString(data.resolve("work/logs/pb-annex.log")).contains("pb.retention.runz"), "its log is PB_HOME's");
        // A run the launcher cannot start Java for is noted in PB_HOME's work/status/.
        Map<String, String> noJava = new HashMap<>(e);
        noJava.remove("PB_STATUS");
        noJava.put("PB_JAVA", runs.tmp().resolve("no-such-jdk/bin/java").toString());
        assertEquals(5, runs.launcher(noJava, "run", "nightly").status());
        assertTrue(Files.readString(data.resolve("work/status/nightly.failed")).contains("exit status 5: PB_JAVA="), "noted there");
        // A PB_HOME that is no folder is one line, before Java starts.
        e.put("PB_HOME", runs.tmp().resolve("no-such-folder").toString());
        Result none = runs.launcher(e, "check");
        assertEquals(5, none.status(), none.toString());
        assertEquals("pb-annex: PB_HOME=" + runs.tmp().resolve("no-such-folder") + " is not a folder: set it to the installation's data "
                + "folder (jobs/, input/, config/, work/), or unset it", none.err().strip(), none.toString());
    }

    /**
     * The program in one folder, the data in others (PB_HOME), as an installation with its data apart has them: a copy of
     * the program's folder (its launcher, scripts and jar, a git checkout of its own) and two data folders, one a git
     * checkout of its own, both folders' names with a "${...}" in them. The code version is the program's commit; the
     * benchmark runs the program's launcher on the data folder; each data folder's warm process ends once the program
     * is rebuilt, not only the folder's whose command rebuilt it; and "${...}" is part of a folder's name, never a
     * placeholder Spring fills in (${HOME}) or stops at (${nothing}).
     */
    @Test
    void aDataFolderApartFromTheProgramsFolder() throws Exception {
        Path program = Files.createDirectories(runs.tmp().resolve("code-${nothing}"));
        Files.copy(Golden.home().resolve("pb-annex"), program.resolve("pb-annex"));
        org.pbannex.TestInputs.copyTree(Golden.home().resolve("scripts"), program.resolve("scripts"));
        Path jar = Files.createDirectories(program.resolve("target")).resolve("pb-annex.jar");
        linkOrCopy(Golden.home().resolve("target/pb-annex.jar"), jar);
        Files.createDirectories(program.resolve(".git"));
        Files.writeString(program.resolve(".git/HEAD"), "0123456789abcdef0123456789abcdef01234567\n");
        Path one = dataFolder(runs.tmp().resolve("data ${HOME}"));
        Path two = dataFolder(runs.tmp().resolve("data-two"));
        Files.createDirectories(two.resolve(".git"));
        Files.writeString(two.resolve(".git/HEAD"), "fedcba9876543210fedcba9876543210fedcba98\n");
        // Each data folder's database, status and warm process (work/); the jar as built (no target/app in the copy).
        Map<String, String> e = new HashMap<>(runs.env());
        List.of("PB_DATABASE_URL", "PB_SERVE_DIR", "PB_STATUS").forEach(e::remove);
        e.put("PB_FAST_START", "off");
        e.put("PB_WARM", "off");
        Map<String, String> inOne = new HashMap<>(e);
        inOne.put("PB_HOME", one.toString());
        Map<String, String> inTwo = new HashMap<>(e);
        inTwo.put("PB_HOME", two.toString());

        Result version = runs.launcherIn(program, inTwo, "--version");
        assertEquals(0, version.status(), version.toString());
        // The commit its jar was built from (as the build noted it), not the data folder's checkout, nor the program
        // folder's at run time (a commit of the README alone is no new code version).
        String noted = Files.readString(Golden.home().resolve("target/classes/org/pbannex/publication/build-commit")).strip();
        assertTrue(version.out().strip().endsWith("+" + noted.substring(0, 12) + noted.substring(40)), "the program's build's "
                + "commit, not the data folder's nor the program folder's checkout: " + version + " against " + noted);
        Result check = runs.launcherIn(program, inOne, "check");
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains("checks passed, 0 failed"), check.toString());
        assertTrue(Files.isRegularFile(one.resolve("work/logs/pb-annex.log")), "its log is the folder's, as named");
        // Its database too: the default H2 URL names pb.home.
        Result history = runs.launcherIn(program, inOne, "history");
        assertEquals(0, history.status(), history.toString());
        assertTrue(Files.isDirectory(one.resolve("work/db")), history.toString());

        Result bench = runs.launcherIn(program, inTwo, "benchmark", "--suite", "expenditure", "--rows", "2000", "--runs", "1",
                "--duckdb", "none");
        assertEquals(0, bench.status(), bench.toString());
        assertTrue(bench.out().contains("pb-annex embedded (ingest-expenditure)"), bench.toString());
        assertTrue(Files.exists(two.resolve("work/bench/synthetic-bench-2000.csv")), "the data folder's work/bench");

        List<ProcessHandle> warm = new ArrayList<>();
        List<Path> endpoints = List.of(one.resolve("work/warm/endpoint"), two.resolve("work/warm/endpoint"));
        try {
            for (Map<String, String> folder : List.of(inOne, inTwo)) {
                Result serve = runs.launcherIn(program, folder, "serve");
                assertEquals(0, serve.status(), serve.toString());
            }
            for (Path endpoint : endpoints) {
                warm.add(ProcessHandle.of(Long.parseLong(Files.readString(endpoint).strip().split("\\s+")[2])).orElseThrow());
            }
            // Rebuilt: a new jar in the program's folder (a new file, as the build writes it; not the one linked).
            Path built = Files.copy(Golden.home().resolve("target/pb-annex.jar"), jar.resolveSibling("pb-annex.jar.new"));
            Files.move(built, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // Each stops serving (its endpoint gone) and ends; an ended process may linger unreaped, so the endpoint tells.
            Instant until = Instant.now().plus(LONG);
            while (endpoints.stream().anyMatch(Files::exists) && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            for (Path folder : List.of(one, two)) {
                String log = Files.readString(folder.resolve("work/logs/pb-annex.log"));
                assertTrue(log.contains("the program was rebuilt") && !Files.exists(folder.resolve("work/warm/endpoint")),
                        folder + "'s warm process ended: " + log);
            }
        } finally {
            warm.forEach(ProcessHandle::destroy);
        }
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    @Test
    void anInputFolderNamedInChineseIsReadUnderTheLocaleCronGives() throws Exception {
        // cron sets no locale: Java then named files in ASCII and could not take this folder's name at all.
        Path input = org.pbannex.TestInputs.copyOfBundledInput(runs.tmp().resolve("预算 输入"));
        ProcessBuilder pb = new ProcessBuilder("bash", Golden.home().resolve("pb-annex").toString(), "check", "--input",
                input.toString());
        pb.environment().keySet().removeIf(v -> v.equals("LANG") || v.startsWith("LC_") || v.equals("LANGUAGE"));
        Result r = runs.run(pb, runs.with("PB_WARM", "off"), "check");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("checks passed, 0 failed"), r.toString());
        // A locale named outright as ASCII's too.
        Result c = runs.run(new ProcessBuilder("bash", Golden.home().resolve("pb-annex").toString(), "check", "--input",
                input.toString()), Map.of("LC_ALL", "C", "PB_WARM", "off", "PB_STATUS", runs.env().get("PB_STATUS")), "check");
        assertEquals(0, c.status(), c.toString());
    }

    @Test
    void aJavaRuntimeThatIsNotThereIsOneLineAndStatus5() throws Exception {
        Result r = runs.launcher(runs.with("PB_JAVA", runs.tmp().resolve("no-such-jdk/bin/java").toString()), "check");
        assertEquals(5, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith("pb-annex: PB_JAVA="), r.toString());
    }

    /**
     * A run the launcher cannot start Java for has no Java to tell it: the launcher notes it in its job's status, as
     * the run notes its own failures, and `status` (with a runtime again) shows it; a command other than a run notes none.
     */
    @Test
    void aRunTheLauncherCannotStartIsNotedInItsJobsStatus() throws Exception {
        Path status = runs.tmp().resolve("status-before-java");
        Map<String, String> noJava = new HashMap<>(runs.with("PB_JAVA", runs.tmp().resolve("no-such-jdk/bin/java").toString()));
        noJava.put("PB_STATUS", status.toString());
        Result check = runs.launcher(noJava, "check");
        assertEquals(5, check.status(), check.toString());
        assertFalse(Files.exists(status), "a check is no job's run");
        Result r = runs.launcher(noJava, "run", "--tables", "a2", "--force", "nightly");
        assertEquals(5, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        List<String> noted = Files.readAllLines(status.resolve("nightly.failed"));
        assertEquals(1, noted.size(), noted.toString());
        assertTrue(noted.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z exit status 5: PB_JAVA=.* is not a "
                + "Java runtime.*"), noted.get(0));
        Map<String, String> withJava = new HashMap<>(runs.env());
        withJava.put("PB_STATUS", status.toString());
        withJava.put("PB_WARM", "off");
        Result told = runs.launcher(withJava, "status");
        assertEquals(5, told.status(), told.toString());
        assertTrue(told.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("1 failure")
                && l.contains("exit status 5: PB_JAVA=")), told.toString());
    }

    /**
     * The launcher notes a run it cannot start Java for where Java keeps the jobs' status: a settings file's pb.status
     * (relative to the data folder, as Java resolves it; a YAML file's "status:" under "pb:" too), not only PB_STATUS,
     * so that `status`, reading its settings, shows it. It noted it in work/status/, where `status` never looked.
     */
    @Test
    void theLauncherNotesARunWhereTheSettingsPutTheStatus() throws Exception {
        Path data = dataFolder(Files.createDirectories(runs.tmp().resolve("data-status")));
        Files.createDirectories(data.resolve("config/ops"));
        Files.writeString(data.resolve("config/application.properties"), "# the jobs' status\npb.status = kept/status\n");
        Map<String, String> noJava = new HashMap<>(runs.with("PB_JAVA", runs.tmp().resolve("no-such-jdk/bin/java").toString()));
        noJava.remove("PB_STATUS");
        noJava.put("PB_HOME", data.toString());
        assertEquals(5, runs.launcher(noJava, "run", "nightly").status());
        assertFalse(Files.exists(data.resolve("work/status")), "not the default's folder");
        assertTrue(Files.readString(data.resolve("kept/status/nightly.failed")).contains("exit status 5: PB_JAVA="), "the file's");
        Map<String, String> withJava = new HashMap<>(runs.env());
        withJava.remove("PB_STATUS");
        withJava.put("PB_HOME", data.toString());
        withJava.put("PB_WARM", "off");
        Result told = runs.launcher(withJava, "status", "nightly");
        assertEquals(5, told.status(), told.toString());
        assertTrue(told.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("exit status 5: PB_JAVA=")), told.toString());
        // A YAML file of config/*/ outranks config/'s, as Spring Boot reads them; PB_STATUS outranks both.
        Files.writeString(data.resolve("config/ops/application.yml"), "pb:\n  retention:\n    runs: 3\n  status: 'ops status' # here\n");
        assertEquals(5, runs.launcher(noJava, "run", "nightly").status());
        assertTrue(Files.readString(data.resolve("ops status/nightly.failed")).contains("exit status 5: PB_JAVA="), "the YAML file's");
        noJava.put("PB_STATUS", runs.tmp().resolve("status-env").toString());
        assertEquals(5, runs.launcher(noJava, "run", "nightly").status());
        assertTrue(Files.exists(runs.tmp().resolve("status-env/nightly.failed")), "PB_STATUS's");
    }

    /**
     * A trial run (another input or output folder than the installation's) that the launcher cannot start Java for is
     * noted as a trial's, as the run notes its own: status says it for information and leaves the job well. Java tells
     * it, from the folders the launcher notes: the installation's input folder may be a settings file's pb.input, which
     * the launcher does not read; a run of that folder is the job's own, and one of the bundled input then a trial.
     */
    @Test
    void aTrialRunTheLauncherCannotStartIsNotedAsATrials() throws Exception {
        Path status = runs.tmp().resolve("status-trial-before-java");
        Map<String, String> noJava = new HashMap<>(runs.with("PB_JAVA", runs.tmp().resolve("no-such-jdk/bin/java").toString()));
        noJava.put("PB_STATUS", status.toString());
        Path copy = runs.tmp().resolve("copy-input");
        Result r = runs.launcher(noJava, "run", "nightly", "--format", "csv", "--input", copy.toString());
        assertEquals(5, r.status(), r.toString());
        Map<String, String> withJava = new HashMap<>(runs.env());
        withJava.put("PB_STATUS", status.toString());
        withJava.put("PB_WARM", "off");
        Result told = runs.launcher(withJava, "status", "nightly");
        assertEquals(0, told.status(), told.toString());
        assertTrue(told.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("no failure; ")
                && l.contains("for information, 1 failure of a trial run elsewhere")
                && l.endsWith("or unset it (a run of the input folder " + copy + ", not the installation's input folder "
                        + Golden.input() + ")")), told.toString());

        // An installation whose settings file names its input folder: a run of it is its own, a run of another a trial.
        Path data = Files.createDirectories(runs.tmp().resolve("data with pb.input"));
        Path own = org.pbannex.TestInputs.copyOfBundledInput(runs.tmp().resolve("its own input"));
        Files.createDirectories(data.resolve("jobs"));
        Files.copy(Golden.home().resolve("jobs/nightly.yml"), data.resolve("jobs/nightly.yml"));
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/application.properties"), "pb.input=" + own + "\n");
        Files.createDirectories(data.resolve("work"));
        Files.createSymbolicLink(data.resolve("work/fonts"), Golden.home().resolve("work/fonts"));
        Map<String, String> installed = new HashMap<>(noJava);
        installed.remove("PB_STATUS");
        installed.put("PB_HOME", data.toString());
        assertEquals(5, runs.launcher(installed, "run", "nightly", "--input", own.toString()).status());
        installed.remove("PB_JAVA");
        installed.put("PB_WARM", "off");
        Result ownFailure = runs.launcher(installed, "status", "nightly");
        assertEquals(5, ownFailure.status(), "the job's own failure: " + ownFailure);
        assertTrue(ownFailure.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("1 failure, the last: ")
                && !l.contains("trial") && l.endsWith("or unset it")), ownFailure.toString());
        installed.put("PB_JAVA", runs.tmp().resolve("no-such-jdk/bin/java").toString());
        assertEquals(5, runs.launcher(installed, "run", "nightly", "--input=" + Golden.input()).status());
        installed.remove("PB_JAVA");
        Result both = runs.launcher(installed, "status", "nightly");
        assertTrue(both.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("1 failure, the last: ")
                && l.contains("; for information, 1 failure of a trial run elsewhere, the last: ")
                && l.endsWith("(a run of the input folder " + Golden.input() + ", not the installation's input folder " + own + ")")),
                both.toString());
    }

    /**
     * serve --status (and --stop) after a build, or under another runtime, answers at once: it has nothing to run that
     * fast start-up would prepare for (tester64 case 16). Another spelling of the same runtime makes the preparation
     * due without touching the build.
     */
    @Test
    void serveStatusDoesNotWaitForTheFastStartUpPreparation() throws Exception {
        runs.launcher(runs.env(), "--version"); // prepares fast start-up if this build has not been yet
        Path java = runs.tmp().resolve("other-spelling-of-java");
        Files.createSymbolicLink(java, Path.of(ProcessHandle.current().info().command().orElseThrow()).toRealPath());
        Map<String, String> other = new HashMap<>(runs.with("PB_JAVA", java.toString()));
        for (String query : List.of("--status", "--stop")) {
            Result r = runs.launcher(other, "serve", query);
            assertEquals(0, r.status(), r.toString());
            assertFalse(r.err().contains("preparing fast start-up"), r.toString());
            assertTrue(r.out().contains("no warm process runs for this folder"), r.toString());
        }
    }

    @Test
    void aRunStartsItsSpringContextFromTheBuildsAheadOfTimeDefinitionsAndPublishesTheSame() throws Exception {
        // With spring.aot.enabled and no generated initializer, Spring refuses to start: a published run means it was used.
        Path ahead = runs.tmp().resolve("out-aot");
        Path plain = runs.tmp().resolve("out-plain");
        Map<String, String> e = new HashMap<>(runs.env());
        e.put("PB_WARM", "off");
        e.put("PB_SHOW_COMMAND", "1");
        Result withAot = runs.launcher(e, "run", "regenerate", "--tables", "a2,f2", "--lang", "zh", "--format", "csv", "--force",
                "--output", ahead.toString());
        assertEquals(0, withAot.status(), withAot.toString());
        String command = withAot.err().lines().filter(l -> l.startsWith("pb-annex: ") && l.contains(" -jar ")).findFirst().orElseThrow();
        assertTrue(command.contains("-Dspring.aot.enabled=true"), command);
        e.put("PB_JAVA_OPTS", "-Dspring.aot.enabled=false");
        Result without = runs.launcher(e, "run", "regenerate", "--tables", "a2,f2", "--lang", "zh", "--format", "csv", "--force",
                "--output", plain.toString());
        assertEquals(0, without.status(), without.toString());
        Path a = runFolder(ahead).resolve("csv");
        Path b = runFolder(plain).resolve("csv");
        List<String> names;
        try (var files = Files.list(a)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.containsAll(List.of("a2.csv", "f2.csv")), names.toString());
        for (String name : names) {
            assertEquals(-1, Files.mismatch(a.resolve(name), b.resolve(name)), name);
        }
    }

    private static void assertCache(String cache, String... args) throws Exception {
        Result r = runs.launcher(runs.with("PB_SHOW_COMMAND", "1"), args);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains(cache), cache + ": " + r);
    }
}
