package org.pbannex.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.RunRequest;
import org.pbannex.publish.ManifestWriter;
import org.pbannex.publish.RunDiff;
import org.pbannex.publish.RunHistory;
import org.pbannex.publish.RunRecord;
import org.pbannex.reference.Biennium;
import org.pbannex.runtime.RunLease;
import org.pbannex.table.Language;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a run of these inputs is to do, decided from a small history in an in-memory database (the project's own
 * migrations, no Spring context) and a run folder on disk, apart from starting anything: each of the launcher's
 * decisions, and the history put right on the way (a run left UNKNOWN failed before its restart).
 */
class RunAdmissionTest {

    private static final String JOB = "annex";

    @TempDir
    Path tmp;

    private SingleConnectionDataSource db;
    private JobRepository repository;
    private RunHistory history;
    private RunAdmission admission;
    private RunRequest request;
    private JobParameters params;
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void history() throws Exception {
        db = new SingleConnectionDataSource("jdbc:h2:mem:admission-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", true);
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        var transactions = new DataSourceTransactionManager(db);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(db);
        factory.setTransactionManager(transactions);
        factory.afterPropertiesSet();
        repository = factory.getObject();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        history = new RunHistory(jdbc);
        RunLease lease = new RunLease(jdbc, transactions, Duration.ofMinutes(2));
        admission = new RunAdmission(repository, JOB, history, lease, Duration.ofMinutes(2), new RunAdmission.StepsLeave() {
            @Override
            public boolean work(String step) {
                return step.startsWith("expenditure");
            }

            @Override
            public boolean staging(String step) {
                return step.startsWith("renderOutput");
            }
        });
        request = new RunRequest("nightly", tmp.resolve("input"), tmp.resolve("output"), new Biennium(2022), List.of("a2"),
                List.of(Language.EN), List.of(OutputFormat.CSV), false);
        params = RunParameters.of(request, "0123456789abcdef", "code-1", null, true);
    }

    @AfterEach
    void close() {
        db.destroy();
    }

    @Test
    void noRunOfTheseInputsYetStartsANewRun() throws Exception {
        RunAdmission.Start start = started();
        assertFalse(start.restart());
        assertEquals(params, start.params());
        assertTrue(start.runId().contains("-01234567-"), "the run's id names its inputs' checksum: " + start.runId());
        assertEquals(List.of(), start.saidOnceRun());
        assertEquals(List.of(), said);
    }

    @Test
    void aFailedRunWhoseFoldersAreThereRestartsUnderItsId() throws Exception {
        ran(params, BatchStatus.FAILED, "r1", "renderOutput:1", BatchStatus.COMPLETED, "publish", BatchStatus.FAILED);
        Files.createDirectories(new RunInfo("r1", Instant.now(), request, "", "").folder().staging());

        RunAdmission.Start start = started();
        assertTrue(start.restart());
        assertEquals("r1", start.runId());
        assertEquals(params, start.params(), "the same job instance, restarted");
    }

    @Test
    void aFailedRunWhoseStagedOutputsAreGoneStartsAfreshAsTheNextInstance() throws Exception {
        JobExecution failed = ran(params, BatchStatus.FAILED, "r1", "renderOutput:1", BatchStatus.COMPLETED, "publish",
                BatchStatus.FAILED);

        assertNewRunAfter(failed, started());
    }

    @Test
    void anAbandonedRunStartsAfreshAsTheNextInstance() throws Exception {
        JobExecution abandoned = ran(params, BatchStatus.ABANDONED, "r1", "validate", BatchStatus.FAILED);

        assertNewRunAfter(abandoned, started());
    }

    @Test
    void aRunStillGoingIsRefused() {
        ran(params, BatchStatus.STARTED, "r1", "validate", BatchStatus.STARTED);

        RunLease.Busy busy = assertThrows(RunLease.Busy.class, () -> admission.decide(request, params, said::add));
        assertTrue(busy.getMessage().startsWith("run r1 is already running these inputs"), busy.getMessage());
    }

