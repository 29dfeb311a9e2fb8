package org.pbannex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.Lines;

/**
 * scripts/prepare-fast-start.sh, the launcher's preparation of the class caches on JDK 25+, run by bash against a
 * stand-in for java that makes each cache as a one-line file (the real training runs take half a minute and more; LauncherIT
 * prepares and uses the real caches): on two cores its training runs go in two lanes side by side, each in a scratch
 * folder of its own; on one, one after the other; a lane that fails is said once and its log kept, and the caches the
 * other lane made are kept. The training runs read the bundled input (target/bundled/, the build's copy of the repository's
 * own), never the user's input/; a missing cache is prepared again on its own (--missing, which the launcher asks for
 * once).
 */
class PrepareFastStartTest {

    @TempDir
    Path tmp;

    /** The installation folder, its name with a space, which a word split anywhere would break. */
    Path home;

    @org.junit.jupiter.api.BeforeEach
    void home() throws IOException {
        home = Files.createDirectories(tmp.resolve("pb annex"));
    }

    /**
     * A java that says what it was asked in the training log and in events.txt (its start and end, 0.3 s
     * apart); fails when its arguments contain failOn; writes the cache an -XX:AOTCacheOutput names. As the real
     * program's check does, it stops on any biennium's error: one in its installation folder's input/ (the user's
     * 2024-25 being prepared, below) fails it, and so does an installation folder without the bundled input.
     */
    private Path standInJava(String failOn) throws IOException {
        Path java = home.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/bin/bash
                args="$*"
                case "$args" in *-Djarmode=tools*) mkdir -p "${@: -1}"; exit 0 ;; esac
                out=""
                pbhome=""
                for a in "$@"; do case "$a" in -XX:AOTCacheOutput=*) out="${a#*=}" ;; -Dpb.home=*) pbhome="${a#*=}" ;; esac; done
                if [ -e "$pbhome/input/2024-25/budget.csv" ] || [ ! -f "$pbhome/input/2022-23/budget.csv" ]; then
                  echo "no: $pbhome/input/2024-25/budget.csv, line 2, column amount: not a number" >&2; exit 1
                fi
                command="${args##*.jar }"
                echo "java asked: $command"
                echo "start $command" >> "%1$s"
                # With RENDEZVOUS (two cores), the first command waits (at most 5 s) for the other lane's first to start,
                # so that lanes run side by side overlap however late a loaded machine starts one; lanes run one after
                # the other still do not.
                for i in $(seq 100); do
                  [ -z "${RENDEZVOUS:-}" ] && break
                  [ "$(grep -c '^start ' "%1$s")" -ge 2 ] && break
                  sleep 0.05
                done
                sleep 0.3
                echo "end $command" >> "%1$s"
                case "$args" in *"%2$s"*) echo "no: $command" >&2; exit 1 ;; esac
                [ -z "$out" ] || echo cache > "$out"
                """.formatted(home.resolve("events.txt"), failOn));
        assertTrue(java.toFile().setExecutable(true));
        return java;
    }

    /** Whether the stand-in's first command waits for the other lane's (the test of lanes side by side). */
    private boolean rendezvous;

    private Result prepare(Path java, String cores, String... options) throws Exception {
        Files.createDirectories(home.resolve("scripts"));
        Files.copy(Golden.home().resolve("scripts/prepare-fast-start.sh"), home.resolve("scripts/prepare-fast-start.sh"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/pb-annex.jar"), "a jar");
        // The build's copy of the repository's input; the user's input/ beside it has a 2024-25 still being prepared.
        for (Path input : List.of(home.resolve("target/bundled/input"), home.resolve("input"))) {
            Files.createDirectories(input.resolve("2022-23"));
            Files.writeString(input.resolve("2022-23/budget.csv"), "line,amount\n1,100\n");
        }
        Files.createDirectories(home.resolve("target/bundled/jobs"));
        Files.createDirectories(home.resolve("input/2024-25"));
        Files.writeString(home.resolve("input/2024-25/budget.csv"), "line,amount\n1,to come\n");
        Files.deleteIfExists(home.resolve("events.txt"));
        // nproc as the machine would answer it
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(bin.resolve("nproc"), "#!/bin/sh\necho " + cores + "\n");
        assertTrue(bin.resolve("nproc").toFile().setExecutable(true));
        List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("scripts/prepare-fast-start.sh").toString()));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("PB_JAVA", java.toString());
        pb.environment().put("PB_JAVA_MAJOR", "25");
        if (rendezvous) {
            pb.environment().put("RENDEZVOUS", "1");
        }
        // The scratch folders too (mktemp's), so that an option naming a cache there must stay one word.
        pb.environment().put("TMPDIR", Files.createDirectories(tmp.resolve("scratch space")).toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        List<String> events = Files.exists(home.resolve("events.txt")) ? Files.readAllLines(home.resolve("events.txt")) : List.of();
        return new Result(p.exitValue(), out, events);
    }

    private record Result(int status, String out, List<String> events) {
        /** Whether a command started while another was still running. */
        boolean overlapped() {
            int running = 0;
            for (String e : events) {
                running += e.startsWith("start ") ? 1 : -1;
                if (running > 1) {
                    return true;
                }
            }
            return false;
        }
    }

    private Path app() {
        return home.resolve("target/app");
    }

    @Test
    void onTwoCoresTheTrainingRunsGoInTwoLanesAndMakeEveryCache() throws Exception {
        Path java = standInJava("nothing fails");
        rendezvous = true;
        Result r = prepare(java, "2");
        assertEquals(0, r.status(), r.out());
        assertEquals("", r.out(), "nothing to say when every cache is made");
        for (String kind : List.of("run", "all", "check", "expenditure")) {
            assertTrue(Files.isRegularFile(app().resolve("pb-annex-" + kind + ".aot")), kind + ": " + r.events());
        }
        assertTrue(r.overlapped(), "two lanes side by side: " + r.events());
        // Each lane in its order: the one annex, then check; the database made by history, then every table, then the
        // generated lines and their ingest.
        List<String> started = r.events().stream().filter(e -> e.startsWith("start ")).map(e -> e.substring(6)).toList();
        assertTrue(Lines.firstStartingWith(started, "run regenerate --tables a2") < Lines.firstStartingWith(started, "check"), started.toString());
        assertTrue(Lines.firstStartingWith(started, "history") < Lines.firstStartingWith(started, "run regenerate --lang zh,en"), started.toString());
        assertTrue(Lines.firstStartingWith(started, "run regenerate --lang zh,en") < Lines.firstStartingWith(started, "generate-expenditure"), started.toString());
        assertTrue(Lines.firstStartingWith(started, "generate-expenditure") < Lines.firstStartingWith(started, "ingest-expenditure"), started.toString());
        // The stamp says which runtime the caches are for, written last.
        assertEquals(java.toString(), Files.readString(app().resolve("java.stamp")).strip());
        assertFalse(Files.exists(app().resolve("training.log")), "kept only when a training run failed");
    }

    @Test
    void onOneCoreTheyRunOneAfterTheOther() throws Exception {
        Result r = prepare(standInJava("nothing fails"), "1");
        assertEquals(0, r.status(), r.out());
        assertFalse(r.overlapped(), r.events().toString());
        assertEquals(4, List.of("run", "all", "check", "expenditure").stream()
                .filter(k -> Files.isRegularFile(app().resolve("pb-annex-" + k + ".aot"))).count());
    }

    @Test
    void aLaneThatFailsIsSaidOnceAndTheOtherLanesCachesAreKept() throws Exception {
        // The lane of every table fails at its first command (the database's making): its cache is missing; the ingest's,
        // the one annex's and check's are made.
        Result r = prepare(standInJava(" history"), "2");
        assertEquals(0, r.status(), "start-up is slower, nothing else: " + r.out());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("pb-annex: a class archive is missing (a training run failed; see " + app().resolve("training.log")),
                r.out());
        assertTrue(Files.isRegularFile(app().resolve("pb-annex-run.aot")));
        assertTrue(Files.isRegularFile(app().resolve("pb-annex-check.aot")));
        assertFalse(Files.exists(app().resolve("pb-annex-all.aot")));
        assertTrue(Files.isRegularFile(app().resolve("pb-annex-expenditure.aot")), r.events().toString());
        String log = Files.readString(app().resolve("training.log"));
        assertTrue(log.contains("no: history"), "the failing lane's log: " + log);
        assertTrue(log.contains("java asked: run regenerate --tables a2"), "and the other lane's: " + log);
    }

    @Test
    void aCacheThatFailedIsPreparedAgainOnItsOwnOnceAndASecondFailureIsSaidOnce() throws Exception {
        prepare(standInJava(" history"), "2");
        assertFalse(Files.exists(app().resolve("pb-annex-all.aot")));
        Path check = app().resolve("pb-annex-check.aot");
        Files.writeString(check, "the cache a command may be using");

        // Again, failing again: the launcher's second try, said in one line; it leaves its mark, so it is the last.
        Result again = prepare(standInJava(" history"), "2", "--missing");
        assertEquals(0, again.status(), again.out());
        assertEquals(1, again.out().lines().count(), again.out());
        assertTrue(again.out().startsWith("pb-annex: a class archive is still missing (a training run failed again; see "
                + app().resolve("training.log")), again.out());
        assertTrue(Files.isRegularFile(app().resolve("training.again")));
        assertEquals("the cache a command may be using", Files.readString(check), "the caches there are left alone");

        // Once it succeeds, only what was missing is recorded: the lane of every table, nothing else.
        Files.delete(app().resolve("training.again"));
        Result made = prepare(standInJava("nothing fails"), "2", "--missing");
        assertEquals(0, made.status(), made.out());
        assertEquals("", made.out());
        assertTrue(Files.isRegularFile(app().resolve("pb-annex-all.aot")));
        assertEquals("the cache a command may be using", Files.readString(check));
        List<String> started = made.events().stream().filter(e -> e.startsWith("start ")).map(e -> e.substring(6)).toList();
        assertTrue(started.stream().noneMatch(c -> c.startsWith("check") || c.startsWith("run regenerate --tables")
                || c.startsWith("ingest-expenditure")), started.toString());
        assertFalse(Files.exists(app().resolve("training.log")), "nothing missing: nothing for the launcher to try again");
        assertFalse(Files.exists(app().resolve("training.again")));
    }
}
