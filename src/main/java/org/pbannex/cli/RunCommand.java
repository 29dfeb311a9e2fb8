package org.pbannex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.batch.RunParameters;

import org.pbannex.publication.TableCatalogue;
import org.pbannex.publication.CodeVersion;
import org.pbannex.publication.InputChecksum;
import org.pbannex.publication.RunRequest;
import org.pbannex.table.Language;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a job from jobs/ through Spring Batch and publishes its outputs. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job (jobs/<job>.yml): ingest, check, compute, render and publish to output/<biennium>/<run-id>/.")
public class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>", description = "Job name: a file jobs/<job>.yml, e.g. nightly or regenerate.")
    String job;

    @Mixin
    InputOptions in;

    @Option(names = "--rejects", description = "Put bad expenditure lines in a published rejects/expenditure.csv (with file, line, "
            + "column and reason) instead of stopping; the report counts read = accepted + rejected per file.")
    boolean rejects;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default: output/ of the installation).")
    Path output;

    @Option(names = "--tables", split = ",", paramLabel = "ID", description = "Only these tables, e.g. a1,a2 (default: the job's list).")
    List<String> tables;

    @Option(names = "--lang", split = ",", paramLabel = "LANG", description = "Editions: zh, en (default: the job's list).")
    List<String> languages;

    @Option(names = "--format", split = ",", paramLabel = "FMT", description = "Formats: xlsx, pdf, csv (default: the job's list).")
    List<String> formats;

    @Option(names = "--force", description = "Run even if these inputs were already published by this code version.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path home = PbAnnexApplication.home();
        JobDefinition def;
        try {
            def = JobDefinition.load(home.resolve("jobs"), job);
        } catch (JobDefinition.Invalid e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RunRequest request = request(def, home);
        String checksum = InputChecksum.of(request.input());
        String version = CodeVersion.of(home);
        JobParameters params = RunParameters.of(request, checksum, version, force ? Instant.now().toString() : null);
        long start = System.nanoTime();
        try (ConfigurableApplicationContext ctx = SpringRuntime.start()) {
            JobOperator operator = ctx.getBean(JobOperator.class);
            Job annexJob = ctx.getBean(Job.class);
            JobExecution execution;
            try {
                execution = operator.start(annexJob, params);
            } catch (JobInstanceAlreadyCompleteException e) {
                JobExecution last = ctx.getBean(JobRepository.class).getLastJobExecution(annexJob.getName(), params);
                String runId = last == null ? "?" : last.getExecutionContext().getString("runId", "?");
                System.out.println("Nothing to do: run " + runId + " already published these inputs with this code version. "
                        + "Use --force to run again.");
                return ExitCodes.PUBLISHED;
            } catch (JobExecutionAlreadyRunningException e) {
                System.err.println("pb-annex: the same job is already running on these inputs; wait for it to finish");
                return ExitCodes.INFRASTRUCTURE;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                Throwable failure = execution.getAllFailureExceptions().stream().findFirst()
                        .orElse(new IllegalStateException("job ended " + execution.getStatus()));
                System.err.println("pb-annex: " + ExitCodes.message(failure));
                return ExitCodes.of(failure);
            }
            printSummary(execution, request, seconds);
            return ExitCodes.PUBLISHED;
        } catch (Exception e) {
            if (e instanceof ParameterException p) {
                throw p;
            }
            System.err.println("pb-annex: " + ExitCodes.message(e));
            return ExitCodes.of(e);
        }
    }

    private RunRequest request(JobDefinition def, Path home) {
        List<String> t = tables != null ? tables : def.tables();
        List<String> l = languages != null ? languages : def.languages();
        List<String> f = formats != null ? formats : def.formats();
        for (String id : t) {
            if (!TableCatalogue.IDS.contains(id)) {
                throw new ParameterException(spec.commandLine(), "unknown table '" + id + "'; the tables are " + String.join(",", TableCatalogue.IDS));
            }
        }
        for (String code : l) {
            try {
                Language.of(code);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        for (String code : f) {
            if (!RunRequest.ALL_FORMATS.contains(code)) {
                throw new ParameterException(spec.commandLine(), "unknown format '" + code + "' (expected xlsx, pdf or csv)");
            }
        }
        // Only a run with every table, format and edition is complete enough to become "latest".
        boolean partial = (!t.isEmpty() && !t.containsAll(TableCatalogue.IDS)) || !f.containsAll(RunRequest.ALL_FORMATS)
                || !l.containsAll(java.util.Arrays.stream(Language.values()).map(Language::code).toList());
        Path out = (output == null ? home.resolve("output") : output).toAbsolutePath().normalize();
        return new RunRequest(def.name(), in.inputDir(), out, in.biennium, new ArrayList<>(t), new ArrayList<>(l), new ArrayList<>(f), partial,
                rejects);
    }

    private static void printSummary(JobExecution execution, RunRequest request, double seconds) {
        var ctx = execution.getExecutionContext();
        Path folder = Path.of(ctx.getString(RunParameters.PUBLISHED_FOLDER));
        System.out.println("Published: " + folder + (request.partial() ? "  (partial run: latest not moved)" : ""));
        if (!request.partial()) {
            System.out.println("Latest:    " + folder.resolveSibling("latest"));
        }
        System.out.printf("Run %s: %d tables, %d files, %d checks passed, %.1f s%n", ctx.getString("runId"),
                ctx.getInt(RunParameters.TABLE_COUNT), ctx.getInt(RunParameters.FILE_COUNT), ctx.getLong(RunParameters.CHECKS_PASSED), seconds);
    }
}
