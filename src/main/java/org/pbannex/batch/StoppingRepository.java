package org.pbannex.batch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Spring Batch's job repository, which records nothing more of a run once a signal stops its process. The stop has
 * recorded the run's failure itself (its history row and report, RunListener.stopped); what Spring Batch would write
 * after it is what the closing context makes of the run: a step whose chunk could not be committed as the pool closed
 * under it is UNKNOWN, and when its last update still got through, the next run could not restart it ("Cannot restart
 * step [render] from UNKNOWN status"). Left as the stop found them, the run's executions are those of a dead process:
 * the next run marks them failed and restarts the run from its step (DeadRunRecovery).
 */
public final class StoppingRepository {

    /** What JobRepository writes; the rest reads. */
    private static final Set<String> WRITES = Set.of("createJobInstance", "createJobExecution", "createStepExecution", "update",
            "updateExecutionContext", "deleteJobInstance", "deleteJobExecution", "deleteStepExecution");

    private StoppingRepository() {
    }

    /** The repository, its writes refused once {@code stopping} says a signal stops the process. */
    public static JobRepository of(JobRepository repository, BooleanSupplier stopping) {
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(), new Class<?>[] {JobRepository.class},
                (proxy, method, args) -> {
                    if (WRITES.contains(method.getName()) && stopping.getAsBoolean()) {
                        throw new NotRecorded(method.getName());
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A write refused: Spring Batch logs it (stderr says the signal's line only). */
    public static final class NotRecorded extends IllegalStateException {
        NotRecorded(String write) {
            super("not recorded (" + write + "): a signal is stopping the process, whose stop recorded the run's failure; "
                    + "the next run restarts it");
        }
    }

    /** Wraps the context's job repository. */
    public static final class Wrapping implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof JobRepository repository && !Proxy.isProxyClass(bean.getClass())
                    ? of(repository, org.pbannex.runtime.Interruption::signalled) : bean;
        }
    }
}
