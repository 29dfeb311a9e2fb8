package org.pbannex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.publish.ReportWords;
import org.pbannex.table.Text;
import org.springframework.batch.core.job.flow.FlowJob;
import org.springframework.batch.core.partition.PartitionStep;
import org.springframework.batch.core.step.StepHolder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every step of the annex job, a partitioned step's worker too, has its words in the texts (report.step.*, zh and en):
 * a failed run's report and notice name the step that failed by them, and a step without them was named by its code
 * name inside a Chinese sentence. The steps are read from the job as Spring Batch defines it, so that a step added to
 * the job without its words fails here.
 */
class StepWordsTest {

    @TempDir
    Path tmp;

    static {
        // As the program's start does (SpringRuntime): Spring Boot left to set up logging adds a console appender, whose
        // lines then stand in the stdout of every later command this test JVM runs (NewDatabaseTest read one).
        System.setProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY,
                org.springframework.boot.logging.LoggingSystem.NONE);
    }

    /** The job's steps, and the worker each partitioned one runs ("renderOutput:pdf-zh"), as its partition handler has it. */
    private static void addSteps(FlowJob job, Set<String> steps, Set<String> workers) {
        for (String name : job.getStepNames()) {
            steps.add(name);
            if (job.getStep(name) instanceof PartitionStep partitioned) {
                Object handler = ReflectionTestUtils.invokeMethod(partitioned, "getPartitionHandler");
                workers.add(((StepHolder) handler).getStep().getName());
            }
        }
    }

    @Test
    void everyStepOfTheJobHasItsWordsInBothLanguages() {
        Set<String> steps = new LinkedHashSet<>();
        Set<String> workers = new LinkedHashSet<>();
        try (var context = new SpringApplicationBuilder(BatchApplication.class).initializers(c -> c.getEnvironment()
                .getPropertySources().addFirst(new MapPropertySource("test", new java.util.HashMap<>(CliRun.h2(tmp.resolve("db"))))))
                .logStartupInfo(false).run()) {
            for (var job : context.getBeansOfType(org.springframework.batch.core.job.Job.class).values()) {
                addSteps((FlowJob) job, steps, workers);
            }
        }
        assertTrue(steps.containsAll(List.of("validate", "check", "render", "publish", "distribute")), steps.toString());
        assertTrue(workers.containsAll(List.of("expenditurePartition", "renderOutput")), workers.toString());
        steps.addAll(workers);
        ReportWords words = ReportWords.read(Golden.input(), null);
        List<String> lacking = new ArrayList<>();
        for (String step : steps) {
            List<String> asked = new ArrayList<>();
            ReportWords.step(step, w -> {
                asked.add(w);
                return null;
            });
            assertEquals(1, asked.size(), step);
            String word = asked.get(0);
            Text said = words.lacks(word) ? null : words.text(word).with("step", step);
            if (said == null || said.zh().isBlank() || said.en().isBlank() || said.zh().equals(step)) {
                lacking.add("report." + word + " (step " + step + ")");
            }
        }
        assertEquals(List.of(), lacking, "steps without their words in input/reference/texts.csv (zh, en) and ReportWords.WORDS");
    }
}
