package org.pbannex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;

/**
 * The launcher, {@code ./pb-annex}, as a user runs it, on the jar {@code package} built (an integration test: it runs
 * after the package phase): the first command prepares fast start-up; each kind of command gets its own class cache;
 * a runtime that is not there is one line and exit status 5; and the warm process starts in the background, takes the
 * commands of its folder and settings (printing what a process of their own prints), and stops on request; a run
 * starts its Spring context from the build's ahead-of-time bean definitions and publishes what it publishes without
 * them. A scratch database and warm-process folder: the installation's work/db and work/warm are not touched.
 */
class LauncherIT {

    private static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    static Path tmp;

    private static Map<String, String> env;

    @BeforeAll
    static void settings() {
        env = Map.of("PB_DATABASE_URL", "jdbc:h2:file:" + tmp.resolve("db/pb-annex")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "PB_SERVE_DIR", tmp.resolve("warm").toString(), "PB_SERVE_WARMUP", "false",
                // Should a failed test leave its warm process behind, it ends soon by itself, not after an hour.
                "PB_SERVE_IDLE", "2m", "PB_STATUS", tmp.resolve("status").toString());
    }

    @Test
    void eachKindOfCommandStartsWithItsOwnClassCache() throws Exception {
        Result version = launcher(with("PB_SHOW_COMMAND", "1"), "--version");
        assertEquals(0, version.status(), version.toString());
        assertTrue(version.out().startsWith("pb-annex "), version.toString());
        Result check = launcher(with("PB_SHOW_COMMAND", "1"), "check");
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains("checks passed, 0 failed"), check.toString());
        String command = check.err().lines().filter(l -> l.startsWith("pb-annex: ") && l.contains(" -jar ")).findFirst().orElseThrow();
        // Transparent huge pages only when asked for (PB_HUGE_PAGES=on) and this kernel gives them on request, and no
        // warning from the JVM about them either way.
        assertFalse(command.contains("-XX:+UseTransparentHugePages"), "not asked for: " + command);
        assertFalse(check.err().toLowerCase(java.util.Locale.ROOT).contains("warning"), check.toString());
        Map<String, String> hugePages = new HashMap<>(with("PB_SHOW_COMMAND", "1"));
        hugePages.put("PB_HUGE_PAGES", "on");
        Result asked = launcher(hugePages, "check");
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
        Result check = launcher(with("PB_WARM", "off"), "check", "--timings");
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
        Map<String, String> show = with("PB_SHOW_COMMAND", "1");
        launcher(env, "--version"); // prepares fast start-up if this build has not been yet
        for (String spelling : List.of("pb-annex", "./pb-annex", "src/../pb-annex", "../" + name + "/pb-annex",
                home + "//./pb-annex", home + "/pb-annex")) {
            Result r = run(new ProcessBuilder("bash", spelling, "--version"), show, spelling);
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
        Path data = Files.createDirectories(tmp.resolve("data elsewhere"));
        org.pbannex.TestInputs.copyOfBundledInput(data.resolve("input"));
        Files.createDirectories(data.resolve("jobs"));
        Files.copy(Golden.home().resolve("jobs/nightly.yml"), data.resolve("jobs/nightly.yml"));
        Files.createDirectories(data.resolve("config"));
        Path settingsFile = Files.writeString(data.resolve("config/application.properties"), "pb.retention.runz=2\n");
        // The installation's font, not fetched again for this folder.
        Files.createDirectories(data.resolve("work"));
        Files.createSymbolicLink(data.resolve("work/fonts"), Golden.home().resolve("work/fonts"));
        Map<String, String> e = new HashMap<>(with("PB_WARM", "off"));
        e.put("PB_SHOW_COMMAND", "1");
        String warned = "pb-annex: warning: pb.retention.runz in " + settingsFile + ", line 1 is no setting of pb-annex";
        // Absolute, or relative to the folder the command is typed in (the installation's, here).
        for (String spelling : List.of(data.toString(), Golden.home().relativize(data) + "/./")) {
            e.put("PB_HOME", spelling);
            Result check = launcher(e, "check");
            assertEquals(0, check.status(), spelling + ": " + check);
            assertTrue(check.err().contains(" -Dpb.home=" + data + " "), spelling + ": " + check.err());
            assertTrue(check.err().contains(warned), spelling + ": " + check.err());
        }
        Result preflight = launcher(e, "preflight");
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
        noJava.put("PB_JAVA", tmp.resolve("no-such-jdk/bin/java").toString());
        assertEquals(5, launcher(noJava, "run", "nightly").status());
        assertTrue(Files.readString(data.resolve("work/status/nightly.failed")).contains("exit status 5: PB_JAVA="), "noted there");
        // A PB_HOME that is no folder is one line, before Java starts.
        e.put("PB_HOME", tmp.resolve("no-such-folder").toString());
        Result none = launcher(e, "check");
        assertEquals(5, none.status(), none.toString());
        assertEquals("pb-annex: PB_HOME=" + tmp.resolve("no-such-folder") + " is not a folder: set it to the installation's data "
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
        Path program = Files.createDirectories(tmp.resolve("code-${nothing}"));
        Files.copy(Golden.home().resolve("pb-annex"), program.resolve("pb-annex"));
        org.pbannex.TestInputs.copyTree(Golden.home().resolve("scripts"), program.resolve("scripts"));
        Path jar = Files.createDirectories(program.resolve("target")).resolve("pb-annex.jar");
        linkOrCopy(Golden.home().resolve("target/pb-annex.jar"), jar);
        Files.createDirectories(program.resolve(".git"));
        Files.writeString(program.resolve(".git/HEAD"), "0123456789abcdef0123456789abcdef01234567\n");
        Path one = dataFolder(tmp.resolve("data ${HOME}"));
        Path two = dataFolder(tmp.resolve("data-two"));
        Files.createDirectories(two.resolve(".git"));
        Files.writeString(two.resolve(".git/HEAD"), "fedcba9876543210fedcba9876543210fedcba98\n");
        // Each data folder's database, status and warm process (work/); the jar as built (no target/app in the copy).
        Map<String, String> e = new HashMap<>(env);
        List.of("PB_DATABASE_URL", "PB_SERVE_DIR", "PB_STATUS").forEach(e::remove);
        e.put("PB_FAST_START", "off");
        e.put("PB_WARM", "off");
        Map<String, String> inOne = new HashMap<>(e);
        inOne.put("PB_HOME", one.toString());
        Map<String, String> inTwo = new HashMap<>(e);
        inTwo.put("PB_HOME", two.toString());

        Result version = launcherIn(program, inTwo, "--version");
        assertEquals(0, version.status(), version.toString());
        assertTrue(version.out().strip().endsWith("+0123456789ab"), "the program's commit, not the data folder's: " + version);
        Result check = launcherIn(program, inOne, "check");
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains("checks passed, 0 failed"), check.toString());
        assertTrue(Files.isRegularFile(one.resolve("work/logs/pb-annex.log")), "its log is the folder's, as named");
        // Its database too: the default H2 URL names pb.home.
        Result history = launcherIn(program, inOne, "history");
        assertEquals(0, history.status(), history.toString());
        assertTrue(Files.isDirectory(one.resolve("work/db")), history.toString());

        Result bench = launcherIn(program, inTwo, "benchmark", "--suite", "expenditure", "--rows", "2000", "--runs", "1",
                "--duckdb", "none");
        assertEquals(0, bench.status(), bench.toString());
        assertTrue(bench.out().contains("pb-annex embedded (ingest-expenditure)"), bench.toString());
        assertTrue(Files.exists(two.resolve("work/bench/synthetic-bench-2000.csv")), "the data folder's work/bench");

        List<ProcessHandle> warm = new ArrayList<>();
        List<Path> endpoints = List.of(one.resolve("work/warm/endpoint"), two.resolve("work/warm/endpoint"));
        try {
            for (Map<String, String> folder : List.of(inOne, inTwo)) {
                Result serve = launcherIn(program, folder, "serve");
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

    /** A data folder: the bundled input and jobs, the installation's fonts. */
    private static Path dataFolder(Path data) throws IOException {
        org.pbannex.TestInputs.copyOfBundledInput(data.resolve("input"));
        Files.createDirectories(data.resolve("jobs"));
        Files.copy(Golden.home().resolve("jobs/nightly.yml"), data.resolve("jobs/nightly.yml"));
        Files.createDirectories(data.resolve("work"));
        Files.createSymbolicLink(data.resolve("work/fonts"), Golden.home().resolve("work/fonts"));
        return data;
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
        Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("预算 输入"));
        ProcessBuilder pb = new ProcessBuilder("bash", Golden.home().resolve("pb-annex").toString(), "check", "--input",
                input.toString());
        pb.environment().keySet().removeIf(v -> v.equals("LANG") || v.startsWith("LC_") || v.equals("LANGUAGE"));
        Result r = run(pb, with("PB_WARM", "off"), "check");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("checks passed, 0 failed"), r.toString());
        // A locale named outright as ASCII's too.
        Result c = run(new ProcessBuilder("bash", Golden.home().resolve("pb-annex").toString(), "check", "--input",
                input.toString()), Map.of("LC_ALL", "C", "PB_WARM", "off", "PB_STATUS", env.get("PB_STATUS")), "check");
        assertEquals(0, c.status(), c.toString());
    }

    @Test
    void aJavaRuntimeThatIsNotThereIsOneLineAndStatus5() throws Exception {
        Result r = launcher(with("PB_JAVA", tmp.resolve("no-such-jdk/bin/java").toString()), "check");
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
        Path status = tmp.resolve("status-before-java");
        Map<String, String> noJava = new HashMap<>(with("PB_JAVA", tmp.resolve("no-such-jdk/bin/java").toString()));
        noJava.put("PB_STATUS", status.toString());
        Result check = launcher(noJava, "check");
        assertEquals(5, check.status(), check.toString());
        assertFalse(Files.exists(status), "a check is no job's run");
        Result r = launcher(noJava, "run", "--tables", "a2", "--force", "nightly");
        assertEquals(5, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        List<String> noted = Files.readAllLines(status.resolve("nightly.failed"));
        assertEquals(1, noted.size(), noted.toString());
        assertTrue(noted.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z exit status 5: PB_JAVA=.* is not a "
                + "Java runtime.*"), noted.get(0));
        Map<String, String> withJava = new HashMap<>(env);
        withJava.put("PB_STATUS", status.toString());
        withJava.put("PB_WARM", "off");
        Result told = launcher(withJava, "status");
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
        Path data = dataFolder(Files.createDirectories(tmp.resolve("data-status")));
        Files.createDirectories(data.resolve("config/ops"));
        Files.writeString(data.resolve("config/application.properties"), "# the jobs' status\npb.status = kept/status\n");
        Map<String, String> noJava = new HashMap<>(with("PB_JAVA", tmp.resolve("no-such-jdk/bin/java").toString()));
        noJava.remove("PB_STATUS");
        noJava.put("PB_HOME", data.toString());
        assertEquals(5, launcher(noJava, "run", "nightly").status());
        assertFalse(Files.exists(data.resolve("work/status")), "not the default's folder");
        assertTrue(Files.readString(data.resolve("kept/status/nightly.failed")).contains("exit status 5: PB_JAVA="), "the file's");
        Map<String, String> withJava = new HashMap<>(env);
        withJava.remove("PB_STATUS");
        withJava.put("PB_HOME", data.toString());
        withJava.put("PB_WARM", "off");
        Result told = launcher(withJava, "status", "nightly");
        assertEquals(5, told.status(), told.toString());
        assertTrue(told.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("exit status 5: PB_JAVA=")), told.toString());
        // A YAML file of config/*/ outranks config/'s, as Spring Boot reads them; PB_STATUS outranks both.
        Files.writeString(data.resolve("config/ops/application.yml"), "pb:\n  retention:\n    runs: 3\n  status: 'ops status' # here\n");
        assertEquals(5, launcher(noJava, "run", "nightly").status());
        assertTrue(Files.readString(data.resolve("ops status/nightly.failed")).contains("exit status 5: PB_JAVA="), "the YAML file's");
        noJava.put("PB_STATUS", tmp.resolve("status-env").toString());
        assertEquals(5, launcher(noJava, "run", "nightly").status());
        assertTrue(Files.exists(tmp.resolve("status-env/nightly.failed")), "PB_STATUS's");
    }

