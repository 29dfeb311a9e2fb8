package org.pbannex.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;

/**
 * reviewers.csv held to its schema as every input file is, by check, by preflight of a job that sends to it and by
 * distribute, each with one line (file, line, column, reason) and status 3 (fix 80c): a list emptied to a header that is
 * not the descriptor's passed check unread; a data folder that kept the descriptor it was set up with (an older, looser
 * address pattern) passed addresses the mail library refuses (a..b@) or changes (zhāng@), found only by the sending;
 * a missing descriptor was named as "datapackage.json".
 */
class ReviewerListSchemaTest {

    /** The descriptor's address pattern before 33c2bf47, as a data folder set up then still has it. */
    private static final String OLD_PATTERN = "[^@\\\\s,;<>]+@[^@\\\\s,;<>]+\\\\.[^@\\\\s,;<>]+";

    @TempDir
    Path tmp;
    Path data;
    Path input;
    Map<String, String> settings;

    @BeforeEach
    void dataFolder() throws IOException {
        data = tmp.resolve("data");
        input = TestInputs.copyTree(Golden.input(), data.resolve("input"));
        Files.createDirectories(data.resolve("jobs"));
        Files.writeString(data.resolve("jobs/mailed.yml"), "tables: [a1]\nlanguages: [en]\nformats: [csv]\nreviewers: input\n");
        settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", data.toString());
    }

    @Test
    void checkPreflightAndDistributeRefuseABadListWithOneLine() throws IOException {
        CliRun run = CliRun.capture(settings, "run", "mailed", "--no-distribute");
        assertEquals(0, run.status(), run.toString());
        String runId = run.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1];
        String file = input.resolve("reviewers.csv").toString();

        // The old descriptor's looser pattern beside the list: the program's rule still holds.
        TestInputs.edit(input.resolve("reviewers.datapackage.json"), d -> {
            String older = d.replaceFirst("\"pattern\": \"[^\"]*\"", "\"pattern\": \"" + java.util.regex.Matcher.quoteReplacement(OLD_PATTERN) + "\"");
            assertTrue(older.contains("<>]+@"), older);
            return older;
        });
        Map<String, String> bad = Map.of(
                "name,email,language,tables\nLi Wei,a..b@example.org,zh,\n",
                file + ", line 2, column email: e-mail 'a..b@example.org' is not one address in plain ASCII",
                "name,email,language,tables\nLi Wei,li.wei@example.org,zh,\nZhang Min,zhāng@example.org,zh,\n",
                file + ", line 3, column email: e-mail 'zhāng@example.org' is not one address in plain ASCII",
                "name,email,language,tables\nLi Wei,li.wei@example.org,fr,\n",
                file + ", line 2, column language: 'fr' is not one of zh, en",
                "name,email,language,tables,phone\nLi Wei,li.wei@example.org,zh,,123\n",
                file + ", line 1, column phone: unexpected column",
                "nom,email,language,tables\n",
                file + ", line 1, column nom: unexpected column");
        for (var c : bad.entrySet()) {
            Files.writeString(input.resolve("reviewers.csv"), c.getKey());
            for (List<String> args : List.of(List.of("check"), List.of("distribute", runId, "--dry-run"))) {
                CliRun r = CliRun.capture(settings, args.toArray(String[]::new));
                assertEquals(3, r.status(), args + " of " + c.getKey() + r);
                List<String> lines = r.err().strip().lines().filter(l -> !l.contains("older than the program's")).toList();
                assertEquals(1, lines.size(), r.err());
                assertTrue(lines.get(0).startsWith("pb-annex: " + c.getValue()), args + ": " + lines.get(0));
            }
            CliRun preflight = CliRun.capture(settings, "preflight", "mailed");
            assertEquals(3, preflight.status(), preflight.toString());
            assertTrue(preflight.out().lines().anyMatch(l -> l.matches("FAILED\\s+reviewers\\s+.*") && l.contains(c.getValue())),
                    preflight.out());
        }

        // Emptied to its right header: an installation that sends nothing, no mistake.
        Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\n");
        CliRun empty = CliRun.capture(settings, "check", "--verbose");
        assertEquals(0, empty.status(), empty.toString());
        assertTrue(empty.out().contains("reviewers.csv: no reviewers\n"), empty.out());

        // The descriptor missing is named as it is.
        Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\nLi Wei,li.wei@example.org,zh,\n");
        Files.delete(input.resolve("reviewers.datapackage.json"));
        CliRun none = CliRun.capture(settings, "check");
        assertEquals(3, none.status(), none.toString());
        assertTrue(none.err().contains("reviewers.datapackage.json: input descriptor not found; the input folder must hold "
                + "reviewers.datapackage.json"), none.err());
    }

    /**
     * preflight of a job that sends to no one did not read reviewers.csv: a broken list was found only when a job that
     * sends to it ran (status 3, nothing published). Now it is read whenever it is there, its mistake said in one line
     * (file, line, column, reason), a WARNING that fails nothing of this job; a job that sends to it still FAILS, status 3.
     */
    @Test
    void preflightOfAJobThatSendsToNoOneWarnsOfABadList() throws IOException {
        Files.writeString(data.resolve("jobs/quiet.yml"), "tables: [a1]\nlanguages: [en]\nformats: [csv]\n");
        String file = input.resolve("reviewers.csv").toString();
        Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\nLi Wei,li.wei@example.org,fr,\n");
        String reason = file + ", line 2, column language: 'fr' is not one of zh, en";

        CliRun quiet = CliRun.capture(settings, "preflight", "quiet");
        assertEquals(0, quiet.status(), quiet.toString());
        List<String> said = quiet.out().lines().filter(l -> l.matches("\\S+\\s+reviewers\\s+.*")).toList();
        assertEquals(1, said.size(), quiet.out());
        assertTrue(said.get(0).matches("WARNING\\s+reviewers\\s+.*") && said.get(0).contains(reason + " (a job that sends to this "
                + "list, reviewers: input, would stop on it, status 3; this job sends to no one)"), said.get(0));
        assertTrue(quiet.out().contains("Ready: the job quiet can run unattended, with 1 WARNING above."), quiet.out());

        CliRun mailed = CliRun.capture(settings, "preflight", "mailed");
        assertEquals(3, mailed.status(), mailed.toString());
        assertEquals(List.of(true), mailed.out().lines().filter(l -> l.matches("\\S+\\s+reviewers\\s+.*"))
                .map(l -> l.matches("FAILED\\s+reviewers\\s+.*") && l.contains(reason)).toList(), mailed.out());

        // A good list, or none: nothing said of it.
        Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\nLi Wei,li.wei@example.org,zh,\n");
        CliRun good = CliRun.capture(settings, "preflight", "quiet");
        assertEquals(0, good.status(), good.toString());
        assertTrue(good.out().lines().noneMatch(l -> l.matches("\\S+\\s+reviewers\\s+.*")), good.out());
        Files.delete(input.resolve("reviewers.csv"));
        CliRun none = CliRun.capture(settings, "preflight", "quiet");
        assertEquals(0, none.status(), none.toString());
        assertTrue(none.out().lines().noneMatch(l -> l.matches("\\S+\\s+reviewers\\s+.*")), none.out());
    }
}
