package org.pbannex.cli;

import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.SchedulerLock;
import org.pbannex.schedule.NextRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs the jobs of jobs/*.yml that have a {@code schedule} (a cron expression with seconds) at their times, in the
 * foreground, until stopped; or prints the schedule and the equivalent crontab lines for the system's cron.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Run the scheduled jobs of jobs/*.yml at their times (foreground, until stopped), or --print them.")
public class ScheduleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--print", description = "Print each job's next run time and a crontab line, then exit.")
    boolean print;

    @Option(names = "--max-runs", paramLabel = "N", description = "Stop after N runs (default: run until stopped).")
    Integer maxRuns;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder passed to each run (run --output DIR): "
            + "runs into another folder than the installation's are trials, which status does not count and reviewers are "
            + "not sent; the nightly runs' own folder is set with PB_OUTPUT.")
    Path output;

    @Option(names = "--reread", paramLabel = "DURATION", defaultValue = "1m",
            description = "How often the schedule reads jobs/*.yml again while it waits, so that an edited job takes "
                    + "effect (default: ${DEFAULT-VALUE}).")
    String reread;

    record Scheduled(JobDefinition job, CronExpression cron) {

        /** Its next run after now, in the local zone across its clock changes (null: none). */
        NextRun next(Instant now) {
            return NextRun.after(cron, now, org.pbannex.config.TimeZoneSetting.local());
        }
    }

    /** The jobs with a schedule, and the job files that could not be read (the line that says why, by job). */
    record Jobs(List<Scheduled> scheduled, Map<String, String> problems) {
    }

    @Override
    public Integer call() throws InterruptedException {
        Path home = PbAnnexApplication.home();
        Jobs jobs = scheduledJobs(home);
        if (jobs.scheduled().isEmpty() && jobs.problems().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no job in " + home.resolve("jobs") + " has a schedule");
        }
        if (print) {
            for (Scheduled s : jobs.scheduled()) {
                System.out.printf("%-12s %-18s next %s%n", s.job().name(), s.job().schedule(), java.util.Optional.ofNullable(s.next(Instant.now()))
                        .map(NextRun::described).orElse("none (" + org.pbannex.config.TimeZoneSetting.described() + ")"));
                String line;
                try {
                    line = crontab(s.job().schedule());
                } catch (IllegalArgumentException e) {
                    System.out.println("  crontab: none: " + e.getMessage());
                    continue;
                }
                System.out.println("  crontab: " + line + " " + crontabCommand(home, PbAnnexApplication.settings().program(), s.job().name()));
            }
            // The others are printed: a broken job file does not hide the schedule of the rest.
            jobs.problems().values().forEach(p -> System.err.println("pb-annex: " + p));
            return jobs.problems().isEmpty() ? ExitCodes.PUBLISHED : ExitCodes.USAGE;
        }
        Duration every = DurationOption.parse(spec, "--reread", reread, "30s or 1m");
        try (SchedulerLock held = SchedulerLock.acquire(home)) {
            return schedule(home, jobs, every);
        }
    }

    /**
     * The scheduler's times, in the jobs' time zone (named beside them) to the second, as its other lines and the runs'
     * say them: the time's own form gave nanoseconds, or dropped ":00" on a whole minute.
     */
    static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Runs the jobs at their times, in this installation's one scheduler, until --max-runs. */
    private int schedule(Path home, Jobs jobs, Duration every) throws InterruptedException {
        Map<String, String> told = new HashMap<>();
        List<Scheduled> scheduled = tellProblems(jobs, told);
        preflight(scheduled);
        int runs = 0;
        int worst = ExitCodes.PUBLISHED;
        String announced = null;
        while (maxRuns == null || runs < maxRuns) {
            Instant now = Instant.now();
            // A job whose schedule has no time left (a date passed) is none: the others still run.
            Scheduled next = scheduled.stream().filter(s -> s.next(now) != null)
                    .min(Comparator.comparing(s -> s.next(now).at().toInstant())).orElse(null);
            NextRun at = next == null ? null : next.next(now);
            String announce = next == null ? "next: none (no job can be scheduled; reading jobs/ again every " + reread + ")"
                    : "next: " + next.job().name() + " at " + at.described();
            if (!announce.equals(announced)) {
                System.out.println(announce);
                announced = announce;
            }
            long wait = at == null ? Long.MAX_VALUE : Math.max(0, Duration.between(Instant.now(), at.at().toInstant()).toMillis());
            if (wait > every.toMillis()) {
                // Asleep till then, the schedule would miss a job edited meanwhile (a new time, a file broken or fixed).
                Thread.sleep(every.toMillis());
                scheduled = tellProblems(scheduledJobs(home), told);
                continue;
            }
            Thread.sleep(wait);
            List<String> args = new ArrayList<>(List.of("run", next.job().name()));
            if (output != null) {
                args.addAll(List.of("--output", output.toString()));
            }
            int status = runInItsOwnProcess(args);
            System.out.println(SECONDS.format(ZonedDateTime.now(org.pbannex.config.TimeZoneSetting.local())) + " ("
                    + org.pbannex.config.TimeZoneSetting.described() + ") "
                    + next.job().name() + " ended with status " + status);
            if (!FailureNotices.toldByTheRun(status)) {
                // Killed, out of memory, a runtime that failed: the run could not tell it, so the schedule does.
                FailureNotices.processEnded(new java.io.PrintWriter(System.err), next.job().name(), status,
                        FailureNotices.howItEnded(status));
            }
            worst = Math.max(worst, status);
            runs++;
            announced = null;
            Jobs afterRun = scheduledJobs(home);
            String broken = afterRun.problems().get(next.job().name());
            if (broken != null && status == ExitCodes.USAGE) {
                // Its file broke since the last reading: the run refused it and told it (notice, status); not twice.
                told.put(next.job().name(), broken);
            }
            scheduled = tellProblems(afterRun, told);
        }
        return worst;
    }

    /**
     * The scheduled jobs, after saying each job file that cannot be read, once each time it breaks (a line, and the
     * failure notice: a job whose file is broken does not run, and nobody would see it miss its night), and each one
     * fixed since.
     */
    private static List<Scheduled> tellProblems(Jobs jobs, Map<String, String> told) {
        jobs.problems().forEach((job, line) -> {
            if (!line.equals(told.get(job))) {
                System.err.println("pb-annex: " + line + " (the job is not scheduled until its file is fixed)");
                FailureNotices.send(org.pbannex.distribute.FailureNotice.FailedRun.notStarted(job, null, ExitCodes.USAGE, line));
            }
        });
        for (String job : List.copyOf(told.keySet())) {
            if (!jobs.problems().containsKey(job)) {
                System.out.println("jobs/" + job + ".yml reads again: scheduled as it says");
                told.remove(job);
            }
        }
        told.putAll(jobs.problems());
        return jobs.scheduled();
    }

    /**
     * A scheduled run in a process of its own (this JVM's runtime, options and class path, the settings passed as
     * system properties), so that a run that crashes, runs out of memory or is stopped by its timeout
     * ({@code pb.run.timeout}, which ends its process) leaves the schedule going; its output is passed on as it comes.
     */
    private static int runInItsOwnProcess(List<String> args) throws InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(runOptions(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty(RUN_CACHE)));
        PbAnnexApplication.overrides().forEach((k, v) -> {
            if (!k.equals("pb.terminal")) {
                cmd.add("-D" + k + "=" + v);
            }
        });
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(PbAnnexApplication.class.getName());
        cmd.addAll(args);
        if ("1".equals(System.getenv("PB_SHOW_COMMAND"))) {
            // As the launcher does for its own command: which JVM command runs it (the runtime, the cache, the options).
            System.err.println("pb-annex: " + String.join(" ", cmd));
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT);
            // Its runs are unattended, whether or not the schedule was started at a terminal.
            builder.environment().remove("PB_TERMINAL");
            Process run = builder.start();
            Thread out = passOn(run.getInputStream(), System.out);
            Thread err = passOn(run.getErrorStream(), System.err);
            int status = run.waitFor();
            out.join();
            err.join();
            return status;
        } catch (java.io.IOException e) {
            System.err.println("pb-annex: cannot start the run " + String.join(" ", args) + ": " + e.getMessage());
            return ExitCodes.INFRASTRUCTURE;
        }
    }

    /**
     * The command of a job's crontab line: flock -n, so that a night whose run is still going skips this start instead
     * of piling up behind it (flock then ends with 75); the output to the job's log; and after-run, which tells what the
     * run could not tell itself (a skipped start, a killed process). It runs in the data folder (its lock and log are
     * that folder's work/); with a data folder apart from the program's (PB_HOME), the line sets PB_HOME and names the
     * program's launcher by its path, as cron gives neither (tester 78a, F1). A {@code %} in a folder's name is escaped
     * for cron, which reads a bare one as a line break ({@link #forCron}).
     */
    static String crontabCommand(Path home, Path program, String job) {
        String log = " >> work/logs/" + job + ".log 2>&1";
        boolean apart = !home.equals(program);
        String launcher = apart ? shellWord(program.resolve("pb-annex").toString()) : "./pb-annex";
        return forCron("cd " + shellWord(home.toString()) + (apart ? " && export PB_HOME=" + shellWord(home.toString()) : "")
                + " && { flock -n -E " + AfterRunCommand.LOCK_HELD + " work/cron-" + job + ".lock " + launcher + " run " + job
                + log + " || " + launcher + " after-run " + job + " --status $?" + log + "; }");
    }

    /**
     * A command of sh as a crontab line gives it: cron ends the command at a bare {@code %} (the rest, its line breaks,
     * is the command's input) and passes {@code \%} on as {@code %}, so each {@code %} is written {@code \%}. One just
     * after a backslash (a name's {@code \%}) cannot be written so (cron reads {@code \\%} as a backslash kept, then a
     * bare {@code %}): there the quoted word is closed around it ({@code '\%'}). Every {@code %} of the line is in a word
     * {@link #shellWord} quoted, as it quotes all but letters, digits and {@code _./-}.
     */
    static String forCron(String command) {
        StringBuilder out = new StringBuilder(command.length() + 8);
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '%') {
                out.append(i > 0 && command.charAt(i - 1) == '\\' ? "'\\%'" : "\\%");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A word for sh as it is: quoted when it has anything but letters, digits and {@code _./-} (a space, a quote). */
    public static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * The schedule's JVM options for one of its runs: its class cache is a check's (the launcher gives {@code schedule}
     * that), with which a run of every table takes about a second longer than with the nightly run's own, so that one
     * takes its place where the launcher named it ({@value #RUN_CACHE}: the option as the launcher would give it). The
     * launcher's start time is left out: a run's {@code --timings} count from its own JVM.
     */
    static List<String> runOptions(List<String> scheduleOptions, String runCache) {
        List<String> out = new ArrayList<>();
        for (String option : scheduleOptions) {
            boolean cache = option.startsWith("-XX:AOTCache=") || option.startsWith("-XX:SharedArchiveFile=");
            if (cache && runCache != null && !runCache.isBlank()) {
                out.add(runCache);
            } else if (!option.startsWith("-D" + org.pbannex.warm.LauncherStart.PROPERTY + "=")) {
                out.add(option);
            }
        }
        return out;
    }

    /** The launcher's system property naming the class cache option for a scheduled run (see {@link #runOptions}). */
    static final String RUN_CACHE = "pb.schedule.run-cache";

    private static Thread passOn(java.io.InputStream from, java.io.PrintStream to) {
        Thread t = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(from, java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    to.println(line);
                }
            } catch (java.io.IOException ignored) {
                // the run ended
            }
        }, "schedule-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Each scheduled job's preflight as the schedule starts, so that what would fail tonight (a mail server that does
     * not answer, a missing font) is seen while someone is there. The runs go ahead at their times whatever it says:
     * what failed may be fixed by then.
     */
    private void preflight(List<Scheduled> jobs) {
        for (Scheduled s : jobs) {
            List<String> args = new ArrayList<>(List.of("preflight", s.job().name()));
            if (output != null) {
                args.addAll(List.of("--output", output.toString()));
            }
            int status = PbAnnexApplication.execute(PbAnnexApplication.overrides(), args.toArray(String[]::new));
            if (status != ExitCodes.PUBLISHED) {
                System.out.println(s.job().name() + ": not ready now (preflight status " + status + "); its runs still start at their "
                        + "times: fix what FAILED above before the next one");
            }
        }
    }

    private static Jobs scheduledJobs(Path home) {
        List<Scheduled> out = new ArrayList<>();
        Map<String, String> problems = new java.util.TreeMap<>();
        Path input = PbAnnexApplication.settings().input();
        for (String name : JobDefinition.names(home.resolve("jobs"))) {
            JobDefinition def;
            try {
                def = JobDefinition.load(home.resolve("jobs"), name, input);
            } catch (org.pbannex.runtime.UsageError e) {
                problems.put(name, e.getMessage());
                continue;
            }
            if (def.schedule() == null) {
                continue;
            }
            try {
                out.add(new Scheduled(def, CronExpression.parse(def.schedule())));
            } catch (IllegalArgumentException e) {
                problems.put(name, "jobs/" + name + ".yml: schedule '" + def.schedule()
                        + "' is not a cron expression (second minute hour day month weekday): " + cronProblem(e));
            }
        }
        return new Jobs(out, problems);
    }

    /** Spring's field names in its messages, as the job file's words say them. */
    private static final java.util.Map<String, String> CRON_FIELDS = java.util.Map.of("SecondOfMinute", "second",
            "MinuteOfHour", "minute", "HourOfDay", "hour", "DayOfMonth", "day", "MonthOfYear", "month", "DayOfWeek", "weekday");

    /**
     * What is wrong with a schedule, in words (Spring says "Invalid value for HourOfDay (valid values 0 - 23): 25 '25' in
     * cron expression ...", Java's names for the fields).
     */
    static String cronProblem(IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        var range = java.util.regex.Pattern.compile("Invalid value for (\\w+) \\(valid values (\\d+) - (\\d+)\\): (\\S+)").matcher(m);
        if (range.find() && CRON_FIELDS.containsKey(range.group(1))) {
            return "the " + CRON_FIELDS.get(range.group(1)) + " " + range.group(4) + " is not " + range.group(2) + "-" + range.group(3);
        }
        var fields = java.util.regex.Pattern.compile("must consist of 6 fields \\(found (\\d+)").matcher(m);
        if (fields.find()) {
            return "it has " + fields.group(1) + " fields, not 6" + (fields.group(1).equals("5")
                    ? " (a crontab line's five fields: put the second, 0, before them)" : "");
        }
        return m.replaceAll(" in cron expression \".*\"$", "");
    }

    /**
     * The crontab form (minute hour day month weekday) of a job's Spring cron expression (with seconds, or a macro
     * such as @daily), converted by cron-utils. IllegalArgumentException when cron cannot express it: a schedule
     * that runs at a second other than 0 (e.g. every 30 seconds), or Spring-only fields such as L, W or #.
     */
    static String crontab(String springCron) {
        var spring = new com.cronutils.parser.CronParser(com.cronutils.model.definition.CronDefinitionBuilder
                .instanceDefinitionFor(com.cronutils.model.CronType.SPRING53));
        com.cronutils.model.Cron cron;
        try {
            cron = spring.parse(springCron.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + springCron + "' is not a cron expression: " + e.getMessage());
        }
        String seconds = cron.retrieve(com.cronutils.model.field.CronFieldName.SECOND).getExpression().asString();
        if (!seconds.equals("0")) {
            throw new IllegalArgumentException("'" + springCron + "' runs at seconds '" + seconds + "', and crontab has no seconds; "
                    + "use ./pb-annex schedule, or a schedule at second 0");
        }
        String unix;
        try {
            unix = com.cronutils.mapper.CronMapper.fromQuartzToUnix().map(com.cronutils.mapper.CronMapper.fromSpringToQuartz().map(cron))
                    .asString();
            new com.cronutils.parser.CronParser(com.cronutils.model.definition.CronDefinitionBuilder
                    .instanceDefinitionFor(com.cronutils.model.CronType.UNIX)).parse(unix).validate();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + springCron + "' uses what crontab cannot express (" + e.getMessage()
                    + "); use ./pb-annex schedule");
        }
        return unix;
    }
}
