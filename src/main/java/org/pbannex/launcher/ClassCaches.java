package org.pbannex.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The class caches of fast start-up in the program's {@code target/app} (scripts/prepare-fast-start.sh), as the launcher
 * uses them: which are missing for the Java runtime that runs, and how to prepare them. Without one a command still
 * runs, only slower (5-10 x for a short one), which nobody would notice but as slowness: preflight says it.
 */
public final class ClassCaches {

    /** On JDK 25+ a cache per kind of command (the launcher's cache_of), with what starts slower without it. */
    private static final List<List<String>> AOT = List.of(
            List.of("pb-annex-run.aot", "a run with --tables, history, the warm process"),
            List.of("pb-annex-all.aot", "a run of every table"),
            List.of("pb-annex-check.aot", "check, status, --version"),
            List.of("pb-annex-expenditure.aot", "ingest-expenditure"));

    private ClassCaches() {
    }

    /**
     * What is missing from {@code program}'s target/app for a runtime of that major version, in a line that says what
     * to do; empty when nothing is.
     */
    public static Optional<String> missing(Path program, int javaFeature) {
        Path app = program.toAbsolutePath().normalize().resolve("target").resolve("app");
        if (!Files.isRegularFile(app.resolve("pb-annex.jar"))) {
            return Optional.of("not prepared (no " + app.resolve("pb-annex.jar") + "): commands run from the jar as built, "
                    + "slower; the launcher's next command prepares it (10-90 s)");
        }
        List<List<String>> expected = javaFeature >= 25 ? AOT : List.of(List.of("pb-annex.jsa", "every command"));
        List<List<String>> gone = expected.stream().filter(c -> !Files.isRegularFile(app.resolve(c.get(0)))).toList();
        if (gone.isEmpty()) {
            return Optional.empty();
        }
        Path log = app.resolve("training.log");
        boolean failed = Files.isRegularFile(log);
        String what = String.join(", ", gone.stream().map(c -> c.get(0) + " (for " + c.get(1) + ")").toList());
        // The launcher tries once more by itself after a failed training run (training.again: it did, and failed).
        String how = failed && !Files.exists(app.resolve("training.again"))
                ? "the launcher's next command prepares " + (gone.size() == 1 ? "it" : "them") + " again"
                : "rm -r " + app + " and the launcher's next command prepares fast start-up anew (10-90 s)";
        return Optional.of("missing from " + app + ": " + what + ": those commands start slower"
                + (failed ? "; a training run failed (" + log + ")" : "") + "; " + how);
    }
}
