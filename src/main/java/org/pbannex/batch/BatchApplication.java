package org.pbannex.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

/** The Spring context of pb-annex: the job repository (H2 or PostgreSQL, Flyway-managed) and the annex job. */
@SpringBootApplication
public class BatchApplication {

    /** The context's message source (the name Spring looks for): none of Spring's, see {@link NoMessages}. */
    @Bean
    static MessageSource messageSource() {
        return new NoMessages();
    }

    /**
     * Only for Spring's ahead-of-time processing at build time, which starts the context from a main method to record
     * its bean definitions; pb-annex itself starts it in {@code cli.SpringRuntime}.
     */
    public static void main(String[] args) {
        SpringApplication.run(BatchApplication.class, args);
    }
}
