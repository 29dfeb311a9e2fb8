package org.pbannex.cli;

import org.pbannex.batch.BatchApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context (database, Flyway, job repository) only for the commands that need it. */
final class SpringRuntime {

    /** The database could not be reached or migrated (exit status 5). */
    static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SpringRuntime() {
    }

    static ConfigurableApplicationContext start() {
        try {
            return new SpringApplicationBuilder(BatchApplication.class)
                    .properties("pb.home=" + PbAnnexApplication.home())
                    .logStartupInfo(false)
                    .run();
        } catch (RuntimeException e) {
            throw new Unavailable("database unavailable: " + ExitCodes.message(e), e);
        }
    }
}
