package org.pbannex.batch;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.pbannex.publication.RunRequest;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Job parameters of the annex job. Identifying: the job definition, folders, selection, the inputs' checksum and
 * the code version, so the same inputs and code are recognised and a failed run restarts where it failed.
 */
public final class RunParameters {

    static final String JOB = "job";
    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String BIENNIUM = "biennium";
    static final String TABLES = "tables";
    static final String LANGUAGES = "languages";
    static final String FORMATS = "formats";
    static final String PARTIAL = "partial";
    static final String REJECTS = "rejects";
    static final String INPUT_CHECKSUM = "inputChecksum";
    static final String CODE_VERSION = "codeVersion";
    static final String FORCE = "force";

    /** Results the job leaves in its execution context for the command line to report. */
    public static final String PUBLISHED_FOLDER = "publishedFolder";
    public static final String TABLE_COUNT = "tableCount";
    public static final String FILE_COUNT = "fileCount";
    public static final String CHECKS_PASSED = "checksPassed";

    private RunParameters() {
    }

    public static JobParameters of(RunRequest r, String inputChecksum, String codeVersion, String force) {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(JOB, r.job())
                .addString(INPUT, r.input().toAbsolutePath().normalize().toString())
                .addString(OUTPUT, r.output().toAbsolutePath().normalize().toString())
                .addString(BIENNIUM, r.biennium() == null ? "" : r.biennium())
                .addString(TABLES, String.join(" ", r.tables()))
                .addString(LANGUAGES, String.join(" ", r.languages()))
                .addString(FORMATS, String.join(" ", r.formats()))
                .addString(PARTIAL, Boolean.toString(r.partial()))
                .addString(REJECTS, Boolean.toString(r.rejects()))
                .addString(INPUT_CHECKSUM, inputChecksum)
                .addString(CODE_VERSION, codeVersion);
        if (force != null) {
            b.addString(FORCE, force);
        }
        return b.toJobParameters();
    }

    public static RunRequest request(JobParameters p) {
        return new RunRequest(p.getString(JOB), Path.of(p.getString(INPUT)), Path.of(p.getString(OUTPUT)),
                p.getString(BIENNIUM), words(p.getString(TABLES)), words(p.getString(LANGUAGES)), words(p.getString(FORMATS)),
                Boolean.parseBoolean(p.getString(PARTIAL)), Boolean.parseBoolean(p.getString(REJECTS)));
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split(" "));
    }
}
