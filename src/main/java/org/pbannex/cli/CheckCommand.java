package org.pbannex.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.UsageError;
import org.pbannex.table.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Validates the input and runs every reconciliation check, rendering and publishing nothing. Never opens a database. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the input and run every reconciliation check; writes nothing and needs no database.")
public class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions in;

    @Option(names = "--verbose", description = "List every check, not only the failed ones.")
    boolean verbose;

    @Override
    public Integer call() {
        List<Biennium> biennia;
        try {
            // Every biennium with a data folder, unless one (or all) is named.
            biennia = in.biennia(List.of(Publication.ALL));
        } catch (UsageError e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int worst = ExitCodes.PUBLISHED;
        for (Biennium biennium : biennia) {
            int status;
            try {
                status = check(biennium);
            } catch (RuntimeException e) {
                if (biennia.size() == 1) {
                    throw e;
                }
                System.err.println("pb-annex: " + biennium + ": " + ExitCodes.message(e));
                System.out.println(biennium + ": invalid input, exit status " + ExitCodes.of(e));
                status = ExitCodes.of(e);
            }
            worst = Math.max(worst, status);
        }
        return worst;
    }

    private int check(Biennium biennium) {
        long start = System.nanoTime();
        ComputedPublication pub = Publication.compute(in.inputDir(), biennium);
        for (CheckResult c : pub.checks().results()) {
            if (verbose || !c.passed()) {
                System.out.println((c.passed() ? "ok       " : "FAILED   ") + c.describe());
            }
        }
        var failures = pub.checks().failures();
        var r = pub.restatements();
        System.out.printf("%s: %d tables, %d checks passed, %d failed%s (%.1f s)%n", pub.inputs().biennium(),
                pub.tables().size(), pub.checks().passedCount(), failures.size(), r.compared() ? ", " + r.found().size()
                + " restatements of " + r.previous() : "", (System.nanoTime() - start) / 1e9);
        if (!failures.isEmpty()) {
            System.err.println("pb-annex: " + biennium + ": " + failures.size() + " check(s) failed; first: " + failures.get(0).describe());
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.PUBLISHED;
    }
}