    @Test
    void aRunLeftUnknownIsFailedWhereItStoodAndRestarted() throws Exception {
        JobExecution unknown = ran(params, BatchStatus.UNKNOWN, "r1", "validate", BatchStatus.COMPLETED, "render",
                BatchStatus.UNKNOWN);

        RunAdmission.Start start = started();
        assertTrue(start.restart());
        assertEquals("r1", start.runId());
        assertEquals(List.of("Run r1 was left in an unknown state in step render by its process, which ended before it could "
                + "record how the step ended: it is restarted from there."), said);
        JobExecution now = repository.getJobExecution(unknown.getId());
        assertEquals(BatchStatus.FAILED, now.getStatus(), "failed in the history, so that Spring Batch restarts it");
        assertTrue(now.getStepExecutions().stream().noneMatch(s -> s.getStatus() == BatchStatus.UNKNOWN));
    }

    @Test
    void aPublishedRunWhoseFolderIsWholeIsNothingToDo() throws Exception {
        RunInfo r1 = new RunInfo("r1", Instant.now(), request, "0123456789abcdef", "code-1");
        Path folder = r1.folder().published();
        Files.createDirectories(folder);
        ManifestWriter.write(r1.record(RunRecord.PUBLISHED, 0, null, null, Instant.now(), List.of(), List.of(), List.of(),
                List.of(), RunDiff.none(), List.of(), null), folder);
        published(ran(params, BatchStatus.COMPLETED, "r1", "publish", BatchStatus.COMPLETED), folder);

        RunAdmission.NothingToDo done = assertInstanceOf(RunAdmission.NothingToDo.class,
                admission.decide(request, params, said::add));
        assertEquals("r1", done.runId());
        assertEquals(folder, done.folder());
        assertEquals(null, done.unrecordedSince(), "a run the database knows");
    }

    @Test
    void aPublishedRunWhoseFolderIsGoneIsPublishedAgainAsTheNextInstanceSayingSoOnceRun() throws Exception {
        Path folder = new RunInfo("r1", Instant.now(), request, "", "").folder().published();
        JobExecution completed = published(ran(params, BatchStatus.COMPLETED, "r1", "publish", BatchStatus.COMPLETED), folder);

        RunAdmission.Start start = started();
        assertNewRunAfter(completed, start);
        assertEquals(List.of("Run r1 published these inputs, but " + folder + " is missing or changed: they were published "
                + "again."), start.saidOnceRun());
        assertEquals(List.of(), said, "said once the new run has ended, not before");
    }

    /** What the admission decides of these parameters, a run to start. */
    private RunAdmission.Start started() throws Exception {
        return assertInstanceOf(RunAdmission.Start.class, admission.decide(request, params, said::add));
    }

    /** A new run (not a restart), of the next job instance in the chain after {@code last}'s. */
    private static void assertNewRunAfter(JobExecution last, RunAdmission.Start start) {
        assertFalse(start.restart());
        assertNotEquals(last.getExecutionContext().getString(RunInfo.RUN_ID), start.runId());
        assertEquals("after-" + last.getId(), start.params().getString(RunParameters.ATTEMPT));
    }

    /** A job execution of these parameters, run {@code runId}, ended {@code status}, with its steps (name, status, ...). */
    private JobExecution ran(JobParameters p, BatchStatus status, String runId, Object... steps) {
        JobInstance instance = repository.getJobInstance(JOB, p);
        if (instance == null) {
            instance = repository.createJobInstance(JOB, p);
        }
        JobExecution e = repository.createJobExecution(instance, p, new ExecutionContext());
        e.getExecutionContext().putString(RunInfo.RUN_ID, runId);
        e.getExecutionContext().putString(RunInfo.STARTED, Instant.now().toString());
        repository.updateExecutionContext(e);
        for (int i = 0; i < steps.length; i += 2) {
            StepExecution s = repository.createStepExecution((String) steps[i], e);
            s.setStatus((BatchStatus) steps[i + 1]);
            repository.update(s);
        }
        e.setStatus(status);
        repository.update(e);
        return repository.getJobExecution(e.getId());
    }

    private JobExecution published(JobExecution e, Path folder) {
        e.getExecutionContext().putString(RunInfo.PUBLISHED_FOLDER, folder.toString());
        repository.updateExecutionContext(e);
        return e;
    }
}
