package org.pbannex.cli;

import java.util.concurrent.Callable;
import org.pbannex.publish.RunHistory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists recent runs from the run history in the database. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List recent runs, newest first.")
public class HistoryCommand implements Callable<Integer> {

    @Option(names = "--limit", defaultValue = "20", description = "How many runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = SpringRuntime.start()) {
            var runs = ctx.getBean(RunHistory.class).recent(limit);
            if (runs.isEmpty()) {
                System.out.println("No runs yet. Start one with: ./pb-annex run nightly");
                return ExitCodes.PUBLISHED;
            }
            System.out.printf("%-26s %-10s %-8s %-9s %-20s %-7s %s%n", "RUN", "JOB", "BIENNIUM", "STATUS", "STARTED", "CHECKS", "OUTPUT / MESSAGE");
            for (RunHistory.Entry e : runs) {
                String checks = e.checksPassed() == null ? "-" : e.checksPassed() + (e.checksFailed() != null && e.checksFailed() > 0 ? "/" + e.checksFailed() + "!" : "");
                String where = e.outputDir() != null ? e.outputDir() + (e.partial() ? " (partial)" : "") : e.message();
                System.out.printf("%-26s %-10s %-8s %-9s %-20s %-7s %s%n", e.runId(), e.job(), e.biennium(), e.status(),
                        e.startedAt().toInstant().toString().replace("T", " ").replace("Z", ""), checks, where);
            }
            return ExitCodes.PUBLISHED;
        }
    }
}
