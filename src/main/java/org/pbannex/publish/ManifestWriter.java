package org.pbannex.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pbannex.runtime.WriteFailed;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code manifest.json}: the machine-readable record of a run (inputs, checks, outputs with checksums), via Jackson. */
public final class ManifestWriter {

    public static final String FILE = "manifest.json";
    private static final String DATA_PACKAGE = "datapackage.json";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ManifestWriter.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ManifestWriter() {
    }

    record Manifest(@JsonProperty("run_id") String runId, String job, String biennium, String status,
                    @JsonProperty("exit_status") int exitStatus, @JsonProperty("failed_step") String failedStep, String cause,
                    @JsonProperty("started_at") String startedAt, @JsonProperty("finished_at") String finishedAt,
                    @JsonProperty("code_version") String codeVersion, @JsonProperty("input_checksum") String inputChecksum,
                    boolean partial, List<String> tables, List<String> languages, List<String> formats, List<Input> inputs,
                    @JsonProperty("expenditure_lines") List<Lines> expenditureLines, Checks checks,
                    @JsonProperty("printed_differences") List<Difference> printedDifferences, List<Output> outputs,
                    @JsonProperty("previous_run") Previous previousRun, @JsonProperty("data_package") String dataPackage,
                    @JsonProperty("restatement_inputs") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Input> restatementInputs,
                    @JsonProperty("program_inputs") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProgramInput> programInputs) {

        Manifest {
            programInputs = programInputs == null ? List.of() : programInputs; // a manifest written before they were listed
        }
    }

    record Input(String resource, String path, String sha256, int rows) {
    }

    /**
     * The program's own copy of an input file whose rows the run read beneath its input folder's (an older data folder's
     * texts.csv lacking keys an update added): the file in full, its checksum and rows, and how many of its keys were used.
     */
    record ProgramInput(String resource, String path, String sha256, int rows, @JsonProperty("keys_used") int keysUsed) {
    }

    /**
     * {@code left_out}: good lines of biennia after the run's, in no total of the run; a manifest written before they
     * were counted has none (read as 0: its runs stay readable by history, status and distribute).
     */
    record Lines(String file, long read, long accepted, @JsonProperty("left_out") Long leftOut, long rejected, long bytes,
                 boolean synthetic) {

        Lines {
            leftOut = leftOut == null ? 0L : leftOut;
        }
    }

    record Checks(int total, long passed, long failed, List<Check> results) {
    }

