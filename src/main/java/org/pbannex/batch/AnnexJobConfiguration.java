package org.pbannex.batch;

import org.pbannex.config.PbProperties;
import org.pbannex.distribute.DistributionLog;
import org.pbannex.distribute.Distributor;
import org.pbannex.distribute.FailureNotice;
import org.pbannex.distribute.MailServer;
import org.pbannex.distribute.UnsentRuns;
import org.pbannex.expenditure.ExpenditureEngine;
import org.pbannex.publication.Publication;
import org.pbannex.publish.RunHistory;
import org.pbannex.publish.RunRetention;
import org.pbannex.run.RunInfo;
import org.pbannex.runtime.RunLease;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The annex job, read top-down: validate the input; read the expenditure lines (partitioned over the cores by the
 * embedded engine, or into PostgreSQL); check (compute every table and reconcile); render (one partition per output
 * file, side by side); publish. Wiring only: each step calls one service.
 *
 * <p>What a restart resumes and what it derives again: steps that completed are not run again. The expenditure
 * partitions that completed keep their result files in the run's work folder, so a restart parses only the partitions
 * that had not finished, then merges; the merged totals are a file too. The render partitions that completed keep
 * their files in the staging folder. What the steps derive from those (the validated input, the tables and checks)
 * is derived again in a new process, from the input folder (whose checksum identifies the job instance, so it cannot
 * have changed; a file changed while the run reads it stops the run before it publishes, see
 * {@link org.pbannex.publication.InputSnapshot}) and the totals file; see {@link RunInputs}.
 */
@Configuration
@EnableConfigurationProperties(PbProperties.class)
public class AnnexJobConfiguration {

    public static final String JOB_NAME = "annex";

    @Bean
    Job annexJob(JobRepository repository, RunListener listener, Step validate, JobExecutionDecider expenditureEngine,
                 Step expenditurePartitions, Step expenditureMerge, Step expenditurePostgres, Step check, Step render, Step publish,
                 Step distribute) {
        Flow annex = new FlowBuilder<Flow>("annexFlow")
                .start(validate)
                .next(expenditureEngine)
                    .on(EngineDecider.EMBEDDED).to(expenditurePartitions).next(expenditureMerge).next(check).next(render).next(publish).next(distribute)
                .from(expenditureEngine).on(EngineDecider.POSTGRES).to(expenditurePostgres).next(check)
                .from(expenditureEngine).on(EngineDecider.NONE).to(check)
                .build();
        return new JobBuilder(JOB_NAME, repository).listener(listener).start(annex).end().build();
    }

    @Bean
    Step validate(RunSteps steps, RunInputs inputs, PbProperties props) {
        return steps.tasklet("validate", (contribution, run) -> {
            org.pbannex.publication.Publication.refuseUnshown(inputs.inputs(run), run.request(), props.fonts());
            contribution.getStepExecution().setReadCount(inputs.inputs(run).files().values().stream().mapToLong(f -> f.rows()).sum());
        });
    }

    /** Which way the expenditure lines go: the embedded engine, PostgreSQL, or nowhere (the input has none). */
    @Bean
    JobExecutionDecider expenditureEngine(PbProperties props, @Value("${spring.datasource.url}") String databaseUrl) {
        return new EngineDecider(props, databaseUrl);
    }

    static final class EngineDecider implements JobExecutionDecider {

        static final String EMBEDDED = "EMBEDDED";
        static final String POSTGRES = "POSTGRES";
        static final String NONE = "NONE";
        private final PbProperties props;
        private final String databaseUrl;

        EngineDecider(PbProperties props, String databaseUrl) {
            this.props = props;
            this.databaseUrl = databaseUrl;
        }

        @Override
        public FlowExecutionStatus decide(org.springframework.batch.core.job.JobExecution job,
                                          org.springframework.batch.core.step.StepExecution step) {
            RunInfo run = RunInfo.of(job);
            if (Publication.expenditureFiles(run.request().input()).isEmpty()) {
                return new FlowExecutionStatus(NONE);
            }
            return new FlowExecutionStatus(ExpenditureEngine.of(props.expenditure().engine(), databaseUrl) == ExpenditureEngine.POSTGRES
                    ? POSTGRES : EMBEDDED);
        }
    }

    @Bean
    Step check(RunSteps steps, RunInputs inputs) {
        return steps.tasklet("check", (contribution, run) -> {
            var computed = inputs.computed(run);
            var failures = computed.checks().failures();
            if (!failures.isEmpty()) {
                throw new org.pbannex.publication.ReconciliationFailed(failures);
            }
            // The report's words looked up before anything is rendered: texts lacking one stop here, naming the key.
            org.pbannex.publish.ReportWords.of(computed.reference().texts());
            contribution.incrementWriteCount(computed.checks().passedCount());
        });
    }

    @Bean
    Step publish(RunSteps steps, RunPublication publication, RunDistribution distribution) {
        return steps.tasklet("publish", (contribution, run) -> {
            var job = contribution.getStepExecution().getJobExecution();
            // Noted before the folder is published: a run killed before its distribute step still waits for its reviewers.
            distribution.expect(run, job);
            publication.publish(run, job);
            contribution.incrementWriteCount(1);
        });
    }

