package org.pbannex.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pbannex.config.PbProperties;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.RenderTarget;
import org.pbannex.publication.RunRenderer;
import org.pbannex.table.Language;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Rendering as a partitioned step: one partition per output (the CSV folder, each edition's workbook and PDF), run
 * side by side on the cores; each writes into the run's staging folder. A restart renders only the outputs that had
 * not been written.
 */
@Configuration
public class RenderStepConfiguration {

    static final String WORKER = "renderOutput";

    @Bean
    Step render(RunSteps steps, Step renderOutput, RenderPartitioner partitioner, TaskExecutor renderThreads) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(renderOutput);
        handler.setTaskExecutor(renderThreads);
        handler.setGridSize(1);
        return steps.builder("render").listener((StepExecutionListener) partitioner).partitioner(WORKER, partitioner)
                .partitionHandler(handler).build();
    }

    @Bean
    TaskExecutor renderThreads(PbProperties props) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        int threads = Runtime.getRuntime().availableProcessors();
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setThreadNamePrefix("render-");
        pool.setDaemon(true);
        pool.initialize();
        return pool;
    }

    @Bean
    Step renderOutput(RunSteps steps, RunInputs inputs, PbProperties props) {
        return steps.tasklet(WORKER, (contribution, run) -> {
            ExecutionContext c = contribution.getStepExecution().getExecutionContext();
            RenderTarget target = new RenderTarget(OutputFormat.valueOf(c.getString("format")), Language.valueOf(c.getString("language")));
            var staging = RunInputs.folder(run).prepareStaging();
            int files = RunRenderer.render(target, inputs.computed(run), run.request(), run.runId(), run.started(), run.codeVersion(),
                    staging, props.work().resolve("fonts"));
            contribution.incrementWriteCount(files);
        });
    }

    @Bean
    RenderPartitioner renderPartitioner() {
        return new RenderPartitioner();
    }

    /** One partition per output of the run, named after it (csv, xlsx-zh, pdf-en, ...). */
    static final class RenderPartitioner implements Partitioner, StepExecutionListener {

        private final ThreadLocal<RunInfo> run = new ThreadLocal<>();

        @Override
        public void beforeStep(StepExecution step) {
            run.set(RunInfo.of(step));
        }

        @Override
        public Map<String, ExecutionContext> partition(int gridSize) {
            Map<String, ExecutionContext> out = new LinkedHashMap<>();
            for (RenderTarget t : RenderTarget.of(run.get().request())) {
                ExecutionContext c = new ExecutionContext();
                c.putString("format", t.format().name());
                c.putString("language", t.language().name());
                out.put(t.name(), c);
            }
            return out;
        }
    }
}
