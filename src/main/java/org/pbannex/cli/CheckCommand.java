package org.pbannex.cli;

import java.util.concurrent.Callable;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.runtime.ExitCodes;
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
        long start = System.nanoTime();
        Biennium biennium;
        try {
            biennium = Publication.biennium(in.inputDir(), in.biennium);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ComputedPublication pub = Publication.compute(in.inputDir(), biennium);
        for (CheckResult c : pub.checks().results()) {
            if (verbose || !c.passed()) {
                System.out.println((c.passed() ? "ok       " : "FAILED   ") + c.describe());
            }
        }
        var failures = pub.checks().failures();
        System.out.printf("%s: %d tables, %d checks passed, %d failed (%.1f s)%n", pub.inputs().biennium(),
                pub.tables().size(), pub.checks().passedCount(), failures.size(), (System.nanoTime() - start) / 1e9);
        if (!failures.isEmpty()) {
            System.err.println("pb-annex: " + failures.size() + " check(s) failed; first: " + failures.get(0).describe());
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.PUBLISHED;
    }
}
