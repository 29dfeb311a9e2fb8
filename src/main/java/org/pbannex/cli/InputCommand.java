package org.pbannex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.inputbook.InputBookImport;
import org.pbannex.inputbook.InputBookWriter;
import org.pbannex.runtime.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs as one Excel workbook: export it, edit it in Excel, import it back (or run from it directly); a review's
 * copy adopted; a data folder's input brought in step with an updated program.
 */
@Command(name = "input", mixinStandardHelpOptions = true,
        description = {"Edit the inputs in Excel ('input export', 'input import'), adopt a review's copy ('input adopt'), upgrade them ('input upgrade').",
                "'input export' writes the workbook, 'input import' checks it and writes the CSV files; 'input adopt DIR' brings a "
                        + "copy made by 'review RETURNED.xlsx --apply DIR' into the input; 'input upgrade' gives the data folder's "
                        + "input (PB_HOME) what the program's input gained since it was copied."},
        subcommands = {InputCommand.Export.class, InputCommand.Import.class, InputCommand.Adopt.class, InputCommand.Upgrade.class})
public class InputCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: export, import, adopt or upgrade");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write one workbook with the biennium's data files and the reference lists (not the expenditure lines).")
    static class Export implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        InputOptions.OneBiennium in;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The workbook to write, e.g. inputs.xlsx.")
        Path out;

        @Option(names = "--lang", paramLabel = "LANG", description = "The language of its instructions, notes and messages: "
                + "zh or en (default: the installation's first edition, zh, as a job that names no languages); import reads either.")
        String lang;

        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            org.pbannex.table.Language language;
            try {
                language = lang == null ? JobDefinition.installationEdition() : org.pbannex.table.Language.of(lang);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lang: " + e.getMessage());
            }
            Path dir = in.inputDir();
            String biennium = in.oneBiennium().code();
            Path target = out.toAbsolutePath().normalize();
            if (Files.isDirectory(target)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--out " + out
                        + " is a folder: name the workbook to write, e.g. " + out.resolve("inputs.xlsx"));
            }
            String name = target.getFileName().toString();
            if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                // Excel opens a workbook by its name's ending: under another one it would not open it as one.
                String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--out " + out
                        + ": an input workbook is written as .xlsx, which Excel opens; name it e.g. " + base + ".xlsx");
            }
            Files.createDirectories(target.getParent());
            InputBookWriter.Summary s = InputBookWriter.write(dir, biennium, target, language);
            System.out.printf("Wrote %s: biennium %s, %d sheets, %d rows, its instructions and notes in %s (%.1f s)%n", out,
                    s.biennium(), s.sheets(), s.rows(), language.code(), (System.nanoTime() - start) / 1e9);
            return ExitCodes.PUBLISHED;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check every sheet of a workbook made by 'input export' and write its CSV files; nothing is written if a sheet is wrong.")
    static class Import implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "WORKBOOK", description = "The workbook, e.g. inputs.xlsx.")
        Path workbook;

        @Option(names = "--into", paramLabel = "DIR", description = "Input folder to write (default: input/ of the installation).")
        Path into;

        @Option(names = "--overwrite", description = "Replace files edited in the input folder since the workbook was "
                + "exported that the workbook changes too (without it, such an import is refused and nothing is written).")
        boolean overwrite;

        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            Path installationInput = PbAnnexApplication.settings().input();
            Path target = (into == null ? installationInput : into).toAbsolutePath().normalize();
            InputBookImport.Result r = InputBookImport.importInto(workbook, workbook.toString(), target, installationInput, overwrite);
            r.notes().forEach(n -> System.out.println("Note: " + n));
            r.warnings().forEach(w -> System.err.println("pb-annex: warning: " + w));
            int n = r.changed().size();
            System.out.printf("Imported %s (biennium %s) into %s: %d %s changed%s, %d unchanged (%.1f s)%n", workbook,
                    r.biennium(), r.into(), n, n == 1 ? "file" : "files",
                    n == 0 || n > 5 ? "" : " (" + String.join(", ", r.changed()) + ")",
                    r.unchanged().size(), (System.nanoTime() - start) / 1e9);
            return ExitCodes.PUBLISHED;
        }
    }

    @Command(name = "adopt", mixinStandardHelpOptions = true,
            description = {"Bring a copy made by 'review RETURNED.xlsx --apply DIR' into the input folder it was made from.",
                    "Once the copy passes check, only the files it changes are written, all of them or none; refused when a "
                            + "file of the input changed since the copy was made (nothing is written)."})
    static class Adopt implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DIR", description = "The copy written by review --apply DIR.")
        Path copy;

        @Override
        public Integer call() throws IOException {
            org.pbannex.review.AppliedCopy.Plan plan = org.pbannex.review.AppliedCopy.plan(copy);
            String into = org.pbannex.ingest.InputFolder.shown(plan.input());
            if (plan.changed().isEmpty()) {
                System.out.println("Nothing to adopt: " + copy + " changes no file of " + into);
                return ExitCodes.PUBLISHED;
            }
            // The copy as check checks it (every rule and reconciliation of its biennium; of every biennium where it
            // changes a file they share, reference/regions.csv), by the check command itself. Its failure is this
            // command's (picocli would print a nested command's exception as a stack trace).
            boolean ownFilesOnly = plan.changed().stream().allMatch(f -> f.startsWith(plan.biennium() + "/"));
            String biennia = ownFilesOnly ? plan.biennium() : org.pbannex.publication.Publication.ALL;
            RuntimeException[] failed = new RuntimeException[1];
            int checked = new picocli.CommandLine(new CheckCommand()).setExecutionExceptionHandler((e, line, parsed) -> {
                if (e instanceof RuntimeException r) {
                    failed[0] = r;
                    return ExitCodes.of(r);
                }
                throw e;
            }).execute("--input", copy.toString(), "--biennium", biennia);
            if (failed[0] instanceof org.pbannex.ingest.InputError e) { // the copy's bad input as check names it; nothing written
                throw notAdopted(e, into);
            } else if (failed[0] != null) {
                throw failed[0];
            }
            if (checked != ExitCodes.PUBLISHED) {
                System.err.println("pb-annex: " + copy + ": not adopted, since it does not pass ./pb-annex check --input "
                        + copy + (ownFilesOnly ? "" : " --biennium all") + " (above): nothing was written to " + into);
                return checked;
            }
            List<String> written = org.pbannex.review.AppliedCopy.adopt(plan);
            written.forEach(f -> System.out.println("Adopted: " + f));
            System.out.println("Adopted " + copy + " into " + into + ": " + written.size() + (written.size() == 1 ? " file" : " files")
                    + " written; ./pb-annex run nightly publishes them");
            return ExitCodes.PUBLISHED;
        }

        /**
         * The copy's bad input as check says it, and that nothing was written to the input folder {@code into}: one
         * sentence of the texts (report.cause.reason.not_adopted), the reason in it as check's, so that in another
         * language than stderr's English it is said whole in that language.
         */
        static org.pbannex.ingest.InputError notAdopted(org.pbannex.ingest.InputError e, String into) {
            Object reason = e.reasonSaid() != null ? e.reasonSaid() : new org.pbannex.ingest.Said.Written(e.reason(), e.reason());
            return new org.pbannex.ingest.InputError(e.file(), e.line(), e.column(),
                    org.pbannex.ingest.Said.of("not_adopted", "reason", reason, "folder", into));
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = {"Bring the data folder's input (PB_HOME's input/) in step with the program's after the program was updated.",
                    "The schema files (datapackage.json, reviewers.datapackage.json) are replaced by the program's; texts.csv gets the "
                            + "keys it lacks, and the program's row where a row's placeholders changed (other wording is kept); the "
                            + "other reference files get the program's new columns, filled from its rows, and its new files. The "
                            + "biennia's data, and every row that differs from the program's, is only reported. Each file changed is "
                            + "kept first, as it was, in "
                            + "input/.upgraded-<UTC time>/: copying it back (with the old program) rolls back."})
    static class Upgrade implements Callable<Integer> {

        @Option(names = "--dry-run", description = "Say what would change; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws IOException {
            var settings = PbAnnexApplication.settings();
            Path data = settings.input();
            Path program = settings.program().resolve("input");
            if (!Files.isDirectory(data)) {
                throw new org.pbannex.ingest.InputError(data.toString(), 0, "", org.pbannex.ingest.Said.of("no_input_folder"));
            }
            if (org.pbannex.upgrade.UpgradePlan.sameFolder(data, program)) {
                System.out.println("Nothing to upgrade: the input " + data + " is the program's own (same folder)");
                return ExitCodes.PUBLISHED;
            }
            org.pbannex.upgrade.UpgradePlan plan = org.pbannex.upgrade.UpgradePlan.of(data, program);
            plan.notes().forEach(n -> System.out.println("Note: " + n));
            if (plan.changes().isEmpty()) {
                System.out.println("Nothing to upgrade: " + data + " is in step with the program's input (" + program + ")");
                return ExitCodes.PUBLISHED;
            }
            Path kept = org.pbannex.upgrade.UpgradeWriter.keptIn(data, java.time.Instant.now());
            List<String> added = plan.added(); // before writing: then they exist
            if (!dryRun) {
                org.pbannex.upgrade.UpgradeWriter.write(plan, kept);
            }
            plan.changes().forEach(c -> System.out.println((dryRun ? "Would upgrade: " : "Upgraded: ") + c.file() + ": " + c.what()));
            String files = org.pbannex.runtime.Counted.of(plan.changes().size(), "file", "files");
            System.out.println(dryRun
                    ? "Dry run: " + files + " of " + data + " would change, from the program's input (" + program + "); nothing was "
                            + "written (./pb-annex input upgrade writes them, keeping the old ones in " + data.resolve(".upgraded-<UTC time>") + "/)"
                    : "Upgraded " + data + " from the program's input (" + program + "): " + files + " changed; the old ones are kept in "
                            + kept + "/ (to roll back: copy them back into " + data + ", with the old program"
                            + (added.isEmpty() ? "" : ", and remove the " + (added.size() == 1 ? "file" : "files") + " it had not, "
                            + String.join(", ", added)) + "); ./pb-annex check tells whether the input passes");
            return ExitCodes.PUBLISHED;
        }
    }
}
