package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;

/**
 * The commands pb-annex prints for what to do next work typed as printed: a run published into another output folder
 * than the installation's is found there only, so distribute is printed with --output DIR (it said "no published run"
 * in the installation's folder, a tester found), and review of its workbook names the folder history knows.
 */
class FollowUpCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void aRunIntoAnotherOutputFolderIsNamedWithItInTheCommandsPrinted() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/jobs")).getParent();
        Files.writeString(home.resolve("jobs/review.yml"), "tables: [a2-1]\nlanguages: [en]\nformats: [xlsx, csv]\n"
                + "reviewers: [{name: Ana Silva, email: ana.silva@example.org, language: en}]\n");
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", Golden.input().toString());
        settings.put("pb.output", tmp.resolve("installation-output").toString());
        Path trial = tmp.resolve("trial-output").toAbsolutePath().normalize();

        CliRun r = CliRun.capture(settings, "run", "review", "--no-distribute", "--output", trial.toString());
        assertEquals(0, r.status(), r.toString());
        String runId = r.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1];
        String printed = "./pb-annex distribute " + runId + " --output " + trial;
        assertTrue(r.out().contains("Not sent to its 1 reviewers (--no-distribute): " + printed + " sends it"), r.out());

        // Typed as printed (a dry run here: no mail server), it finds the run.
        CliRun typed = CliRun.capture(settings, (printed.substring("./pb-annex ".length()) + " --dry-run").split(" "));
        assertEquals(0, typed.status(), typed.toString());
        assertTrue(Files.isRegularFile(trial.resolve("2022-23").resolve(runId).resolve("distribution/01-ana.silva@example.org.eml")),
                typed.out());

        Path workbook = Files.copy(trial.resolve("2022-23").resolve(runId).resolve("pb-annexes-2022-23.en.xlsx"),
                tmp.resolve("returned.xlsx"));
        CliRun review = CliRun.capture(settings, "review", workbook.toString());
        assertEquals(3, review.status(), review.toString());
        assertEquals("pb-annex: " + workbook + ": the workbook comes from run " + runId + ", which is not published in "
                + tmp.resolve("installation-output") + ": the run history says it was published to " + trial.resolve("2022-23")
                .resolve(runId) + ": ./pb-annex review " + workbook + " --output " + trial, review.err().strip());
    }
}
