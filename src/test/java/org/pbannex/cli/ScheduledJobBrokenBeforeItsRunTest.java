package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * A job file broken after the schedule last read it and before its run: the run refuses it and notes the failure, and
 * the schedule, reading the file again after the run, does not note it a second time. (No mail server: the failure is
 * noted in the job's status whether or not anyone is mailed.)
 */
class ScheduledJobBrokenBeforeItsRunTest {

    @TempDir
    Path home;

    @Test
    void aJobFileBrokenJustBeforeItsRunIsOneFailure() throws Exception {
        TestInputs.copyOfBundledInput(home.resolve("input"));
        Files.createDirectories(home.resolve("jobs"));
        // Due at one second of the minute, 30 s from now: time for the schedule's preflight (seconds on a loaded machine),
        // then for the edit.
        int second = (LocalTime.now().getSecond() + 30) % 60;
        String job = "schedule: \"" + second + " * * * * *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n";
        Files.writeString(home.resolve("jobs/fast.yml"), job);
        Map<String, String> settings = new HashMap<>(CliRun.h2(home.resolve("db")));
        settings.put("pb.home", home.toString());
        // The installation's own output folder: a schedule's --output makes its runs trials, whose failures are not the job's.
        settings.put("pb.output", home.resolve("out").toString());
        var schedule = CompletableFuture.supplyAsync(() -> CliRun.capture(settings, "schedule", "--max-runs", "1"));
        // The schedule has read the jobs once its preflight has opened the database.
        for (int i = 0; i < 250 && !Files.exists(home.resolve("db.mv.db")); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(home.resolve("db.mv.db")), "the schedule's preflight did not open the database in 25 s");
        Thread.sleep(1000);
        Files.writeString(home.resolve("jobs/fast.yml"), job.replace("tables:", "tabels:"));
        CliRun r = schedule.get(3, TimeUnit.MINUTES);
        assertTrue(r.out().contains("fast ended with status 2"), r.toString());

        CliRun status = CliRun.capture(settings, "status", "fast");
        assertEquals(5, status.status(), status.toString());
        assertTrue(status.out().contains("1 failure, the last: ") && status.out().contains("tabels"), status.toString());
    }
}