    /** {@code inputs}: where in the input to look, for a failed check (absent for one that passed). */
    record Check(String name, String table, String row, String expected, String actual, boolean passed,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) String inputs) {
    }

    record Difference(String table, String row, String column, String printed, String published, String explanation) {
    }

    public record Output(String path, long bytes, String sha256) {
    }

    record Previous(@JsonProperty("run_id") String runId, @JsonProperty("changed_tables") List<String> changedTables) {
    }

    public static void write(RunRecord run, Path dir) throws IOException {
        Manifest m = new Manifest(run.runId(), run.job(), run.biennium(), run.status(), run.exitStatus(), run.failedStep(),
                run.cause(), run.startedAt(), run.finishedAt(), run.codeVersion(), run.inputChecksum(), run.partial(), run.tables(),
                run.languages(), run.formats(),
                run.inputs().stream().map(f -> new Input(f.resource(), f.path(), f.sha256(), f.rows())).toList(),
                run.expenditure().stream().map(f -> new Lines(f.file(), f.read(), f.accepted(), f.leftOut(), f.rejected(), f.bytes(),
                        f.synthetic())).toList(),
                new Checks(run.checks().size(), run.checksPassed(), run.checksFailed(), run.checks().stream()
                        .map(c -> new Check(c.name(), c.table(), c.row(), c.expected(), c.actual(), c.passed(),
                                c.inputs())).toList()),
                run.printedDifferences().stream().map(d -> new Difference(d.table(), d.row(), d.column(), d.printed(),
                        d.published(), d.explanation().en())).toList(),
                run.outputs().stream().filter(o -> !o.path().equals(FILE)).map(o -> new Output(o.path(), o.bytes(), o.sha256()))
                        .toList(),
                run.previous().previousRunId() == null ? null : new Previous(run.previous().previousRunId(),
                        run.previous().tables().stream().filter(t -> !t.status().equals("unchanged")).map(RunDiff.TableChange::table)
                                .toList()),
                // The description of the run's CSVs (a Frictionless data package), where the run wrote them.
                Files.exists(dir.resolve(DATA_PACKAGE)) ? DATA_PACKAGE : null,
                run.comparison() == null ? List.of() : run.comparison().restatements().inputs().stream()
                        .map(f -> new Input(f.resource(), f.path(), f.sha256(), f.rows())).toList(),
                run.programInputs().stream().map(f -> new ProgramInput(f.resource(), f.path(), f.sha256(), f.rows(), f.keysUsed()))
                        .toList());
        String json = JSON.writeValueAsString(m) + "\n";
        WriteFailed.naming(dir.resolve(FILE), () -> Files.writeString(dir.resolve(FILE), json));
    }

    /**
     * Whether {@code o} is the report, rewritten beside its place as the manifest lists it and not yet moved there (its
     * process died between the two moves), now moved there.
     */
    private static boolean reportPutInPlace(Path dir, Output o) throws IOException {
        if (!o.path().equals(ReportWriter.FILE) || !listed(dir.resolve(ReportWriter.NEXT), o)) {
            return false;
        }
        ReportWriter.putNextInPlace(dir);
        LOG.warn("{}: the report rewritten as the manifest lists it put in place", dir);
        return listed(dir.resolve(o.path()), o);
    }

    /** Whether the file is there with the size and checksum the manifest lists for it. */
    private static boolean listed(Path f, Output o) throws IOException {
        return Files.isRegularFile(f) && Files.size(f) == o.bytes() && org.pbannex.ingest.InputSet.sha256(f).equals(o.sha256());
    }

    /**
     * The folder's manifest as it is, but listing output {@code path} with the size and checksum of {@code next}, its new
     * version written beside it (a report rewritten: {@link ReportWriter#distribution}), written beside the manifest and
     * moved into place; every other field as it was.
     */
    static void recordNext(Path dir, String path, Path next) throws IOException {
        tools.jackson.databind.node.ObjectNode m = (tools.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(dir.resolve(FILE)));
        boolean found = false;
        for (tools.jackson.databind.JsonNode o : m.path("outputs")) {
            if (o.path("path").asString().equals(path)) {
                ((tools.jackson.databind.node.ObjectNode) o).put("bytes", Files.size(next));
                ((tools.jackson.databind.node.ObjectNode) o).put("sha256", org.pbannex.ingest.InputSet.sha256(next));
                found = true;
            }
        }
        if (!found) {
            throw new IOException(dir.resolve(FILE) + " lists no " + path);
        }
        String json = JSON.writeValueAsString(m) + "\n";
        Path beside = dir.resolve("." + FILE + ".next");
        WriteFailed.naming(beside, () -> Files.writeString(beside, json));
        Files.move(beside, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A run folder's manifest, as {@link #write} wrote it. */
    static Manifest read(Path dir) throws IOException {
        return JSON.readValue(Files.readString(dir.resolve(FILE)), Manifest.class);
    }

    /** A failed run's failure as its manifest in failed/RUN-ID/ keeps it. */
    /** @param at when the run failed (the manifest's finished_at) */
    public record Failure(String step, int exitStatus, String cause, java.time.Instant at) {
    }

    /**
     * The failure the manifest in {@code dir} records for the run, when it was written at or after {@code since} (by the
     * attempt that began then, not an earlier one of the same run); empty when there is none such.
     */
    public static java.util.Optional<Failure> failure(Path dir, String runId, java.time.Instant since) {
        if (!Files.isRegularFile(dir.resolve(FILE))) {
            return java.util.Optional.empty();
        }
        try {
            Manifest m = read(dir);
            boolean ofThisAttempt = RunRecord.FAILED.equals(m.status()) && runId.equals(m.runId()) && m.finishedAt() != null
                    && !java.time.Instant.parse(m.finishedAt()).isBefore(since);
            return ofThisAttempt ? java.util.Optional.of(new Failure(m.failedStep(), m.exitStatus(), m.cause(),
                    java.time.Instant.parse(m.finishedAt()))) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.info("cannot read the failed run's manifest in {}: {}", dir, e.toString());
            return java.util.Optional.empty();
        }
    }

    /** The outputs a manifest lists (path, bytes, sha256), to verify that a published folder is still whole. */
    public static List<Output> outputs(Path dir) throws IOException {
        return read(dir).outputs();
    }

    /**
     * Whether every file the folder's manifest lists is there with its size and checksum. A report rewritten after the
     * run was published ({@link ReportWriter#distribution}) whose process died between the manifest and the report being
     * moved into place is put in place here, as the manifest lists it.
     */
    public static boolean intact(Path dir) {
        try {
            for (Output o : outputs(dir)) {
                Path f = dir.resolve(o.path());
                if (!listed(f, o) && !reportPutInPlace(dir, o)) {
                    LOG.info("{} is missing or changed since it was published", f);
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.info("cannot verify {} against its manifest: {}", dir, e.toString());
            return false;
        }
    }
}
