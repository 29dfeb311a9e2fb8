package org.pbannex.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of pb-annex: the job repository (H2 or PostgreSQL, Flyway-managed) and the annex job. */
@SpringBootApplication
public class BatchApplication {

    /**
     * Only for Spring's ahead-of-time processing at build time, which starts the context from a main method to record
     * its bean definitions; pb-annex itself starts it in {@code cli.SpringRuntime}.
     */
    public static void main(String[] args) {
        SpringApplication.run(BatchApplication.class, args);
    }
}
