package org.pbannex;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.pbannex.cli.PbAnnexApplication;

/**
 * Runs the real command line in-process and captures its exit status, stdout and stderr. Each call can use its
 * own H2 database file so tests do not share state.
 */
public record CliRun(int status, String out, String err) {

    public static CliRun run(Path database, String... args) {
        if (database != null) {
            System.setProperty("spring.datasource.url", "jdbc:h2:file:" + database.toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        return capture(args);
    }

    /** Uses whatever spring.datasource.url the test has set (e.g. an embedded PostgreSQL). */
    public static CliRun capture(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = PbAnnexApplication.execute(args);
            return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Override
    public String toString() {
        return "status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
