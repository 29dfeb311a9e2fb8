package org.pbannex.cli;

import org.pbannex.runtime.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder passed to each run.")
    Path output;

    record Scheduled(JobDefinition job, CronExpression cron) {
    }

    @Override
    public Integer call() throws InterruptedException {
        Path home = PbAnnexApplication.home();
        List<Scheduled> jobs = scheduledJobs(home);
        if (jobs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no job in " + home.resolve("jobs") + " has a schedule");
        }
        if (print) {
            for (Scheduled s : jobs) {
                System.out.printf("%-12s %-18s next %s%n", s.job().name(), s.job().schedule(), s.cron().next(LocalDateTime.now()));
                String line;
                try {
                    line = crontab(s.job().schedule());
                } catch (IllegalArgumentException e) {
                    System.out.println("  crontab: none: " + e.getMessage());
                    continue;
                }
                // flock -n: a night whose run is still going skips this start instead of piling up behind it.
                System.out.println("  crontab: " + line + " cd " + home + " && flock -n work/cron-" + s.job().name() + ".lock ./pb-annex run "
                        + s.job().name() + " >> work/logs/" + s.job().name() + ".log 2>&1");
            }
            return ExitCodes.PUBLISHED;
        }
        preflight(jobs);
        int runs = 0;
        int worst = ExitCodes.PUBLISHED;
        while (maxRuns == null || runs < maxRuns) {
            LocalDateTime now = LocalDateTime.now();
            Scheduled next = jobs.stream().min(Comparator.comparing(s -> s.cron().next(now))).orElseThrow();
            LocalDateTime at = next.cron().next(now);
            System.out.println("next: " + next.job().name() + " at " + at);
            Thread.sleep(Math.max(0, Duration.between(LocalDateTime.now(), at).toMillis()));
            List<String> args = new ArrayList<>(List.of("run", next.job().name()));
            if (output != null) {
                args.addAll(List.of("--output", output.toString()));
            }
            int status = PbAnnexApplication.execute(PbAnnexApplication.overrides(), args.toArray(String[]::new));
            System.out.println(LocalDateTime.now() + " " + next.job().name() + " ended with status " + status);
            worst = Math.max(worst, status);
            runs++;
        }
        return worst;
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

    private List<Scheduled> scheduledJobs(Path home) {
        List<Scheduled> out = new ArrayList<>();
        for (String name : JobDefinition.names(home.resolve("jobs"))) {
            JobDefinition def;
            try {
                def = JobDefinition.load(home.resolve("jobs"), name);
            } catch (org.pbannex.runtime.UsageError e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (def.schedule() == null) {
                continue;
            }
            try {
                out.add(new Scheduled(def, CronExpression.parse(def.schedule())));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "jobs/" + name + ".yml: schedule '" + def.schedule()
                        + "' is not a cron expression (second minute hour day month weekday): " + e.getMessage());
            }
        }
        return out;
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