    /**
     * A trial run (another input or output folder than the installation's) that the launcher cannot start Java for is
     * noted as a trial's, as the run notes its own: status says it for information and leaves the job well. Java tells
     * it, from the folders the launcher notes: the installation's input folder may be a settings file's pb.input, which
     * the launcher does not read; a run of that folder is the job's own, and one of the bundled input then a trial.
     */
    @Test
    void aTrialRunTheLauncherCannotStartIsNotedAsATrials() throws Exception {
        Path status = tmp.resolve("status-trial-before-java");
        Map<String, String> noJava = new HashMap<>(with("PB_JAVA", tmp.resolve("no-such-jdk/bin/java").toString()));
        noJava.put("PB_STATUS", status.toString());
        Path copy = tmp.resolve("copy-input");
        Result r = launcher(noJava, "run", "nightly", "--format", "csv", "--input", copy.toString());
        assertEquals(5, r.status(), r.toString());
        Map<String, String> withJava = new HashMap<>(env);
        withJava.put("PB_STATUS", status.toString());
        withJava.put("PB_WARM", "off");
        Result told = launcher(withJava, "status", "nightly");
        assertEquals(0, told.status(), told.toString());
        assertTrue(told.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("no failure; ")
                && l.contains("for information, 1 failure of a trial run elsewhere")
                && l.endsWith("or unset it (a run of the input folder " + copy + ", not the installation's input folder "
                        + Golden.input() + ")")), told.toString());

