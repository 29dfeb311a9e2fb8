package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbannex.SmallHeap;

/**
 * The tests of a 64 MB heap ({@code @Tag("bounded-memory")}: expenditure lines three times the heap, and 200 000
 * duplicates, on each engine) in a JVM started with -Xmx64m ({@link SmallHeap}), each class in one. Run by failsafe,
 * beside the launcher's tests: they took a surefire execution of their own, after the other tests, about 40-60 s in
 * which one JVM worked; surefire's JVMs leave them out.
 */
class BoundedMemoryIT {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(classes = {BoundedMemoryTest.class, PostgresBoundedMemoryTest.class})
    void passInA64MbHeap(Class<?> tests) throws Exception {
        if (tests == PostgresBoundedMemoryTest.class) {
            // The embedded server's binaries unpacked once, here: unpacking them (the test's set-up, not what it measures)
            // takes more than 64 MB; the small heap's JVM then finds them unpacked in the same temporary folder.
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start().close();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path")));
        for (String property : List.of("pb.home", "pb.golden")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of(SmallHeap.class.getName(), tests.getName()));
        Path log = tmp.resolve("small-heap.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String said = Files.readString(log);
        assertEquals(0, p.isAlive() ? -1 : p.exitValue(), tests.getSimpleName() + " in a 64 MB heap:\n"
                + said.substring(Math.max(0, said.length() - 20_000)));
    }
}
