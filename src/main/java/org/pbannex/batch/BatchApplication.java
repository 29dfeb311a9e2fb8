package org.pbannex.batch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of pb-annex: the job repository (H2 or PostgreSQL, Flyway-managed) and the annex job. */
@SpringBootApplication
public class BatchApplication {
}