        // An installation whose settings file names its input folder: a run of it is its own, a run of another a trial.
        Path data = Files.createDirectories(tmp.resolve("data with pb.input"));
        Path own = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("its own input"));
        Files.createDirectories(data.resolve("jobs"));
        Files.copy(Golden.home().resolve("jobs/nightly.yml"), data.resolve("jobs/nightly.yml"));
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/application.properties"), "pb.input=" + own + "\n");
        Files.createDirectories(data.resolve("work"));
        Files.createSymbolicLink(data.resolve("work/fonts"), Golden.home().resolve("work/fonts"));
        Map<String, String> installed = new HashMap<>(noJava);
        installed.remove("PB_STATUS");
        installed.put("PB_HOME", data.toString());
        assertEquals(5, launcher(installed, "run", "nightly", "--input", own.toString()).status());
        installed.remove("PB_JAVA");
        installed.put("PB_WARM", "off");
        Result ownFailure = launcher(installed, "status", "nightly");
        assertEquals(5, ownFailure.status(), "the job's own failure: " + ownFailure);
        assertTrue(ownFailure.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("1 failure, the last: ")
                && !l.contains("trial") && l.endsWith("or unset it")), ownFailure.toString());
        installed.put("PB_JAVA", tmp.resolve("no-such-jdk/bin/java").toString());
        assertEquals(5, launcher(installed, "run", "nightly", "--input=" + Golden.input()).status());
        installed.remove("PB_JAVA");
        Result both = launcher(installed, "status", "nightly");
        assertTrue(both.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("1 failure, the last: ")
                && l.contains("; for information, 1 failure of a trial run elsewhere, the last: ")
                && l.endsWith("(a run of the input folder " + Golden.input() + ", not the installation's input folder " + own + ")")),
                both.toString());
    }

    /** A run whose warm process ends mid-run (killed) cannot note its failure: the launcher notes it in its job's status. */
    @Test
    void aRunWhoseWarmProcessEndsMidRunIsNotedInItsJobsStatus() throws Exception {
        warmProcessKilledMidRun("killed", new HashMap<>(env));
    }

    /**
     * The same with the database's URL in a settings file (the data folder's config/), which the launcher does not
     * read: the run is named all the same (found in review: it was named only for the embedded database's default or
     * PB_DATABASE_URL's, from its lock file).
     */
    @Test
    void aRunWhoseWarmProcessEndsMidRunIsNamedWithTheDatabaseInASettingsFile() throws Exception {
        Path data = dataFolder(tmp.resolve("data-killed"));
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/application.properties"), "spring.datasource.url=jdbc:h2:file:"
                + data.resolve("elsewhere/pb-annex") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH\n");
        Map<String, String> e = new HashMap<>(env);
        e.remove("PB_DATABASE_URL");
        e.put("PB_HOME", data.toString());
        warmProcessKilledMidRun("killed-settings", e);
        assertTrue(Files.exists(data.resolve("elsewhere/pb-annex.mv.db")), "the run was on the settings file's database");
    }

    /** The same on PostgreSQL (a real server, started by the test), which has no lock file at all. */
    @Test
    void aRunWhoseWarmProcessEndsMidRunIsNamedOnPostgresql() throws Exception {
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                .builder().start()) {
            Map<String, String> e = new HashMap<>(env);
            e.put("PB_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
            e.put("PB_DATABASE_USER", "postgres");
            e.put("PB_DATABASE_PASSWORD", "");
            warmProcessKilledMidRun("killed-postgres", e);
        }
    }

    /**
     * Starts a warm process with these settings (its folder, status and output named by {@code name}), runs the nightly
     * run in it, kills it once the run renders, and checks what the launcher said and noted for the run, and what
     * {@code status} and {@code history} then say.
     */
    private static void warmProcessKilledMidRun(String name, Map<String, String> e) throws Exception {
        e.put("PB_SERVE_DIR", tmp.resolve("warm-" + name).toString());
        e.put("PB_STATUS", tmp.resolve("status-" + name).toString());
        Path out = tmp.resolve("out-" + name);
        // The installation's output folder: a run into another is a trial, noted for information only.
        e.put("PB_OUTPUT", out.toString());
        Result start = launcher(e, "serve");
        assertEquals(0, start.status(), start.toString());
        long pid = Long.parseLong(Files.readString(tmp.resolve("warm-" + name + "/endpoint")).strip().split("\\s+")[2]);
        Path clientErr = tmp.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", Golden.home().resolve("pb-annex").toString(), "run", "nightly", "--force",
                "--no-distribute", "--output", out.toString()).directory(Golden.home().toFile())
                .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(clientErr.toFile());
        pb.environment().putAll(e);
        Process client = pb.start();
        // Killed once the run is under way in it and recorded (its staging folder made as it renders), before it
        // publishes: its work folder is made before the history's row is written, and a kill then left no row (CI).
        Instant until = Instant.now().plus(LONG);
        while (!folderIn(out.resolve("2022-23"), ".staging-") && client.isAlive() && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        assertTrue(folderIn(out.resolve("2022-23"), ".staging-"), "the run never began rendering: " + Files.readString(clientErr));
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        assertTrue(client.waitFor(LONG.toSeconds(), TimeUnit.SECONDS));
        assertEquals(5, client.exitValue(), Files.readString(clientErr));
        // It could log nothing: the line names the process and the run it was running, and what resumes it.
        var said = Pattern.compile("pb-annex: (the warm process \\(pid " + pid + "\\) ended during the command, from outside"
                + " \\(it could log nothing of it\\): run (\\S+) stops here; the same command starts a new run \\(--force\\))")
                .matcher(Files.readString(clientErr));
        assertTrue(said.find(), Files.readString(clientErr));
        String line = said.group(1);
        String run = said.group(2);
        // Under the biennium the run was of, as the run notes its own failures: not the job's own, which status
        // listed on a row of no biennium (tester66 case 33).
        assertFalse(Files.exists(tmp.resolve("status-" + name + "/nightly.failed")));
        List<String> noted = Files.readAllLines(tmp.resolve("status-" + name + "/nightly.2022-23.failed"));
        assertEquals(1, noted.size(), noted.toString());
        // The line it said, with the folder the run was given, which Java tells (the installation's output folder,
        // PB_OUTPUT: its own run), and the run it ended.
        assertTrue(noted.get(0).endsWith(" exit status 5: " + line + "\t--output=" + out + "\trun=" + run), noted.get(0));
        e.put("PB_WARM", "off");
        Result told = launcher(e, "status", "nightly");
        assertEquals(5, told.status(), told.toString());
        assertTrue(told.out().lines().anyMatch(l -> l.matches("nightly +2022-23 .*") && l.contains("1 failure, the last: ")
                && l.endsWith(" exit status 5: " + line)), told.toString());
        // The history, which finds the run's process dead, records that line for it, not "abandoned by a dead process".
        Result history = launcher(e, "history");
        assertEquals(0, history.status(), history.toString());
        assertTrue(history.out().lines().anyMatch(l -> l.startsWith(run + " ") && l.contains(" FAILED ") && l.endsWith(line)),
                history.toString());
    }

    /**
     * serve --status (and --stop) after a build, or under another runtime, answers at once: it has nothing to run that
     * fast start-up would prepare for (tester64 case 16). Another spelling of the same runtime makes the preparation
     * due without touching the build.
     */
    @Test
    void serveStatusDoesNotWaitForTheFastStartUpPreparation() throws Exception {
        launcher(env, "--version"); // prepares fast start-up if this build has not been yet
        Path java = tmp.resolve("other-spelling-of-java");
        Files.createSymbolicLink(java, Path.of(ProcessHandle.current().info().command().orElseThrow()).toRealPath());
        Map<String, String> other = new HashMap<>(with("PB_JAVA", java.toString()));
        for (String query : List.of("--status", "--stop")) {
            Result r = launcher(other, "serve", query);
            assertEquals(0, r.status(), r.toString());
            assertFalse(r.err().contains("preparing fast start-up"), r.toString());
            assertTrue(r.out().contains("no warm process runs for this folder"), r.toString());
        }
    }

    /** Two terminals that start a warm process at the same moment get one, and only the one that started it says so. */
    @Test
    void twoTerminalsStartingAWarmProcessAtOnceGetOneAndOneLineSaysSo() throws Exception {
        Map<String, String> e = terminalEnv("two-terminals");
        try {
            var both = java.util.concurrent.Executors.newFixedThreadPool(2);
            var first = both.submit(() -> onATerminal(e, "check"));
            var second = both.submit(() -> onATerminal(e, "check"));
            List<Result> results = List.of(first.get(), second.get());
            both.shutdown();
            long pid = Long.parseLong(Files.readString(tmp.resolve("two-terminals/endpoint")).strip().split("\\s+")[2]);
            for (Result r : results) {
                assertEquals(0, r.status(), r.toString());
            }
            assertEquals(1, results.stream().filter(r -> r.out().contains("pb-annex: started a warm process for this folder (pid "
                    + pid + ")")).count(), results.toString());
            assertEquals(1, results.stream().filter(r -> r.out().contains("started a warm process")).count(), results.toString());
        } finally {
            launcher(e, "serve", "--stop");
        }
    }

    /** Whether a run's folder whose name starts with {@code prefix} (".work-", ".staging-") is in the biennium's folder. */
    private static boolean folderIn(Path biennium, String prefix) throws IOException {
        if (!Files.isDirectory(biennium)) {
            return false;
        }
        try (var files = Files.list(biennium)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        }
    }

    @Test
    void theWarmProcessStartsTakesTheFoldersCommandsAndStops() throws Exception {
        Result start = launcher(env, "serve");
        assertEquals(0, start.status(), start.toString());
        assertTrue(start.out().contains("warm process ready"), start.toString());
        try {
            Result warm = launcher(env, "check", "--verbose");
            Result cold = launcher(with("PB_WARM", "off"), "check", "--verbose");
            assertEquals(0, warm.status(), warm.toString());
            assertEquals(withoutSeconds(cold.out()), withoutSeconds(warm.out()));
            Result status = launcher(env, "serve", "--status");
            assertTrue(status.out().contains("1 command(s) served"), "the check ran in it: " + status);
            // Another database, another locale, another time zone: each a process of its own (the launcher sends the
            // exported PB_*, SPRING_*, LC_*, TZ, ... variables; the warm process compares them with its own).
            for (Map.Entry<String, String> other : List.of(Map.entry("PB_DATABASE_URL", "jdbc:h2:file:" + tmp.resolve("db2/pb-annex")),
                    Map.entry("LC_ALL", notAsInherited("LC_ALL", "C.UTF-8", "C")), Map.entry("TZ", notAsInherited("TZ", "Pacific/Chatham", "UTC")),
                    Map.entry("SPRING_MAIN_BANNER_MODE", notAsInherited("SPRING_MAIN_BANNER_MODE", "off", "console")))) {
                Result elsewhere = launcher(with(other.getKey(), other.getValue()), "check");
                assertEquals(0, elsewhere.status(), other + ": " + elsewhere);
            }
            Result still = launcher(env, "serve", "--status");
            assertTrue(still.out().contains("1 command(s) served"), "none of those ran in it: " + still);
        } finally {
            Result stop = launcher(env, "serve", "--stop");
            assertTrue(stop.out().contains("ends"), stop.toString());
        }
        Instant until = Instant.now().plusSeconds(60);
        while (Files.exists(tmp.resolve("warm/endpoint")) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        Result after = launcher(env, "serve", "--status");
        assertTrue(after.out().contains("no warm process"), after.toString());
    }

    /** The launcher's settings with a warm process of the test's own, for a test that needs script(1)'s terminal. */
    private Map<String, String> terminalEnv(String serveDir) {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives the launcher a terminal (util-linux)");
        Map<String, String> e = new HashMap<>(env);
        e.put("PB_SERVE_DIR", tmp.resolve(serveDir).toString());
        return e;
    }

    @Test
    void aRunsMistakeTypedAtATerminalIsNoFailureOfItsJobAndTheSameLineFromCronIs() throws Exception {
        Map<String, String> e = terminalEnv("mistake-warm");
        Path status = tmp.resolve("mistake-status");
        e.put("PB_STATUS", status.toString());
        String[] typo = {"run", "regenerate", "--tables", "A2-1,", "a3"};
        String said = "pb-annex: the list of --tables was split at a space ('A2-1,' then 'a3'): write --tables A2-1,a3 "
                + "without spaces, or quote it";
        try {
            // At a terminal: said there (in the warm process the run starts, as a terminal's run does), no failure kept.
            Result typed = onATerminal(e, typo);
            assertEquals(2, typed.status(), typed.toString());
            assertTrue(typed.out().contains(said), typed.toString());
            assertFalse(Files.exists(status.resolve("regenerate.failed")), "typed at a terminal: " + typed);
            assertEquals(0, launcher(e, "status").status(), "status all well");
            // The same line from cron (no terminal), taken by that warm process too: the job's failure.
            Result crontab = launcher(e, typo);
            assertEquals(2, crontab.status(), crontab.toString());
            assertTrue(crontab.err().contains(said), crontab.toString());
            assertTrue(Files.readString(status.resolve("regenerate.failed")).contains("exit status 2: the list of --tables"),
                    "kept in the job's status");
            Result notWell = launcher(e, "status");
            assertEquals(5, notWell.status(), notWell.toString());
        } finally {
            launcher(e, "serve", "--stop");
        }
    }

    @Test
    void aRunOnATerminalStartsAWarmProcessThatTakesTheNextCommandsAndAScriptStartsNone() throws Exception {
        Map<String, String> e = terminalEnv("auto-warm");
        // Without a terminal (cron, systemd, a script) a run starts no warm process.
        Path quiet = tmp.resolve("out-no-terminal");
        Result plain = launcher(e, "run", "regenerate", "--tables", "a2", "--lang", "zh", "--format", "csv", "--force",
                "--output", quiet.toString());
        assertEquals(0, plain.status(), plain.toString());
        assertEquals(0, launcher(e, "check").status());
        assertTrue(launcher(e, "serve", "--status").out().contains("no warm process"), "none started without a terminal");

        Path auto = tmp.resolve("out-terminal");
        try {
            Result first = onATerminal(e, "run", "regenerate", "--tables", "a2", "--lang", "zh", "--format", "csv",
                    "--force", "--output", auto.toString());
            assertEquals(0, first.status(), first.toString());
            assertTrue(first.out().contains("pb-annex: started a warm process for this folder"), first.toString());
            assertTrue(first.out().contains("1147 checks passed"), first.toString());
            Result status = launcher(e, "serve", "--status");
            assertTrue(status.out().contains("1 command(s) served"), "the run that started it ran in it: " + status);
            // The next commands start in it, without a terminal too, and PB_WARM (the launcher's own) refuses none.
            Map<String, String> start = new HashMap<>(e);
            start.put("PB_WARM", "start");
            Result check = launcher(start, "check");
            assertEquals(0, check.status(), check.toString());
            assertTrue(launcher(e, "serve", "--status").out().contains("2 command(s) served"), "the check ran in it");
        } finally {
            launcher(e, "serve", "--stop");
        }
        // One started by a check regenerates annexes next, so it maps the one annex's class cache, not the check's.
        boolean caches = launcher(with("PB_SHOW_COMMAND", "1"), "check", "--help").err().contains("-XX:AOTCache=");
        try {
            Result check = onATerminal(e, "check");
            assertEquals(0, check.status(), check.toString());
            Matcher pid = Pattern.compile("pid (\\d+)").matcher(launcher(e, "serve", "--status").out());
            assertTrue(pid.find(), "a warm process started by the check");
            String command = Files.readString(Path.of("/proc", pid.group(1), "cmdline")).replace('\0', ' ');
            assertTrue(!caches || command.contains("pb-annex-run.aot") && !command.contains("pb-annex-check.aot"), command);
        } finally {
            launcher(e, "serve", "--stop");
        }
        Path a = runFolder(quiet).resolve("csv");
        Path b = runFolder(auto).resolve("csv");
        assertEquals(-1, Files.mismatch(a.resolve("a2.csv"), b.resolve("a2.csv")), "the same CSV as a process of its own");
    }

    /**
     * Ctrl-C typed at the terminal of a run in the warm process it started stops the run as it stops one in a process of
     * its own: the launcher tells the warm process, says the run's line there and ends with status 130; the history
     * says it; and it is no failure of its job, the person who pressed it knowing. A terminal that closes under such a
     * run is a hang-up, the job's failure: SIGHUP, status 129, noted in its status. Found in review: the warm process
     * took every client that went away for a Ctrl-C.
     */
    @Test
    void ctrlCAtATerminalStopsTheRunInTheWarmProcessAndAClosedTerminalIsAHangUp() throws Exception {
        for (String how : List.of("ctrl-c", "closed")) {
            Map<String, String> e = terminalEnv("warm-" + how);
            Path status = tmp.resolve("status-" + how);
            Path out = tmp.resolve("out-" + how);
            e.put("PB_STATUS", status.toString());
            e.put("PB_OUTPUT", out.toString()); // the installation's: a run into another is a trial
            e.put("PB_RUN_PAUSEAT", "check");
            Path typed = tmp.resolve("typed-" + how + ".out");
            ProcessBuilder terminal = new ProcessBuilder("script", "-qec", "exec bash '" + Golden.home().resolve("pb-annex") + "' run "
                    + "regenerate --tables a2 --lang zh --format csv --no-distribute --output '" + out + "'", "/dev/null")
                    .directory(Golden.home().toFile()).redirectOutput(typed.toFile()).redirectErrorStream(true);
            terminal.environment().putAll(e);
            Process script = terminal.start();
            try {
                String runId = pausedAt(out.resolve("2022-23"), "check", script);
                if (how.equals("ctrl-c")) {
                    script.getOutputStream().write(3); // ^C, which the terminal turns into SIGINT
                    script.getOutputStream().flush();
                } else {
                    script.destroyForcibly(); // the terminal's window closed: SIGHUP to the launcher
                }
                // Held where it is (the stop ends the process within seconds): let go, it would publish before the stop.
                assertTrue(script.waitFor(LONG.toSeconds(), TimeUnit.SECONDS), "ended");
                Instant until = Instant.now().plusSeconds(60);
                while (Files.exists(tmp.resolve("warm-" + how + "/endpoint")) && Instant.now().isBefore(until)) {
                    Thread.sleep(100);
                }
                assertFalse(Files.exists(tmp.resolve("warm-" + how + "/endpoint")), "the warm process ended with the run");
                String signal = how.equals("ctrl-c") ? "SIGINT" : "SIGHUP";
                String line = "interrupted (" + signal + "); run " + runId + " stops here; the same command restarts it";
                Map<String, String> own = new HashMap<>(e);
                own.put("PB_WARM", "off");
                own.remove("PB_RUN_PAUSEAT");
                Result history = launcher(own, "history", runId);
                assertTrue(history.out().contains("FAILED") && history.out().contains(line), history.toString());
                Path noted = status.resolve("regenerate.2022-23.failed");
                if (how.equals("ctrl-c")) {
                    String said = Files.readString(typed).replace("\r\n", "\n");
                    assertEquals(130, script.exitValue(), said);
                    assertTrue(said.contains("pb-annex: " + line + "\n"), "its line on the terminal: " + said);
                    assertFalse(Files.exists(noted), "a person's Ctrl-C is no failure of the job");
                } else {
                    assertTrue(Files.readString(noted).contains("exit status 129: " + line), Files.readString(noted));
                }
            } finally {
                script.destroyForcibly();
                launcher(e, "serve", "--stop");
            }
        }
    }

    /** The id of the run paused at step in the biennium's folder, once it is (the process ending first fails the test). */
    private static String pausedAt(Path biennium, String step, Process process) throws Exception {
        Instant until = Instant.now().plus(LONG);
        while (Instant.now().isBefore(until)) {
            assertTrue(process.isAlive(), "ended before pausing at " + step);
            if (Files.isDirectory(biennium)) {
                try (var files = Files.list(biennium)) {
                    var marker = files.map(f -> f.getFileName().toString())
                            .filter(n -> n.startsWith(".paused-") && n.endsWith("-" + step)).findFirst();
                    if (marker.isPresent()) {
                        return marker.get().substring(".paused-".length(), marker.get().length() - step.length() - 1);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("did not pause at " + step);
    }

    @Test
    void aWarmProcessThatCannotStartLeavesTheRunToAProcessOfItsOwn() throws Exception {
        Map<String, String> e = new HashMap<>(env);
        e.put("PB_WARM", "start");
        // A file where its folder should be: it cannot start.
        Path notAFolder = Files.writeString(tmp.resolve("warm-is-a-file"), "");
        e.put("PB_SERVE_DIR", notAFolder.toString());
        Path out = tmp.resolve("out-no-warm");
        Result r = launcher(e, "run", "regenerate", "--tables", "a2", "--lang", "zh", "--format", "csv", "--force",
                "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("pb-annex: the warm process did not start"), r.toString());
        assertTrue(Files.isRegularFile(runFolder(out).resolve("csv/a2.csv")), "published by a process of its own");
    }

    @Test
    void aRunStartsItsSpringContextFromTheBuildsAheadOfTimeDefinitionsAndPublishesTheSame() throws Exception {
        // With spring.aot.enabled and no generated initializer, Spring refuses to start: a published run means it was used.
        Path ahead = tmp.resolve("out-aot");
        Path plain = tmp.resolve("out-plain");
        Map<String, String> e = new HashMap<>(env);
        e.put("PB_WARM", "off");
        e.put("PB_SHOW_COMMAND", "1");
        Result withAot = launcher(e, "run", "regenerate", "--tables", "a2,f2", "--lang", "zh", "--format", "csv", "--force",
                "--output", ahead.toString());
        assertEquals(0, withAot.status(), withAot.toString());
        String command = withAot.err().lines().filter(l -> l.startsWith("pb-annex: ") && l.contains(" -jar ")).findFirst().orElseThrow();
        assertTrue(command.contains("-Dspring.aot.enabled=true"), command);
        e.put("PB_JAVA_OPTS", "-Dspring.aot.enabled=false");
        Result without = launcher(e, "run", "regenerate", "--tables", "a2,f2", "--lang", "zh", "--format", "csv", "--force",
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

    // The one run published under DIR/2022-23 (a partial run does not move 'latest').
    private static Path runFolder(Path output) throws IOException {
        try (var runs = Files.list(output.resolve("2022-23"))) {
            List<Path> all = runs.filter(r -> !r.getFileName().toString().equals("latest")).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static void assertCache(String cache, String... args) throws Exception {
        Result r = launcher(with("PB_SHOW_COMMAND", "1"), args);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains(cache), cache + ": " + r);
    }

    record Result(int status, String out, String err) {
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        e.put(name, value);
        return e;
    }

    private static Result launcher(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return launcherIn(Golden.home(), environment, args);
    }

    /** The launcher of the program in that folder. */
    private static Result launcherIn(Path program, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", program.resolve("pb-annex").toString()));
        cmd.addAll(List.of(args));
        return run(new ProcessBuilder(cmd), environment, args);
    }

    /** The launcher on a terminal, as a user at a keyboard runs it: script(1) gives it one; its two streams are one. */
    private static Result onATerminal(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder("exec bash '" + Golden.home().resolve("pb-annex") + "'");
        for (String a : args) {
            line.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", line.toString(), "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectErrorStream(true);
        Result r = run(pb, environment, args);
        return new Result(r.status(), r.out().replace("\r\n", "\n"), r.err());
    }

    /** Runs it from the installation's folder, its output into files (a pipe nobody reads would stop it at 64 KB). */
    private static Result run(ProcessBuilder pb, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "launcher", ".out");
        Path err = Files.createTempFile(tmp, "launcher", ".err");
        pb.directory(Golden.home().toFile()).redirectOutput(out.toFile());
        if (!pb.redirectErrorStream()) {
            pb.redirectError(err.toFile());
        }
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./pb-annex " + String.join(" ", args) + " did not end; output: " + Files.readString(out)
                    + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code one}, or {@code other} when the tests' own environment already has {@code one} (and so would the warm process). */
    private static String notAsInherited(String name, String one, String other) {
        return one.equals(System.getenv(name)) ? other : one;
    }

    private static String withoutSeconds(String out) {
        return out.replaceAll("\\(\\d+\\.\\d s\\)", "(s)");
    }
}
