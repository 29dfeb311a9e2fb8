package org.pbannex.distribute;

import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mail server the reviewers' messages and the failure notices go through: Spring Boot's sender
 * ({@code spring.mail.*}; null when none is configured), the sender's address ({@code pb.distribution.from}) and the
 * server as host:port, for messages that name it.
 */
public record MailServer(JavaMailSender sender, String from, String server) {

    /** Why nothing can be sent when there is no sender. */
    static final String NOT_CONFIGURED = "no mail server configured (spring.mail.host)";

    /** No server: nothing is sent (for a notice that has nobody to go to, which is still noted in the job's status). */
    public static final MailServer NONE = new MailServer(null, null, null);

    /** The server of these settings, through {@code sender} (Spring Boot's, from the same settings). */
    public static MailServer of(JavaMailSender sender, PropertyResolver settings) {
        return new MailServer(sender, settings.getRequiredProperty("pb.distribution.from"),
                settings.getProperty("spring.mail.host", "") + ":" + settings.getProperty("spring.mail.port", "25"));
    }

    /**
     * The same server where the run's context could not start (its database is down): Spring Boot's mail
     * auto-configuration alone, in a context of its own that holds nothing else, so the sender is configured exactly
     * as the run's would be.
     */
    public static MailServer withoutTheRun(ConfigurableEnvironment settings) {
        try (AnnotationConfigApplicationContext mail = new AnnotationConfigApplicationContext()) {
            mail.setEnvironment(settings);
            mail.register(MailSenderAutoConfiguration.class);
            mail.refresh();
            return of(mail.getBeanProvider(JavaMailSender.class).getIfAvailable(), settings);
        }
    }
}
