package org.pbannex.cli;

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
                System.out.println("  crontab: " + crontab(s.job().schedule()) + " cd " + home + " && ./pb-annex run " + s.job().name()
                        + " >> work/logs/" + s.job().name() + ".log 2>&1");
            }
            return ExitCodes.PUBLISHED;
        }
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
            int status = PbAnnexApplication.execute(args.toArray(String[]::new));
            System.out.println(LocalDateTime.now() + " " + next.job().name() + " ended with status " + status);
            worst = Math.max(worst, status);
            runs++;
        }
        return worst;
    }

    private List<Scheduled> scheduledJobs(Path home) {
        List<Scheduled> out = new ArrayList<>();
        for (String name : JobDefinition.names(home.resolve("jobs"))) {
            JobDefinition def;
            try {
                def = JobDefinition.load(home.resolve("jobs"), name);
            } catch (JobDefinition.Invalid e) {
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

    /** The system crontab has no seconds field: drop it. */
    static String crontab(String cronWithSeconds) {
        String[] f = cronWithSeconds.trim().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(f, 1, f.length));
    }
}
