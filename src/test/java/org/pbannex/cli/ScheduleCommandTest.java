package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/** `pb-annex schedule` runs the jobs of jobs/*.yml at their cron times. */
class ScheduleCommandTest {

    @TempDir
    Path home;
    private final String realHome = System.getProperty("pb.home");

    @AfterEach
    void restoreHome() {
        System.setProperty("pb.home", realHome);
    }

    private void useHome(String jobYaml) throws Exception {
        TestInputs.copyOfBundledInput(home.resolve("input"));
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/fast.yml"), jobYaml);
        System.setProperty("pb.home", home.toString());
    }

    @Test
    void runsAJobWhenItsTimeComes() throws Exception {
        useHome("schedule: \"* * * * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        Path out = home.resolve("out");
        CliRun r = CliRun.run(home.resolve("db"), "schedule", "--max-runs", "1", "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("fast ended with status 0"), r.out());
        try (var runs = Files.list(out.resolve("2022-23"))) {
            assertTrue(runs.anyMatch(p -> Files.isRegularFile(p.resolve("csv/a1.csv"))));
        }
    }

    @Test
    void printsTheScheduleAsCrontabLines() throws Exception {
        useHome("schedule: \"0 30 2 * * *\"\ntables: all\n");
        CliRun r = CliRun.run(null, "schedule", "--print");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("crontab: 30 2 * * * cd " + home + " && ./pb-annex run fast"), r.out());
    }

    @Test
    void aBadCronExpressionIsAUsageError() throws Exception {
        useHome("schedule: \"every night\"\n");
        CliRun r = CliRun.run(null, "schedule", "--print");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("jobs/fast.yml: schedule 'every night' is not a cron expression"), r.err());
    }
}
