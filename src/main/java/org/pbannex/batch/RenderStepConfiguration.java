package org.pbannex.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pbannex.config.PbProperties;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.RenderTarget;
import org.pbannex.publication.RunRenderer;
import org.pbannex.run.RunInfo;
import org.pbannex.table.Language;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rendering as a partitioned step: one partition per output (the CSV folder, each edition's workbook and PDF), run
 * side by side on the cores; each writes into the run's staging folder, which the step makes before them. A restart
 * renders only the outputs that had not been written. A staging folder removed from outside while they render (the
 * output folder removed or moved) stops each render thread as it next begins or ends an output, and is not made again
 * by them ({@link org.pbannex.runtime.StagingRemoved}).
 */
@Configuration
public class RenderStepConfiguration {

    static final String WORKER = "renderOutput";

    @Bean
    Step render(RunSteps steps, Step renderOutput) {
        return steps.partitioned("render", renderOutput, RenderStepConfiguration::partitions, Runtime.getRuntime().availableProcessors(),
                new StagingMade());
    }

    /** Makes the run's staging folder (or finds what its earlier attempt staged) before the partitions render into it. */
    static final class StagingMade implements org.springframework.batch.core.listener.StepExecutionListener {
        @Override
        public void beforeStep(org.springframework.batch.core.step.StepExecution step) {
            try {
                RunInfo.of(step).folder().prepareStaging();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** One partition per output of the run, named after it (csv, xlsx-zh, pdf-en, ...). */
    static Map<String, ExecutionContext> partitions(RunInfo run) {
        Map<String, ExecutionContext> out = new LinkedHashMap<>();
        for (RenderTarget t : RenderTarget.of(run.request())) {
            ExecutionContext c = new ExecutionContext();
            c.putString("format", t.format().name());
            c.putString("language", t.language().name());
            out.put(t.name(), c);
        }
        return out;
    }

    /**
     * The partition's output from its step's name ("render:xlsx-zh"): a process stopped just as the partitions were
     * made (a signal, a kill) can leave one recorded without its context, which its restart must still render.
     */
    private static RenderTarget byStepName(RunInfo run, String stepName) {
        String name = stepName.substring(stepName.lastIndexOf(':') + 1);
        return RenderTarget.of(run.request()).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("step " + stepName + " names no output of the run"));
    }

    @Bean
    Step renderOutput(RunSteps steps, RunInputs inputs, PbProperties props) {
        return steps.tasklet(WORKER, (contribution, run) -> {
            ExecutionContext c = contribution.getStepExecution().getExecutionContext();
            RenderTarget target = c.containsKey("format")
                    ? new RenderTarget(OutputFormat.valueOf(c.getString("format")), Language.valueOf(c.getString("language")))
                    : byStepName(run, contribution.getStepExecution().getStepName());
            var folder = run.folder();
            String file = RunRenderer.fileName(target, run.request());
            try {
                // Gone already for another render thread: this one stops too, whatever a writer has made again since.
                var removed = inputs.stagingRemoved(run);
                if (removed.isPresent()) {
                    throw removed.get();
                }
                int files = RunRenderer.render(target, inputs.computed(run), run.request(), run.runId(), run.started(),
                        run.codeVersion(), folder.stagingFor(file), props.fonts(), props.layoutMemory());
                folder.staged(file);
                contribution.incrementWriteCount(files);
            } catch (org.pbannex.runtime.StagingRemoved e) {
                inputs.stagingRemoved(run, e);
                throw e;
            }
        });
    }
}