    /** After publish: the job's reviewers get the run (publishing never waits on mail; a mail failure leaves it published). */
    @Bean
    Step distribute(RunSteps steps, RunDistribution distribution) {
        return steps.tasklet("distribute", (contribution, run) -> distribution.distribute(run, contribution));
    }

    /** Flyway's migration at start-up, a wait for its lock told with the session that holds it. */
    @Bean
    static org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy migration() {
        return org.pbannex.runtime.MigrationLock::migrate;
    }

    /** The pool as every command uses it: a database it found gone is not waited for again at each request. */
    @Bean
    static org.pbannex.runtime.GoneDatabaseDataSource.Wrapping goneDatabase() {
        return new org.pbannex.runtime.GoneDatabaseDataSource.Wrapping();
    }

    /** The job repository as every run uses it: once a signal stops the process, its stop alone records the run. */
    @Bean
    static StoppingRepository.Wrapping stoppingRepository() {
        return new StoppingRepository.Wrapping();
    }

    /** Spring Boot's transaction manager, whose rollback on a connection gone does not hide why it went. */
    @Bean
    org.pbannex.runtime.GoneConnectionTransactions transactionManager(javax.sql.DataSource dataSource) {
        return new org.pbannex.runtime.GoneConnectionTransactions(dataSource);
    }

    @Bean
    DistributionLog distributionLog(JdbcTemplate jdbc) {
        return new DistributionLog(jdbc);
    }

    @Bean
    MailServer mailServer(ObjectProvider<JavaMailSender> mail, Environment settings) {
        return MailServer.of(mail.getIfAvailable(), settings);
    }

    @Bean
    Distributor distributor(DistributionLog log, MailServer mail, PbProperties props, RunLease lease) {
        return new Distributor(log, mail, new org.pbannex.runtime.RunOutcomes(props.status()), lease, props.output());
    }

    @Bean
    org.pbannex.run.DeadRunRecovery deadRunRecovery(org.springframework.batch.core.launch.JobOperator operator,
                                                    JobRepository repository, Job annexJob, RunHistory history, PbProperties props) {
        return new org.pbannex.run.DeadRunRecovery(operator, repository, annexJob, history, props);
    }

    /** What a run is to do, from the history; which completed steps left what its restart reads is this job's. */
    @Bean
    org.pbannex.run.RunAdmission runAdmission(JobRepository repository, Job annexJob, RunHistory history, RunLease lease,
                                              PbProperties props) {
        return new org.pbannex.run.RunAdmission(repository, annexJob.getName(), history, lease, props.run().lease(),
                new org.pbannex.run.RunAdmission.StepsLeave() {
                    @Override
                    public boolean work(String step) {
                        return step.startsWith(ExpenditureStepsConfiguration.WORKER) || step.startsWith("expenditureMerge")
                                || step.startsWith("expenditurePostgres");
                    }

                    @Override
                    public boolean staging(String step) {
                        return step.startsWith(RenderStepConfiguration.WORKER);
                    }
                });
    }

    @Bean
    org.pbannex.run.FailedRunAftermath failedRunAftermath(RunHistory history, RunInputs inputs, FailureNotice notice,
                                                          UnsentRuns unsent,
                                                          org.springframework.core.env.ConfigurableEnvironment settings,
                                                          PbProperties props) {
        return new org.pbannex.run.FailedRunAftermath(history, inputs, notice, unsent, settings, props.home());
    }

    @Bean
    org.pbannex.run.RunAbandonment runAbandonment(org.springframework.batch.core.launch.JobOperator operator,
                                                  JobRepository repository, RunHistory history, UnsentRuns unsent,
                                                  org.pbannex.run.DeadRunRecovery recovery) {
        return new org.pbannex.run.RunAbandonment(operator, repository, history, unsent, recovery);
    }

    @Bean
    UnsentRuns unsentRuns(PbProperties props, RunHistory history) {
        return new UnsentRuns(new org.pbannex.runtime.RunOutcomes(props.status()), history);
    }

    @Bean
    RunRetention runRetention(PbProperties props, DistributionLog log, RunHistory history) {
        return new RunRetention(props.retention().runs(), props.retention().age(), java.time.Clock.systemUTC(), log::distributedRuns,
                history::publishedHere);
    }

    @Bean
    FailureNotice failureNotice(MailServer mail, PbProperties props) {
        return new FailureNotice(mail, props.failures().mailTo(), props.status(), props.input(), props.output(),
                props.imported());
    }

    @Bean
    RunInputs runInputs(PbProperties props) {
        return new RunInputs(props);
    }

    @Bean
    RunHistory runHistory(JdbcTemplate jdbc) {
        return new RunHistory(jdbc);
    }

    @Bean
    RunLease runLease(JdbcTemplate jdbc, PlatformTransactionManager tx, PbProperties props) {
        return new RunLease(jdbc, tx, props.run().lease());
    }
}
