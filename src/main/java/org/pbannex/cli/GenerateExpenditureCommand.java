package org.pbannex.cli;

import org.pbannex.runtime.ExitCodes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.expenditure.ExpenditureDimensions;
import org.pbannex.expenditure.ExpenditureGenerator;
import org.pbannex.expenditure.SyntheticMark;
import org.pbannex.reference.Biennium;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Writes a deterministic synthetic expenditure-line file, for tests, demonstrations and benchmarks. */
@Command(name = "generate-expenditure", mixinStandardHelpOptions = true,
        description = {"Write a synthetic expenditure-line file in the contract's format (same rows and seed, same file).",
                "The file name must start with 'synthetic', so that every table made from it says it is synthetic."})
public class GenerateExpenditureCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions.OneBiennium in;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Number of lines.")
    long rows;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (its name starts with 'synthetic').")
    Path out;

    @Option(names = "--bienniums", split = ",", paramLabel = "YYYY-YY",
            description = "Bienniums of the periods (default: the input's biennium and the three before it).")
    List<String> bienniums;

    @Option(names = "--ids", defaultValue = "sequential", paramLabel = "KIND",
            description = "Line ids: sequential (L0000000001, ...) or random (sparse 15-digit ids in no order, "
                    + "D483920193847561); default ${DEFAULT-VALUE}.")
    String ids;

    @Option(names = "--control", paramLabel = "FILE",
            description = "Control totals to scale to, in the format of extrabudgetary_estimates.csv (biennium,fund,outcome,usd_millions); e.g. input/2022-23/extrabudgetary_estimates.csv.")
    Path control;

    @Override
    public Integer call() throws IOException {
        if (rows < 1) {
            throw new ParameterException(spec.commandLine(), "--rows must be at least 1");
        }
        if (!SyntheticMark.namedSynthetic(out)) {
            throw new ParameterException(spec.commandLine(), "the file name must start with 'synthetic' (e.g. synthetic-10m.csv), so that "
                    + "everything made from it is marked synthetic");
        }
        Biennium current = in.oneBiennium();
        List<Biennium> periods = new ArrayList<>();
        if (bienniums == null) {
            for (int b = current.firstYear() - 6; b <= current.firstYear(); b += 2) {
                periods.add(new Biennium(b));
            }
        } else {
            for (String code : bienniums) {
                Biennium b = Biennium.parse(code);
                if (b == null) {
                    throw new ParameterException(spec.commandLine(), "not a biennium: '" + code + "' (expected e.g. 2022-23)");
                }
                periods.add(b);
            }
        }
        if (!ids.equals("sequential") && !ids.equals("random")) {
            throw new ParameterException(spec.commandLine(), "--ids is sequential or random, not '" + ids + "'");
        }
        long start = System.nanoTime();
        var sums = new ExpenditureGenerator(ExpenditureDimensions.loadForEveryPeriod(in.inputDir(), current), periods, controls())
                .withRandomIds(ids.equals("random")).write(out.toAbsolutePath(), rows, seed);
        System.out.printf("Wrote %s: %d lines, total %s US$, %.1f s%n", out, sums.lines(),
                BigDecimal.valueOf(sums.cents(), 2).toPlainString(), (System.nanoTime() - start) / 1e9);
        return ExitCodes.PUBLISHED;
    }

    private List<ExpenditureGenerator.Control> controls() throws IOException {
        if (control == null) {
            return List.of();
        }
        List<ExpenditureGenerator.Control> out = new ArrayList<>();
        List<String> lines = java.nio.file.Files.readAllLines(control);
        if (lines.isEmpty() || !lines.get(0).strip().equals("biennium,fund,outcome,usd_millions")) {
            throw new ParameterException(spec.commandLine(), control + ": expected the header biennium,fund,outcome,usd_millions");
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Biennium b = f.length == 4 ? Biennium.parse(f[0]) : null;
            if (b == null) {
                throw new ParameterException(spec.commandLine(), control + ": cannot read '" + line + "'");
            }
            long cents = new BigDecimal(f[3].strip()).movePointRight(8).longValueExact();
            out.add(new ExpenditureGenerator.Control(f[1], b.firstYear(), f[2].isEmpty() ? null : f[2], cents));
        }
        return out;
    }
}
