package org.pbannex.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pbannex.distribute.Distributor;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.pbannex.inputbook.InputBookReader;
import org.pbannex.inputbook.InputBookReader.Cell;
import org.pbannex.inputbook.InputBookReader.Sheet;
import org.pbannex.publish.PublishedRun;

/**
 * Where a returned workbook comes from: the run its cover, run sheet or document properties name (else the run that
 * started when it was made), and which of that run's workbooks it was made from (an edition's, or a reviewer's
 * subset in distribution/).
 */
final class WorkbookOrigin {

    private WorkbookOrigin() {
    }

    /** The run a returned workbook says it comes from, and what says so (a Said of report.cause.reason.run_said.*). */
    record Origin(String runId, Said said) {
    }

    /**
     * The run id on the cover; else on the run sheet (a cover deleted or moved by the reviewer); else in the document
     * properties' description, which survives both sheets deleted (found by an exploratory test: a workbook of an older
     * run with neither sheet, reviewed with --run naming a newer one, took every difference between the runs for the
     * reviewer's and --apply wrote them back); null when none holds one.
     */
    static Origin origin(List<Sheet> back, InputBookReader.Properties properties) {
        for (Sheet s : back) {
            String id = runIdIn(s);
            if (id != null) {
                return new Origin(id, Said.of("run_said.sheet", "sheet", s.name()));
            }
        }
        String described = properties.description().map(PublishedRun::runIdIn).orElse(null);
        return described == null ? null : new Origin(described, Said.of("run_said.properties"));
    }

    /**
     * A workbook that names no run: the other run of its biennium that started when the workbook says it was made (the
     * writer stamps a run's start, to the second, as the workbook's creation time); null when the named run started then,
     * or none did (an office program that stamps its own time proves nothing).
     */
    static Origin startedWhenMade(Path bienniumFolder, java.time.Instant created, PublishedRun named) throws IOException {
        java.time.Instant made = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (startedAt(named).equals(made)) {
            return null;
        }
        for (String id : org.pbannex.publish.RunRetention.publishedRuns(bienniumFolder)) {
            PublishedRun other = PublishedRun.read(bienniumFolder.resolve(id));
            if (startedAt(other).equals(made)) {
                return new Origin(id, Said.of("run_said.created", "time", made.toString()));
            }
        }
        return null;
    }

    /** The one published run in the output folder, of any biennium, that started when the workbook was made; else null. */
    static Origin startedWhenMade(Path outputRoot, java.time.Instant created) throws IOException {
        java.time.Instant made = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!Files.isDirectory(outputRoot)) {
            return null;
        }
        List<String> found = new ArrayList<>();
        try (var biennia = Files.list(outputRoot)) {
            for (Path folder : biennia.filter(Files::isDirectory).sorted().toList()) {
                for (String id : org.pbannex.publish.RunRetention.publishedRuns(folder)) {
                    if (startedAt(PublishedRun.read(folder.resolve(id))).equals(made)) {
                        found.add(id);
                    }
                }
            }
        }
        return found.size() == 1 ? new Origin(found.get(0), Said.of("run_said.created", "time", made.toString())) : null;
    }

    private static java.time.Instant startedAt(PublishedRun run) {
        return java.time.Instant.parse(run.startedAt()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** A workbook whose run is not the one --run names: which it is, and what says so. */
    static InputError otherRun(String shown, Origin origin, String runOption) {
        return new InputError(shown, 0, "", Said.of("cover_other_run", "cover", origin.runId(), "run", runOption, "where", origin.said()));
    }

    /** The run id in a sheet (the cover's run line). */
    static String runIdIn(Sheet cover) {
        for (InputBookReader.Row r : cover.rows()) {
            for (Cell c : r.cells()) {
                String id = c.kind() == InputBookReader.Kind.TEXT ? PublishedRun.runIdIn(c.value()) : null;
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** A workbook of the run: an edition's, or one of some tables made for a reviewer (in distribution/). */
    record Published(String language, List<String> tables, List<Sheet> sheets) {
    }

    /**
     * The run's workbook the returned one was made from: the one whose sheets it shares most, less those it lacks (a
     * reviewer of some tables gets a workbook of those only, named pb-annexes-<biennium>.<lang>.<id>_<id>.xlsx).
     */
    static Optional<Published> closest(PublishedRun run, List<Sheet> back) throws IOException {
        List<Published> candidates = new ArrayList<>();
        for (String lang : run.languages()) {
            if (Files.isRegularFile(run.workbook(lang))) {
                candidates.add(new Published(lang, run.tables(), InputBookReader.read(run.workbook(lang), run.workbook(lang).toString())));
            }
        }
        Path subsets = run.folder().resolve(Distributor.FOLDER);
        Pattern name = Pattern.compile("pb-annexes-" + Pattern.quote(run.biennium()) + "\\.(zh|en)\\.([a-z0-9_-]+)\\.xlsx");
        if (Files.isDirectory(subsets)) {
            try (Stream<Path> s = Files.list(subsets)) {
                for (Path f : s.sorted().toList()) {
                    Matcher m = name.matcher(f.getFileName().toString());
                    if (m.matches() && run.languages().contains(m.group(1))) {
                        candidates.add(new Published(m.group(1), List.of(m.group(2).split("_")), InputBookReader.read(f, f.toString())));
                    }
                }
            }
        }
        List<String> returned = back.stream().map(Sheet::name).toList();
        Published best = null;
        long score = 0;
        for (Published p : candidates) {
            List<String> names = p.sheets().stream().map(Sheet::name).toList();
            long shared = returned.stream().filter(names::contains).count();
            long s = shared - names.stream().filter(n -> !returned.contains(n)).count();
            if (shared > 0 && (best == null || s > score)) {
                best = p;
                score = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Where history says the run was published: review it there (--output), or its folder was removed since. */
    static Said whereRecorded(Path runFolder, String shown, Path outputRoot) {
        Path root = runFolder.toAbsolutePath().normalize().getParent().getParent();
        if (java.nio.file.Files.isDirectory(runFolder)) {
            return Said.of("published_in.there", "folder", runFolder.toString(), "file", shown, "output",
                    org.pbannex.publish.FollowUp.output(root, outputRoot));
        }
        return Said.of("published_in.removed", "folder", runFolder.toString());
    }
}
