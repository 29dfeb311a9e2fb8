package org.pbannex.run;

import org.pbannex.publication.RunRequest;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annex job's parameters. Identifying: the run request (job, folders, biennium, tables, editions, formats, as
 * JSON written and read by Jackson), the inputs' checksum and the code version, so the same inputs and code are
 * recognised and a failed run restarts where it failed; {@code attempt} makes a new instance when one is wanted
 * anyway (--force, or a published run that has gone missing). Not identifying: {@code distribute=false} when the run is
 * not to be sent to the job's reviewers (the same inputs published without sending them are the same publication).
 */
public final class RunParameters {

    static final String REQUEST = "request";
    static final String INPUT_CHECKSUM = "inputChecksum";
    static final String CODE_VERSION = "codeVersion";
    public static final String ATTEMPT = "attempt";
    static final String DISTRIBUTE = "distribute";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The request as it is kept: plain strings, so the same request always gives the same text (and job instance). */
    private record Stored(String job, String input, String output, String biennium, java.util.List<String> tables,
                          java.util.List<String> languages, java.util.List<String> formats, boolean rejects, boolean csvBom) {

        static Stored of(RunRequest r) {
            return new Stored(r.job(), r.input().toString(), r.output().toString(), r.biennium().code(), r.tables(),
                    r.languages().stream().map(org.pbannex.table.Language::code).toList(),
                    r.formats().stream().map(org.pbannex.publication.OutputFormat::code).toList(), r.rejects(), r.csvBom());
        }

        RunRequest request() {
            return new RunRequest(job, java.nio.file.Path.of(input), java.nio.file.Path.of(output),
                    org.pbannex.reference.Biennium.parse(biennium), tables,
                    languages.stream().map(org.pbannex.table.Language::of).toList(),
                    formats.stream().map(org.pbannex.publication.OutputFormat::of).toList(), rejects, csvBom);
        }
    }

    private RunParameters() {
    }

    /**
     * @param attempt    null for the normal case; any new value makes a new job instance
     * @param distribute false: publish without sending the run to the job's reviewers
     */
    public static JobParameters of(RunRequest r, String inputChecksum, String codeVersion, String attempt, boolean distribute) {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(REQUEST, JSON.writeValueAsString(Stored.of(r)))
                .addString(INPUT_CHECKSUM, inputChecksum)
                .addString(CODE_VERSION, codeVersion);
        if (attempt != null) {
            b.addString(ATTEMPT, attempt);
        }
        if (!distribute) {
            b.addString(DISTRIBUTE, "false", false);
        }
        return b.toJobParameters();
    }

    /** Whether the run is sent to its job's reviewers after publishing (unless the command said --no-distribute). */
    public static boolean distributes(JobParameters p) {
        return !"false".equals(p.getString(DISTRIBUTE));
    }

    public static RunRequest request(JobParameters p) {
        return JSON.readValue(p.getString(REQUEST), Stored.class).request();
    }

    /**
     * Whether two runs' parameters ask for the same work: the same request (job, output, biennium, tables, editions,
     * formats) wherever its input was read from, since the same input checksum says the files are the same (a run from
     * the input workbook reads a folder of its own; a trial may read a copy).
     */
    public static boolean sameWork(JobParameters a, JobParameters b) {
        RunRequest x = request(a);
        RunRequest y = request(b);
        return x.equals(new RunRequest(y.job(), x.input(), y.output(), y.biennium(), y.tables(), y.languages(), y.formats(),
                y.rejects(), y.csvBom())) && inputChecksum(a).equals(inputChecksum(b));
    }

    public static String inputChecksum(JobParameters p) {
        return p.getString(INPUT_CHECKSUM);
    }

    public static String codeVersion(JobParameters p) {
        return p.getString(CODE_VERSION);
    }

    public static JobParameters withAttempt(JobParameters p, String attempt) {
        return new JobParametersBuilder(p).addString(ATTEMPT, attempt).toJobParameters();
    }
}
