package org.pbannex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.RenderTarget;
import org.pbannex.publication.RunRequest;
import org.pbannex.table.Language;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * The outputs are handed to the render threads in a fixed order that keeps the two PDFs apart: with Spring Batch's
 * hash order, both were laid out at once in 11 of 40 nightly runs, and those peaked at 308-320 MB instead of 285-294;
 * with the second PDF after a share of the other outputs, in seven of eight (294-303 MB), so it now comes last.
 */
class RenderOrderTest {

    private static List<String> names(List<Language> languages, List<OutputFormat> formats) {
        RunRequest request = new RunRequest("nightly", Path.of("input"), Path.of("output"), null, List.of(), languages, formats, false);
        return RenderTarget.of(request).stream().map(RenderTarget::name).toList();
    }

    @Test
    void aPdfComesFirstAndTheOtherPdfAfterEveryOtherOutput() {
        List<OutputFormat> all = List.of(OutputFormat.values());
        assertEquals(List.of("pdf-zh", "xlsx-zh", "html-zh", "xlsx-en", "html-en", "csv", "pdf-en"),
                names(List.of(Language.ZH, Language.EN), all));
        assertEquals(List.of("pdf-zh", "xlsx-zh", "xlsx-en", "csv", "pdf-en"), names(List.of(Language.ZH, Language.EN),
                List.of(OutputFormat.XLSX, OutputFormat.PDF, OutputFormat.CSV)));
        assertEquals(List.of("pdf-en", "xlsx-en", "html-en", "csv"), names(List.of(Language.EN), all));
        assertEquals(List.of("pdf-zh", "xlsx-zh", "csv"),
                names(List.of(Language.ZH), List.of(OutputFormat.XLSX, OutputFormat.PDF, OutputFormat.CSV)));
        assertEquals(List.of("pdf-zh", "pdf-en"), names(List.of(Language.ZH, Language.EN), List.of(OutputFormat.PDF)));
        assertEquals(List.of("xlsx-zh", "xlsx-en", "csv"),
                names(List.of(Language.ZH, Language.EN), List.of(OutputFormat.CSV, OutputFormat.XLSX)));
    }

    @Test
    void partitionsStartInTheOrderTheirFunctionGaveNotInTheSplittersHashOrder() throws Exception {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "nightly"), new JobParameters());
        List<String> expected = new ArrayList<>();
        Set<StepExecution> partitions = new HashSet<>(); // as Spring Batch's splitter hands them over
        List<String> outputs = names(List.of(Language.ZH, Language.EN), List.of(OutputFormat.values()));
        for (int i = 0; i < outputs.size(); i++) {
            String name = "renderOutput:" + outputs.get(i);
            expected.add(name);
            StepExecution e = new StepExecution(1000L - 37L * i, name, job);
            e.getExecutionContext().putInt(RunSteps.ORDER, i);
            partitions.add(e);
        }
        assertNotEquals(expected, partitions.stream().map(StepExecution::getStepName).toList(),
                "the set's own order differs, or this test would prove nothing");

        List<String> started = new ArrayList<>();
        RunSteps.InOrder handler = new RunSteps.InOrder();
        handler.setTaskExecutor(new SyncTaskExecutor());
        handler.setStep(new Step() {
            @Override
            public String getName() {
                return "renderOutput";
            }

            @Override
            public void execute(StepExecution e) {
                started.add(e.getStepName());
                e.setStatus(BatchStatus.COMPLETED);
            }
        });
        handler.doHandle(new StepExecution(1L, "render", job), partitions);
        assertEquals(expected, started);
    }
}
