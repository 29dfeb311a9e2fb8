package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/** `pb-annex schedule` runs the jobs of jobs/*.yml at their cron times, or prints them as crontab lines. */
class ScheduleCommandTest {

    /** A real SMTP server, for the failure notices. */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(org.pbannex.TestSmtp.SETUP);

    @TempDir
    Path home;

    /** The settings with failures mailed to ops@example.org through the test's SMTP server. */
    private static Map<String, String> mailingFailures(Map<String, String> settings) {
        settings.put("pb.failures.mail-to", "ops@example.org");
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
        settings.put("pb.distribution.from", "pb-annex@example.org");
        return settings;
    }

    private Map<String, String> useHome(String jobYaml) throws Exception {
        TestInputs.copyOfBundledInput(home.resolve("input"));
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/fast.yml"), jobYaml);
        Map<String, String> settings = new HashMap<>(CliRun.h2(home.resolve("db")));
        settings.put("pb.home", home.toString());
        return settings;
    }

    @Test
    void runsAJobWhenItsTimeComes() throws Exception {
        var settings = useHome("schedule: \"* * * * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        Path out = home.resolve("out");
        CliRun r = CliRun.capture(settings, "schedule", "--max-runs", "1", "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("fast ended with status 0"), r.out());
        // To the second, the zone named, as the "next:" line says its time (it gave nanoseconds and no zone).
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d \\([^)]+\\) fast ended with status 0")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("next: fast at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d \\(.*")), r.out());
        // The job's preflight first, while someone is there to read it.
        assertTrue(r.out().indexOf("Ready: the job fast can run unattended.") < r.out().indexOf("next: fast at "), r.out());
        try (var runs = Files.list(out.resolve("2022-23"))) {
            assertTrue(runs.anyMatch(p -> Files.isRegularFile(p.resolve("csv/a1.csv"))));
        }
    }

    @Test
    void aJobThatIsNotReadyIsSaidAtTheStartAndStillRunsAtItsTime() throws Exception {
        // A home without the PDFs' font: the preflight says so, the run at its time fails for it (and would have been
        // told by mail), the schedule goes on.
        var settings = useHome("schedule: \"* * * * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [pdf]\n");
        CliRun r = CliRun.capture(settings, "schedule", "--max-runs", "1", "--output", home.resolve("out").toString());
        assertTrue(r.out().contains("fast: not ready now (preflight status 5); its runs still start at their times"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("FAILED\\s+font\\s+no CJK font in .*")), r.out());
        assertTrue(r.out().contains("fast ended with status 5"), r.out());
        assertEquals(5, r.status(), r.toString());
    }

    @Test
    void aRunStoppedByItsTimeoutLeavesTheScheduleGoing() throws Exception {
        // Each run in a process of its own: the timeout ends that process, not the schedule's.
        var settings = useHome("schedule: \"* * * * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        settings.put("pb.run.pause-at", "check");
        settings.put("pb.run.timeout", "2s");
        CliRun r = CliRun.capture(settings, "schedule", "--max-runs", "2", "--output", home.resolve("out").toString());
        assertEquals(2, r.out().lines().filter(l -> l.endsWith(" fast ended with status 5")).count(), r.out());
        assertTrue(r.err().contains("did not finish within 2s (pb.run.timeout): stopped"), r.err());
        assertEquals(5, r.status(), r.toString());
    }

    @Test
    void aRunWhoseProcessIsKilledIsToldByTheSchedule() throws Exception {
        // Killed from outside (as the system kills a process when memory runs out): the run cannot tell it, the schedule
        // does, by mail and in the job's status.
        var settings = mailingFailures(useHome("schedule: \"* * * * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n"));
        settings.put("pb.run.pause-at", "check");
        settings.put("pb.run.timeout", "90s"); // should the kill miss, the test ends all the same
        // The processes there before the schedule's (by pid: a process's start time, read from /proc against a boot time
        // in whole seconds, may show up to a second early, so the run, started within a second on a quick machine, was
        // taken for an earlier one and never killed: exit 5 at its timeout, on quiet CI machines).
        java.util.Set<Long> earlier = ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        Thread killer = new Thread(() -> {
            // The run's own JVM, a second after it started (it then waits at its check).
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(80);
            while (System.nanoTime() < until) {
                // (The schedule's only child process: its preflight runs in the schedule's own JVM. Its command line is
                // too long for ProcessHandle to read back, but its program is a java. A child an earlier test left
                // ending is not it, nor one that ended and is not yet reaped, which has no program: the killer could take
                // such a one for the run and return, leaving the run to its timeout, as one CI run saw: exit 5.)
                var runs = ProcessHandle.current().descendants()
                        .filter(c -> !earlier.contains(c.pid()))
                        .filter(c -> c.info().command().map(command -> command.endsWith("/java")).orElse(false)).toList();
                // Once the run waits at its check (its pause's marker is written): before, a loaded CI machine could see
                // another java child first, or none yet a second after the run started, and the run met its timeout.
                if (!runs.isEmpty() && pausedAtCheck(home.resolve("out/2022-23"))) {
                    runs.forEach(ProcessHandle::destroyForcibly);
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        killer.start();
        CliRun r = CliRun.capture(settings, "schedule", "--max-runs", "1", "--output", home.resolve("out").toString());
        killer.join();
        assertTrue(r.out().contains("fast ended with status 137"), r.out());
        assertTrue(r.err().contains("pb-annex: fast: its process was killed (signal 9: by the system when memory ran out, "
                + "or by someone)"), r.err());
        assertEquals(137, r.status(), r.toString());
        var received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        // In the language of the job's first edition (Chinese), from the installation's texts; stderr's line English.
        assertEquals("pb-annex：fast 运行失败（退出状态 137）", received[0].getSubject());
        String body = ((String) received[0].getContent()).replace("\r\n", "\n");
        assertTrue(body.startsWith("作业 fast 的一次运行没有完成，退出状态 137：\n\n其进程被终止（信号 9：内存耗尽时由系统终止，或由某人终止）\n\n"
                + "此前的运行情况：./pb-annex history（进程已终止的运行显示为 FAILED；日志：work/logs/）\n"
                + "作业的下一次运行会重新开始这次运行（也可以现在就运行：./pb-annex run fast）。"), body);
        CliRun status = CliRun.capture(settings, "status", "fast");
        assertTrue(status.out().contains("exit status 137"), status.toString());
    }

    @Test
    void printsTheScheduleAsCrontabLinesThatNeverOverlap() throws Exception {
        var settings = useHome("schedule: \"0 30 2 * * *\"\ntables: all\n");
        settings.put("pb.program", home.toString());
        CliRun r = CliRun.capture(settings, "schedule", "--print");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("crontab: 30 2 * * * cd " + home + " && { flock -n -E 75 work/cron-fast.lock ./pb-annex run fast"
                + " >> work/logs/fast.log 2>&1 || ./pb-annex after-run fast --status $? >> work/logs/fast.log 2>&1; }"), r.out());
    }

    @Test
    void aDataFolderApartFromTheProgramsHasACrontabLineThatSetsPbHomeAndNamesTheLauncher() throws Exception {
        // (tester 78a, F1) The line ran ./pb-annex in the data folder, where there is none, and without PB_HOME.
        var settings = useHome("schedule: \"0 30 2 * * *\"\ntables: all\n");
        Path program = Files.createDirectories(home.resolve("the program's folder"));
        settings.put("pb.program", program.toString());
        CliRun r = CliRun.capture(settings, "schedule", "--print");
        assertEquals(0, r.status(), r.toString());
        String launcher = "'" + program.toString().replace("'", "'\\''") + "/pb-annex'";
        assertTrue(r.out().contains("crontab: 30 2 * * * cd " + home + " && export PB_HOME=" + home + " && { flock -n -E 75 "
                + "work/cron-fast.lock " + launcher + " run fast >> work/logs/fast.log 2>&1 || " + launcher + " after-run fast "
                + "--status $? >> work/logs/fast.log 2>&1; }"), r.out());
    }

    @Test
    void theCrontabLinePassesOnAKilledRunAndASkippedStartToAfterRun() throws Exception {
        // The line as cron's shell runs it (no environment but a PATH), the data in a folder apart from the program's,
        // both with a space in their names, with a stand-in for the program's launcher: its run kills itself (as the
        // system kills a process when memory runs out); its after-run notes what it was given, where and with which data
        // folder (tester 78a, F1: ./pb-annex was looked for in the data folder, and no PB_HOME was set).
        Path data = Files.createDirectories(home.resolve("data folder"));
        Files.createDirectories(data.resolve("work/logs"));
        Path program = Files.createDirectories(home.resolve("the program's folder"));
        Path launcher = program.resolve("pb-annex");
        Files.writeString(launcher, "#!/bin/bash\nif [ \"$1\" = run ]; then kill -9 $$; fi\n"
                + "echo \"$* in $PWD for $PB_HOME\" >> work/after-run.txt\n");
        launcher.toFile().setExecutable(true);
        String line = ScheduleCommand.crontabCommand(data, program, "fast");
        String noted = "after-run fast --status 137 in " + data + " for " + data + "\n";
        assertEquals(0, cron(line).waitFor());
        assertEquals(noted, Files.readString(data.resolve("work/after-run.txt")));
        // The previous start still running (it holds the lock): flock skips this one with 75.
        Path lock = data.resolve("work/cron-fast.lock");
        Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "30").start();
        try {
            // Held once flock has taken it (a loaded machine may start it late): a try of our own is refused (status 1).
            for (long until = System.nanoTime() + 30_000_000_000L; System.nanoTime() < until; Thread.sleep(50)) {
                if (new ProcessBuilder("flock", "-n", lock.toString(), "true").start().waitFor() == 1) {
                    break;
                }
            }
            assertEquals(0, cron(line).waitFor());
            assertEquals(noted + noted.replace("--status 137", "--status 75"), Files.readString(data.resolve("work/after-run.txt")));
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aPerCentSignInAFoldersNameIsEscapedForCron() throws Exception {
        // Cron reads a bare % of a crontab line as a line break: the command ended there, and the night's run with it.
        // The line printed by schedule --print, run as cron runs it, with a %, a \% and a space in both folders' names.
        Path data = Files.createDirectories(home.resolve("data 100% folder"));
        Files.createDirectories(data.resolve("jobs"));
        Files.writeString(data.resolve("jobs/fast.yml"), "schedule: \"0 30 2 * * *\"\ntables: all\n");
        Path program = Files.createDirectories(home.resolve("the program's 50\\%d folder"));
        Path launcher = program.resolve("pb-annex");
        Files.writeString(launcher, "#!/bin/bash\nif [ \"$1\" = run ]; then exit 5; fi\n"
                + "echo \"$* in $PWD for $PB_HOME\" >> work/after-run.txt\n");
        launcher.toFile().setExecutable(true);
        Map<String, String> settings = new HashMap<>(CliRun.h2(home.resolve("db")));
        settings.put("pb.home", data.toString());
        settings.put("pb.program", program.toString());
        CliRun r = CliRun.capture(settings, "schedule", "--print");
        assertEquals(0, r.status(), r.toString());
        String fields = "crontab: 30 2 * * * ";
        String printed = r.out().lines().filter(l -> l.contains(fields)).findFirst().orElseThrow();
        String line = printed.substring(printed.indexOf(fields) + fields.length());
        Files.createDirectories(data.resolve("work/logs"));
        assertEquals(0, cron(line).waitFor(), line);
        assertTrue(line.contains("data 100\\% folder"), line);
        // The launcher's run (status 5, a failure it tells itself) was started in the data folder, with its PB_HOME:
        // after-run was then given its status.
        assertEquals("after-run fast --status 5 in " + data + " for " + data + "\n", Files.readString(data.resolve("work/after-run.txt")));
    }

    /**
     * A crontab line's command as cron runs it: sh, with no environment but a PATH, from the home folder, given the
     * line up to its first bare % (the rest is the command's input), each \% read as % (cron's do_command).
     */
    private Process cron(String line) throws java.io.IOException {
        StringBuilder command = new StringBuilder();
        boolean escaped = false;
        for (char c : line.toCharArray()) {
            if (escaped) {
                if (c == '%') {
                    command.setLength(command.length() - 1);
                }
                command.append(c);
                escaped = false;
            } else if (c == '%') {
                break;
            } else {
                escaped = c == '\\';
                command.append(c);
            }
        }
        ProcessBuilder sh = new ProcessBuilder("env", "-i", "PATH=/usr/bin:/bin", "sh", "-c", command.toString()).directory(home.toFile());
        return sh.start();
    }

    @Test
    void afterRunTellsWhatTheRunCouldNotAndNothingElse() throws Exception {
        var settings = mailingFailures(useHome("tables: all\n"));
        // A failure the run told itself: nothing more.
        assertEquals(4, CliRun.capture(settings, "after-run", "fast", "--status", "4").status());
        assertEquals(0, SMTP.getReceivedMessages().length);
        CliRun killed = CliRun.capture(settings, "after-run", "fast", "--status", "137");
        assertEquals(137, killed.status(), killed.toString());
        assertTrue(killed.err().contains("pb-annex: fast: its process was killed (signal 9"), killed.err());
        CliRun skipped = CliRun.capture(settings, "after-run", "fast", "--status", "75");
        assertEquals(5, skipped.status(), skipped.toString());
        assertTrue(skipped.err().contains("this start was skipped: the job's previous start still holds work/cron-fast.lock"),
                skipped.err());
        var received = SMTP.getReceivedMessages();
        assertEquals(List.of("pb-annex：fast 运行失败（退出状态 137）", "pb-annex：fast 运行失败（退出状态 75）"),
                java.util.Arrays.stream(received).map(m -> {
                    try {
                        return m.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new AssertionError(e);
                    }
                }).toList());
        String skippedMail = org.pbannex.MailText.body(received[1]).replace("\r\n", "\n");
        assertTrue(skippedMail.contains("\n\n本次启动被跳过：作业的上一次启动仍持有 work/cron-fast.lock（flock），"
                + "因此它仍在运行或已挂起（pb.run.timeout 会停止它）\n\n"), skippedMail);
        CliRun status = CliRun.capture(settings, "status", "fast");
        assertTrue(status.out().contains("2 failures, the last: ") && status.out().contains("exit status 75: this start was skipped"),
                status.toString());
    }

    @Test
    void aScheduledRunStartsWithTheNightlyRunsClassCacheNotTheSchedulesOwn() {
        var schedule = java.util.List.of("-XX:AOTCache=/app/pb-annex-check.aot", "-Xlog:aot=off", "-XX:+UseSerialGC",
                "-Dpb.home=/pb", "-Dpb.launcher.started=1796281682.418636", "-Dpb.schedule.run-cache=-XX:AOTCache=/app/pb-annex-all.aot");
        assertEquals(java.util.List.of("-XX:AOTCache=/app/pb-annex-all.aot", "-Xlog:aot=off", "-XX:+UseSerialGC", "-Dpb.home=/pb",
                "-Dpb.schedule.run-cache=-XX:AOTCache=/app/pb-annex-all.aot"),
                ScheduleCommand.runOptions(schedule, "-XX:AOTCache=/app/pb-annex-all.aot"));
        // Before 25 one archive serves every command; without the launcher (java -jar) the options are kept as they are.
        var before25 = java.util.List.of("-XX:SharedArchiveFile=/app/pb-annex.jsa", "-Dpb.home=/pb");
        assertEquals(before25, ScheduleCommand.runOptions(before25, "-XX:SharedArchiveFile=/app/pb-annex.jsa"));
        assertEquals(java.util.List.of("-Xmx1g"), ScheduleCommand.runOptions(java.util.List.of("-Xmx1g"), null));
    }

    @Test
    void aBrokenJobFileIsToldAndTheOtherJobsStillRun() throws Exception {
        // Someone breaks the on-demand job's file: the nightly job runs all the same, and the broken one is told.
        var settings = mailingFailures(useHome("schedule: \"* * * * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n"));
        Files.writeString(home.resolve("jobs/broken.yml"), "schedule: \"0 0 3 * * *\"\ntables: [a1\n");
        CliRun printed = CliRun.capture(settings, "schedule", "--print");
        assertEquals(2, printed.status(), printed.toString());
        assertTrue(printed.out().startsWith("fast         * * * * * *        next "), "the others' lines are printed: " + printed.out());
        assertTrue(printed.err().contains("broken.yml, line 2, column 9"), printed.err());

        CliRun r = CliRun.capture(settings, "schedule", "--max-runs", "1", "--output", home.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("fast ended with status 0"), r.out());
        assertTrue(r.err().contains("broken.yml, line 2, column 9") && r.err().contains("(the job is not scheduled until its file is fixed)"),
                r.err());
        var received = SMTP.getReceivedMessages();
        assertEquals(1, received.length, "told once");
        assertEquals("pb-annex：broken 运行失败（退出状态 2）", received[0].getSubject());
        assertTrue(((String) received[0].getContent()).contains("broken.yml, line 2, column 9"));
    }

    @Test
    void aJobEditedWhileTheScheduleWaitsTakesEffect() throws Exception {
        // Once a year at first; made every second while the schedule waits for it.
        var settings = useHome("schedule: \"0 0 0 1 1 *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        int year = java.time.LocalDate.now().getYear();
        var schedule = java.util.concurrent.CompletableFuture.supplyAsync(() -> CliRun.capture(settings, "schedule", "--max-runs",
                "1", "--reread", "1s", "--output", home.resolve("out").toString()));
        // The schedule has read the jobs once its preflight has opened the database.
        for (int i = 0; i < 600 && !Files.exists(home.resolve("db.mv.db")); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        Files.writeString(home.resolve("jobs/fast.yml"), "schedule: \"* * * * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        CliRun r = schedule.get(3, java.util.concurrent.TimeUnit.MINUTES);
        assertEquals(0, r.status(), r.toString());
        // (The next new year from when it started: the year after this one, or after the next if it started at midnight.)
        assertTrue(r.out().contains("next: fast at " + (year + 1) + "-01-01T00:00") || r.out().contains("next: fast at " + (year + 2)
                + "-01-01T00:00"), r.out());
        assertTrue(r.out().contains("fast ended with status 0"), r.out());
    }

    @Test
    void crontabConversionIsCorrectOrRefused() {
        assertEquals("30 2 * * *", ScheduleCommand.crontab("0 30 2 * * *"));
        assertEquals("0 0 * * *", ScheduleCommand.crontab("@daily"));
        assertEquals("15 6 * * 1-5", ScheduleCommand.crontab("0 15 6 ? * MON-FRI").replace("MON-FRI", "1-5"));
        var everyThirtySeconds = assertThrows(IllegalArgumentException.class, () -> ScheduleCommand.crontab("*/30 * * * * *"));
        assertTrue(everyThirtySeconds.getMessage().contains("crontab has no seconds"), everyThirtySeconds.getMessage());
    }

    @Test
    void aBadCronExpressionIsAUsageError() throws Exception {
        var settings = useHome("schedule: \"every night\"\n");
        CliRun r = CliRun.capture(settings, "schedule", "--print");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("jobs/fast.yml: schedule 'every night' is not a cron expression"), r.err());
        // Said in the job file's words, not Spring's (HourOfDay) nor its quoting of the expression again.
        CliRun hour = CliRun.capture(useHome("schedule: \"0 30 25 * * *\"\n"), "schedule", "--print");
        assertTrue(hour.err().contains("schedule '0 30 25 * * *' is not a cron expression (second minute hour day month weekday): the hour "
                + "25 is not 0-23"), hour.err());
        CliRun five = CliRun.capture(useHome("schedule: \"30 2 * * *\"\n"), "schedule", "--print");
        assertTrue(five.err().contains("it has 5 fields, not 6 (a crontab line's five fields: put the second, 0, before them)"), five.err());
    }

    @Test
    void anUnknownKeyInAJobIsAUsageErrorNamingIt() throws Exception {
        var settings = useHome("tabels: [a1]\n");
        CliRun r = CliRun.capture(settings, "run", "fast", "--output", home.resolve("out").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("unknown key 'tabels'"), r.err());
    }

    /** Each a line a budget officer can act on: the key's own line, what a key takes, where a bracket was left open. */
    @Test
    void aBadJobFileNamesTheLineAndTheProblemInWords() throws Exception {
        var settings = useHome("description: x\ntabels: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        CliRun r = CliRun.capture(settings, "run", "fast", "--output", home.resolve("out").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("fast.yml, line 2: unknown key 'tabels'"), "the key's line, not the file's end: " + r.err());

        Files.writeString(home.resolve("jobs/fast.yml"), "tables: [a1]\nrejects: maybe\nformats: [csv]\n");
        r = CliRun.capture(settings, "run", "fast", "--output", home.resolve("out").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("fast.yml, line 2: 'rejects' takes true or false"), r.err());
        assertFalse(r.err().contains("java.lang"), "no Java type names: " + r.err());

        for (String days : new String[] {"soon", "0"}) {
            Files.writeString(home.resolve("jobs/fast.yml"), "tables: [a1]\nformats: [csv]\nreplyWithinDays: " + days + "\n");
            r = CliRun.capture(settings, "run", "fast", "--output", home.resolve("out").toString());
            assertEquals(2, r.status(), r.toString());
            assertTrue(r.err().contains("fast.yml, line 3: 'replyWithinDays' takes a whole number of days from 1 to 365, such as 10"),
                    r.err());
        }

        // A table, edition or format the program does not know: the job file is named (on the command line, the option).
        Files.writeString(home.resolve("jobs/fast.yml"), "tables: [a1, zz]\nformats: [csv]\n");
        r = CliRun.capture(settings, "run", "fast", "--output", home.resolve("out").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("pb-annex: jobs/fast.yml: unknown table 'zz'; the tables are t1,"), r.err());
        Files.writeString(home.resolve("jobs/fast.yml"), "tables: [a1]\nlanguages: [fr]\nformats: [csv]\n");
        r = CliRun.capture(settings, "run", "fast", "--output", home.resolve("out").toString());
        assertTrue(r.err().contains("pb-annex: jobs/fast.yml: unknown language 'fr'"), r.err());
        r = CliRun.capture(settings, "run", "fast", "--lang", "de", "--output", home.resolve("out").toString());
        assertTrue(r.err().contains("pb-annex: unknown language 'de'"), r.err());

        // An empty list publishes nothing (or, for tables, would quietly publish every table): the key is named.
        for (String key : new String[] {"tables", "languages", "formats", "biennia"}) {
            Files.writeString(home.resolve("jobs/fast.yml"), "tables: [a1]\nlanguages: [zh]\nformats: [csv]\n".replaceAll(
                    "(?m)^" + key + ": .*$", "") + key + ": []\n");
            r = CliRun.capture(settings, "run", "fast", "--tables", "a1", "--output", home.resolve("out").toString());
            assertEquals(2, r.status(), r.toString());
            assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("How a job file is written: ")).count(), r.err());
            assertTrue(r.err().startsWith("pb-annex: " + home.resolve("jobs/fast.yml") + ", line 4: '" + key + "' is an empty "
                    + "list; name at least one, or leave the key out for "), r.err());
        }

        Files.writeString(home.resolve("jobs/fast.yml"), "description: x\ntables: [a1\nformats: [csv]\n");
        r = CliRun.capture(settings, "run", "fast", "--output", home.resolve("out").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("fast.yml, line 2, column 9: the list opened with '[' here is not closed with ']' on its "
                + "line: a list is written on one line"), r.err());
    }

    /** Whether a run in that biennium folder waits at its check (the marker pb.run.pause-at writes). */
    private static boolean pausedAtCheck(Path biennium) {
        try (var files = java.nio.file.Files.list(biennium)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".paused-") && f.getFileName().toString().endsWith("-check"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
