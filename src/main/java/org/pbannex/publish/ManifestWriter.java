package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** {@code manifest.json}: the machine-readable record of a run (inputs, checks, outputs with checksums). */
public final class ManifestWriter {

    public static final String FILE = "manifest.json";

    private ManifestWriter() {
    }

    /** A map that keeps the order its keys are given in, so manifests are stable to read and to diff. */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public static void write(RunRecord run, Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", run.runId());
        m.put("job", run.job());
        m.put("biennium", run.biennium());
        m.put("started_at", run.startedAt());
        m.put("finished_at", run.finishedAt());
        m.put("code_version", run.codeVersion());
        m.put("input_checksum", run.inputChecksum());
        m.put("partial", run.partial());
        m.put("tables", run.tables());
        m.put("languages", run.languages());
        m.put("formats", run.formats());
        m.put("inputs", run.inputs().stream().map(f -> ordered("resource", f.resource(), "path", f.path(),
                "sha256", f.sha256(), "rows", f.rows())).toList());
        m.put("expenditure_lines", run.expenditure().stream().map(f -> ordered("file", f.file(), "read", f.read(),
                "accepted", f.accepted(), "rejected", f.rejected(), "bytes", f.bytes(), "synthetic", f.synthetic())).toList());
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("total", run.checks().size());
        checks.put("passed", run.checksPassed());
        checks.put("failed", run.checksFailed());
        checks.put("results", run.checks().stream().map(c -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", c.name());
            r.put("table", c.table());
            r.put("row", c.row());
            r.put("expected", c.expected());
            r.put("actual", c.actual());
            r.put("passed", c.passed());
            return r;
        }).toList());
        m.put("checks", checks);
        m.put("printed_differences", run.printedDifferences().stream().map(d -> ordered("table", d.table(), "row", d.row(),
                "column", d.column(), "printed", d.printed(), "published", d.published(), "explanation", d.explanation().en())).toList());
        m.put("outputs", run.outputs().stream().filter(o -> !o.path().equals(FILE))
                .map(o -> ordered("path", o.path(), "bytes", o.bytes(), "sha256", o.sha256())).toList());
        m.put("previous_run", run.previous().previousRunId() == null ? null : ordered("run_id", run.previous().previousRunId(),
                "changed_tables", run.previous().tables().stream().filter(t -> !t.status().equals("unchanged"))
                        .map(RunDiff.TableChange::table).toList()));
        Files.writeString(dir.resolve(FILE), JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(m) + "\n");
    }

}
